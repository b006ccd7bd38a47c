"""`studytui doctor`: check the review store, rebuild its derived tables, restore a backup.

    run(db_path, restore=False, ...) -> DoctorReport(lines, status)   # a named tuple:
        lines, status = run(path, restore)   # the CLI prints lines, exits with status
    main(db_path, restore=False, echo=print) -> status           # prints the lines itself

Status 0: the store is sound (or was restored); 1: it is damaged and was not
repaired, or the restore was refused (the lines say why and what to do). A
check never writes to a damaged file. A restore refuses while any studytui has
the store open (`force` overrides only the "it is sound" refusal), copies the
backup into the store in place and keeps the file it replaced.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from studytui.store.backups import backup_dir, list_backups, restore_latest_backup
from studytui.store.errors import StoreLocked, explain, path_problem
from studytui.store.lock import StoreLock
from studytui.store.replay import Recompute
from studytui.store.schema_v3 import BUNDLED_DECK
from studytui.store.sqlite_store import Store, StoreError, header_problem

__all__ = ["DoctorReport", "diagnose", "main", "restore_latest_backup", "run"]

OK, DAMAGED = 0, 1
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class DoctorReport(NamedTuple):
    lines: list[str]
    status: int


def diagnose(db_path: Path, restore: bool = False, *, force: bool = False,
             deck_id: str = BUNDLED_DECK, card_ids: set[str] | None = None,
             recompute: Recompute | None = None) -> DoctorReport:
    """Check (and with `restore`, restore) the store; `card_ids`, the deck's cards
    as loaded now, lets it name reviews of cards that no longer exist."""
    db_path = Path(db_path)
    lines: list[str] = []
    if problem := path_problem(db_path):
        return DoctorReport([problem], DAMAGED)
    if restore:
        status = _restore(db_path, force, lines)
        if status is not None:
            return DoctorReport(lines, status)
    elif not db_path.exists():
        return DoctorReport([f"no review store at {db_path}: nothing to check "
                             "(nothing was created)"], OK)
    status = _check(db_path, deck_id, card_ids, recompute, lines)
    return DoctorReport(lines, status)


run = diagnose  # the name the CLI calls


def _restore(db_path: Path, force: bool, lines: list[str]) -> int | None:
    """Restore under the exclusive lock; a status when doctor should stop here."""
    if not list_backups(db_path):
        lines.append(f"no good backup of {db_path} found in {backup_dir(db_path)}: "
                     "nothing was changed")
        return DAMAGED
    lock = StoreLock(db_path)
    try:
        if not lock.exclusive():
            lines.append(f"studytui has {db_path} open (the app is running): close it, then "
                         "run `studytui doctor --restore` again; nothing was changed")
            return DAMAGED
        if not force and _sound(db_path):
            lines.append(f"the review store {db_path} is sound: nothing to restore. To go back "
                         "to the latest backup anyway, add --force (the current file is kept)")
            return DAMAGED
        try:
            used, restored = restore_latest_backup(db_path)
        except sqlite3.OperationalError as exc:  # another program holds SQLite's lock
            lines.append(str(explain(exc, db_path)))
            return DAMAGED
        lines += restored
        return DAMAGED if used is None else None
    finally:
        lock.release()


def _sound(db_path: Path) -> bool:
    if not db_path.exists() or header_problem(db_path):
        return False
    try:
        with Store.open(db_path, backup=False, lock=False) as store:  # ours is held
            return not store.integrity_check()
    except StoreLocked:
        return True  # busy is not damaged: a restore would throw away sound work
    except StoreError:
        return False


def _check(db_path: Path, deck_id: str, card_ids: set[str] | None,
           recompute: Recompute | None, lines: list[str]) -> int:
    say = lines.append
    backups = list_backups(db_path)
    problem = header_problem(db_path)
    if problem:
        say(f"the review store {db_path} is damaged: {problem}")
        _advise(lines, db_path, backups)
        return DAMAGED
    try:
        store = Store.open(db_path, backup=False, deck_id=deck_id)
    except StoreLocked as exc:
        say(str(exc))
        return DAMAGED
    except StoreError as exc:
        say(str(exc))
        return DAMAGED
    try:
        problems = store.integrity_check()
        if problems:
            say(f"integrity check of {db_path} failed:")
            lines.extend(f"  {p}" for p in problems[:20])
            _advise(lines, db_path, backups)
            return DAMAGED
        say(f"integrity check of {db_path}: ok")
        counts = store.event_counts()
        say("events: " + (", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
                          or "none yet"))
        before = store.state_rows()
        written = store.rebuild_states(recompute)
        after = store.state_rows()
        changed = sum(before.get(k) != v for k, v in after.items()) + len(before.keys() - after)
        say(f"card states rebuilt from the events: {written} cards"
            + (f" ({changed} differed and were fixed)" if changed else " (all matched)"))
        if card_ids is not None:
            _orphans(lines, store.orphans(card_ids))
    except StoreLocked as exc:
        say(str(exc))
        return DAMAGED
    except StoreError as exc:
        say(str(exc))
        _advise(lines, db_path, backups)
        return DAMAGED
    finally:
        store.close()
    if backups:
        say(f"backups: {len(backups)} in {backup_dir(db_path)}, latest {backups[0].name}")
    else:
        say(f"backups: none yet (one is made each day the app opens, in {backup_dir(db_path)})")
    return OK


def _orphans(lines: list[str], orphans: dict[str, int]) -> None:
    if not orphans:
        return
    names = ", ".join(_CONTROL.sub("?", c) for c in sorted(orphans)[:10])
    more = f" and {len(orphans) - 10} more" if len(orphans) > 10 else ""
    reviews, cards = sum(orphans.values()), len(orphans)
    lines.append(f"orphaned: {reviews} review{'s' * (reviews != 1)} of {cards} "
                 f"card{'s' * (cards != 1)} no longer in the deck ({names}{more}); "
                 "they are kept and counted in stats")


def _advise(lines: list[str], db_path: Path, backups: list[Path]) -> None:
    if backups:
        lines.append(
            f"run `studytui doctor --restore` to bring back the latest good backup "
            f"(newest: {backups[0].name}); the damaged file is kept beside it"
        )
    else:
        lines.append(
            f"no backups in {backup_dir(db_path)}: move {db_path.name} away to start afresh"
        )


def main(db_path: Path, restore: bool = False, echo: Callable[[str], object] = print) -> int:
    """Print the report's lines; return the exit status."""
    report = diagnose(db_path, restore)
    for line in report.lines:
        echo(line)
    return report.status
