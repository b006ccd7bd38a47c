"""Rolling daily backups of the review store, and bringing the latest good one back.

A backup is `backups/<store name>-YYYY-MM-DD.db` beside the store (the store's
name is part of it so two stores in one folder never restore each other). One a
day (UTC date), the last KEEP kept. Each is written to a temporary name and
renamed, so a crash mid-backup never leaves a half file that looks complete.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path

from studytui.store.errors import header_problem

KEEP = 7
_SIDECARS = ("-wal", "-shm", "-journal")


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_path(db_path: Path, day: date) -> Path:
    return backup_dir(db_path) / f"{db_path.stem}-{day.isoformat()}.db"


def list_backups(db_path: Path) -> list[Path]:
    """This store's backups, newest first."""
    folder = backup_dir(db_path)
    pattern = re.compile(rf"^{re.escape(db_path.stem)}-(\d{{4}}-\d{{2}}-\d{{2}})\.db$")
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if pattern.match(p.name)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def make_daily_backup(conn: sqlite3.Connection, db_path: Path, today: date | None = None) -> bool:
    """Copy the open store to today's backup unless it exists; prune to KEEP.

    Returns True when a backup was written. Raises OSError / sqlite3.Error on
    failure; the caller decides whether that matters (it never blocks studying).
    """
    today = today or datetime.now(timezone.utc).date()
    target = backup_path(db_path, today)
    if target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    dst = sqlite3.connect(tmp)
    try:
        conn.backup(dst)  # one step: a consistent snapshot; WAL readers never block writers
    finally:
        dst.close()
    os.replace(tmp, target)
    for old in list_backups(db_path)[KEEP:]:
        old.unlink(missing_ok=True)
    return True


def check_file(path: Path) -> list[str]:
    """Problems that make `path` unusable as a store (empty list when it is good)."""
    problem = header_problem(path)
    if problem:
        return [problem]
    try:
        conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    except sqlite3.Error as exc:
        return [f"cannot open: {exc}"]
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            return rows
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "review_log" not in names:
            return ["not a studytui store (no review_log table)"]
    except sqlite3.Error as exc:
        return [f"unreadable: {exc}"]
    finally:
        conn.close()
    return []


def move_aside(db_path: Path, now: datetime | None = None) -> Path | None:
    """Rename the store (and its -wal/-shm) to `<name>.broken-<time>`; never deletes it."""
    if not db_path.exists():
        return None
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.broken-{stamp}")
    os.replace(db_path, aside)
    for suffix in _SIDECARS:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            # A stale WAL must never be applied to the restored file.
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside


def restore_latest_backup(db_path: Path) -> tuple[Path | None, list[str]]:
    """Put the newest backup that passes `PRAGMA integrity_check` in place of the store.

    The current store (if any) is moved aside, not deleted. Returns the backup
    used (None when no good backup exists: then nothing is touched) and lines
    describing what was done.
    """
    lines: list[str] = []
    for candidate in list_backups(db_path):
        problems = check_file(candidate)
        if problems:
            lines.append(f"skipped backup {candidate.name}: {problems[0]}")
            continue
        tmp = db_path.with_name(db_path.name + ".restoring")
        src = sqlite3.connect(f"file:{candidate}?immutable=1", uri=True)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        aside = move_aside(db_path)
        if aside:
            lines.append(f"moved the damaged store aside to {aside}")
        os.replace(tmp, db_path)
        lines.append(f"restored {db_path} from backup {candidate.name}")
        return candidate, lines
    lines.append(f"no good backup of {db_path} found in {backup_dir(db_path)}")
    return None, lines
