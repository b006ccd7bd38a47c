"""`studytui doctor`: check the review store, rebuild its derived table, restore a backup.

    run(db_path, restore=False) -> DoctorReport(lines, status)   # a named tuple:
        lines, status = run(path, restore)   # the CLI prints lines, exits with status
    main(db_path, restore=False, echo=print) -> status           # prints the lines itself

Status 0: the store is sound (or was restored); 1: it is damaged and was not
repaired (the lines say how). A check never writes to a damaged file, and a
restore moves the damaged file aside instead of deleting it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from studytui.store.backups import backup_dir, list_backups, restore_latest_backup
from studytui.store.sqlite_store import Store, StoreError, header_problem

__all__ = ["DoctorReport", "diagnose", "main", "restore_latest_backup", "run"]

OK, DAMAGED = 0, 1


class DoctorReport(NamedTuple):
    lines: list[str]
    status: int


class _Report:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.status = OK


def diagnose(db_path: Path, restore: bool = False) -> DoctorReport:
    report = _Report()
    _diagnose(Path(db_path), restore, report)
    return DoctorReport(report.lines, report.status)


run = diagnose  # the name the CLI calls


def _diagnose(db_path: Path, restore: bool, report: _Report) -> None:
    say = report.lines.append
    backups = list_backups(db_path)

    if restore:
        used, lines = restore_latest_backup(db_path)
        report.lines += lines
        if used is None:
            report.status = DAMAGED
            return
    elif not db_path.exists():
        say(f"no review store at {db_path} yet: nothing to check")
        return

    problem = header_problem(db_path)
    if problem:
        report.status = DAMAGED
        say(f"the review store {db_path} is damaged: {problem}")
        _advise(report, db_path, backups)
        return
    try:
        store = Store.open(db_path, backup=False)
    except StoreError as exc:
        report.status = DAMAGED
        say(str(exc))
        return
    try:
        problems = store.integrity_check()
        if problems:
            report.status = DAMAGED
            say(f"integrity check of {db_path} failed:")
            report.lines += [f"  {p}" for p in problems[:20]]
            _advise(report, db_path, backups)
            return
        say(f"integrity check of {db_path}: ok")
        before = store.state_rows()
        written = store.rebuild_states()
        after = store.state_rows()
        changed = sum(before.get(k) != v for k, v in after.items()) + len(before.keys() - after)
        say(f"card states rebuilt from the review log: {written} cards"
            + (f" ({changed} differed and were fixed)" if changed else " (all matched)"))
    except StoreError as exc:
        report.status = DAMAGED
        say(str(exc))
        _advise(report, db_path, backups)
        return
    finally:
        store.close()
    if backups:
        say(f"backups: {len(backups)} in {backup_dir(db_path)}, latest {backups[0].name}")
    else:
        say(f"backups: none yet (one is made each day the app opens, in {backup_dir(db_path)})")


def _advise(report: _Report, db_path: Path, backups: list[Path]) -> None:
    if backups:
        report.lines.append(
            f"run `studytui doctor --restore` to bring back the latest good backup "
            f"(newest: {backups[0].name}); the damaged file is kept beside it"
        )
    else:
        report.lines.append(
            f"no backups in {backup_dir(db_path)}: move {db_path.name} away to start afresh"
        )


def main(db_path: Path, restore: bool = False, echo: Callable[[str], object] = print) -> int:
    """Print the report's lines; return the exit status."""
    report = diagnose(db_path, restore)
    for line in report.lines:
        echo(line)
    return report.status
