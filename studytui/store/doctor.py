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

from studytui.errors import Said, in_words
from studytui.store.backups import backup_dir, list_backups, restore_latest_backup
from studytui.store.errors import StoreLocked, corrupt_message, explain, path_problem
from studytui.store.lock import StoreLock
from studytui.store.replay import Recompute
from studytui.store.schema_v3 import BUNDLED_DECK
from studytui.store.sqlite_store import Store, StoreError, header_problem

__all__ = ["DoctorReport", "diagnose", "main", "restore_latest_backup", "run"]

OK, DAMAGED = 0, 1
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class DoctorReport(NamedTuple):
    lines: list[str | Said]  # Said: put into words in the learner's language by the CLI
    status: int

    def in_words(self, lang: str = "en") -> list[str]:
        return [in_words(line, lang) for line in self.lines]


def diagnose(db_path: Path, restore: bool = False, *, force: bool = False,
             deck_id: str = BUNDLED_DECK, card_ids: set[str] | None = None,
             recompute: Recompute | None = None) -> DoctorReport:
    """Check (and with `restore`, restore) the store; `card_ids`, the deck's cards
    as loaded now, lets it name reviews of cards that no longer exist."""
    db_path = Path(db_path)
    lines: list[str | Said] = []
    if problem := path_problem(db_path):
        return DoctorReport([problem], DAMAGED)
    if restore:
        status = _restore(db_path, force, lines)
        if status is not None:
            return DoctorReport(lines, status)
    elif not db_path.exists():
        return DoctorReport([Said("doctor.no_store", path=db_path)], OK)
    status = _check(db_path, deck_id, card_ids, recompute, lines)
    return DoctorReport(lines, status)


run = diagnose  # the name the CLI calls


def _restore(db_path: Path, force: bool, lines: list[str | Said]) -> int | None:
    """Restore under the exclusive lock; a status when doctor should stop here."""
    if not list_backups(db_path):
        lines.append(Said("doctor.no_backup", path=db_path, folder=backup_dir(db_path)))
        return DAMAGED
    lock = StoreLock(db_path)
    try:
        if not lock.exclusive():
            lines.append(Said("doctor.in_use", path=db_path))
            return DAMAGED
        if not force and _sound(db_path):
            lines.append(Said("doctor.sound", path=db_path))
            return DAMAGED
        try:
            used, restored = restore_latest_backup(db_path)
        except sqlite3.OperationalError as exc:  # another program holds SQLite's lock
            lines.append(explain(exc, db_path).message)
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
           recompute: Recompute | None, lines: list[str | Said]) -> int:
    say = lines.append
    backups = list_backups(db_path)
    problem = header_problem(db_path)
    if problem:
        say(corrupt_message(db_path, problem))
        _advise(lines, db_path, backups)
        return DAMAGED
    try:
        store = Store.open(db_path, backup=False, deck_id=deck_id)
    except StoreError as exc:
        say(exc.message)
        return DAMAGED
    try:
        problems = store.integrity_check()
        if problems:
            say(Said("doctor.integrity_failed", path=db_path))
            lines.extend(f"  {p}" for p in problems[:20])
            _advise(lines, db_path, backups)
            return DAMAGED
        say(Said("doctor.integrity_ok", path=db_path))
        counts = store.event_counts()
        if counts:
            say(Said("doctor.events", counts=", ".join(f"{n} {kind}"
                                                      for kind, n in sorted(counts.items()))))
        else:
            say(Said("doctor.no_events"))
        before = store.state_rows()
        written = store.rebuild_states(recompute)
        after = store.state_rows()
        changed = sum(before.get(k) != v for k, v in after.items()) + len(before.keys() - after)
        say(Said("doctor.rebuilt_fixed", n=written, changed=changed) if changed
            else Said("doctor.rebuilt_matched", n=written))
        if card_ids is not None:
            _orphans(lines, store.orphans(card_ids))
    except StoreLocked as exc:
        say(exc.message)
        return DAMAGED
    except StoreError as exc:
        say(exc.message)
        _advise(lines, db_path, backups)
        return DAMAGED
    finally:
        store.close()
    if backups:
        say(Said("doctor.backups", n=len(backups), folder=backup_dir(db_path),
                 latest=backups[0].name))
    else:
        say(Said("doctor.no_backups_yet", folder=backup_dir(db_path)))
    return OK


def _orphans(lines: list[str | Said], orphans: dict[str, int]) -> None:
    if not orphans:
        return
    names = ", ".join(_CONTROL.sub("?", c) for c in sorted(orphans)[:10])
    if len(orphans) > 10:
        names = Said("doctor.and_more", names=names, n=len(orphans) - 10)
    reviews, cards = sum(orphans.values()), len(orphans)
    lines.append(Said("doctor.orphans", names=names,
                      reviews=Said("doctor.reviews" if reviews - 1 else "doctor.review", n=reviews),
                      cards=Said("doctor.cards" if cards - 1 else "doctor.card", n=cards)))


def _advise(lines: list[str | Said], db_path: Path, backups: list[Path]) -> None:
    if backups:
        lines.append(Said("doctor.advise_restore", newest=backups[0].name))
    else:
        lines.append(Said("doctor.advise_move", folder=backup_dir(db_path), name=db_path.name))


def main(db_path: Path, restore: bool = False, echo: Callable[[str], object] = print) -> int:
    """Print the report's lines; return the exit status."""
    report = diagnose(db_path, restore)
    for line in report.lines:
        echo(str(line))
    return report.status
