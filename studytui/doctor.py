"""`studytui doctor`: check the review store, rebuild its derived table, restore a backup.

    diagnose(db_path, restore=False) -> DoctorReport(lines, status)
    run(db_path, restore=False, echo=print) -> exit status

Status 0: the store is sound (or was restored); 1: it is damaged and was not
repaired (the lines say how). A check never writes to a damaged file, and a
restore moves the damaged file aside instead of deleting it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from studytui.backups import backup_dir, list_backups, restore_latest_backup
from studytui.store import Store, StoreError, header_problem

__all__ = ["DoctorReport", "diagnose", "restore_latest_backup", "run"]

OK, DAMAGED = 0, 1


@dataclass
class DoctorReport:
    lines: list[str] = field(default_factory=list)
    status: int = OK


def diagnose(db_path: Path, restore: bool = False) -> DoctorReport:
    db_path = Path(db_path)
    report = DoctorReport()
    say = report.lines.append
    backups = list_backups(db_path)

    if restore:
        used, lines = restore_latest_backup(db_path)
        report.lines += lines
        if used is None:
            report.status = DAMAGED
            return report
    elif not db_path.exists():
        say(f"no review store at {db_path} yet: nothing to check")
        return report

    problem = header_problem(db_path)
    if problem:
        report.status = DAMAGED
        say(f"the review store {db_path} is damaged: {problem}")
        _advise(report, db_path, backups)
        return report
    try:
        store = Store.open(db_path, backup=False)
    except StoreError as exc:
        report.status = DAMAGED
        say(str(exc))
        return report
    try:
        problems = store.integrity_check()
        if problems:
            report.status = DAMAGED
            say(f"integrity check of {db_path} failed:")
            report.lines += [f"  {p}" for p in problems[:20]]
            _advise(report, db_path, backups)
            return report
        say(f"integrity check of {db_path}: ok")
        before = _states(store)
        written = store.rebuild_states()
        after = _states(store)
        changed = sum(before.get(k) != v for k, v in after.items()) + len(before.keys() - after)
        say(f"card states rebuilt from the review log: {written} cards"
            + (f" ({changed} differed and were fixed)" if changed else " (all matched)"))
    except StoreError as exc:
        report.status = DAMAGED
        say(str(exc))
        _advise(report, db_path, backups)
        return report
    finally:
        store.close()
    if backups:
        say(f"backups: {len(backups)} in {backup_dir(db_path)}, latest {backups[0].name}")
    else:
        say(f"backups: none yet (one is made each day the app opens, in {backup_dir(db_path)})")
    return report


def _states(store: Store) -> dict[str, tuple[object, ...]]:
    return store.state_rows()


def _advise(report: DoctorReport, db_path: Path, backups: list[Path]) -> None:
    if backups:
        report.lines.append(
            f"run `studytui doctor --restore` to bring back the latest good backup "
            f"(newest: {backups[0].name}); the damaged file is kept beside it"
        )
    else:
        report.lines.append(
            f"no backups in {backup_dir(db_path)}: move {db_path.name} away to start afresh"
        )


def run(db_path: Path, restore: bool = False, echo: Callable[[str], object] = print) -> int:
    report = diagnose(db_path, restore)
    for line in report.lines:
        echo(line)
    return report.status
