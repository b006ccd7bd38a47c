"""Rolling daily backups of the review store, and bringing the latest good one back.

A backup is `backups/<store name>-YYYY-MM-DD.db` beside the store (the store's
name is part of it so two stores in one folder never restore each other). One a
day (UTC date), the last KEEP kept. Each is written to a temporary name and
renamed, so a crash mid-backup never leaves a half file that looks complete.

A store's path may hold any character a filesystem allows (`C# course`, `?`,
`%`, spaces, Hangul): SQLite gets plain paths, or `file:` URIs whose path is
percent-escaped (`uri_of`), never a path pasted into a URI.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import quote

from studytui.errors import Said
from studytui.store.errors import header_problem
from studytui.store.files import private_dirs, private_file

KEEP = 7
_SIDECARS = ("-wal", "-shm")


class BackupError(Exception):
    """Why today's backup cannot be made, in words for the learner."""


def uri_of(path: Path, **query: str) -> str:
    """A read-only SQLite URI for `path`, its every special character escaped."""
    params = "&".join(f"{k}={v}" for k, v in {"mode": "ro", **query}.items())
    return f"file:{quote(str(Path(path).absolute()), safe='/')}?{params}"


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

    Returns True when a backup was written. Raises BackupError, OSError or
    sqlite3.Error on failure; the caller decides whether that matters (it never
    blocks studying).
    """
    today = today or datetime.now(timezone.utc).date()
    target = backup_path(db_path, today)
    folder = target.parent
    if folder.exists() and not folder.is_dir():
        raise BackupError(Said("backup.folder_is_file", folder=folder))
    if target.exists():
        return False
    private_dirs(folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackupError(Said("backup.folder_read_only", folder=folder))
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    private_file(tmp)
    dst = sqlite3.connect(tmp)
    try:
        conn.backup(dst)  # one step: a consistent snapshot; WAL readers never block writers
    finally:
        dst.close()
    os.replace(tmp, target)
    for old in list_backups(db_path)[KEEP:]:
        old.unlink(missing_ok=True)
    return True


def check_file(path: Path) -> list[str | Said]:
    """Problems that make `path` unusable as a store (empty list when it is good)."""
    problem = header_problem(path)
    if problem:
        return [problem]
    try:
        conn = sqlite3.connect(uri_of(path, immutable="1"), uri=True)
    except sqlite3.Error as exc:
        return [Said("backup.cannot_open", reason=exc)]
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            return rows
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not names & {"event", "review_log"}:  # v3, or an older studytui's store
            return [Said("backup.not_ours")]
    except sqlite3.Error as exc:
        return [Said("backup.unreadable", reason=exc)]
    finally:
        conn.close()
    return []


def keep_copy(db_path: Path, now: datetime | None = None) -> Path | None:
    """Copy the store (and its -wal) to `<name>.replaced-<time>`, 0600; never moves it."""
    if not db_path.exists():
        return None
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%S")
    kept = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
    for suffix in ("", "-wal"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            copy = Path(f"{kept}{suffix}")
            private_file(copy)
            shutil.copyfile(source, copy)
    return kept


def copy_into(source: Path, db_path: Path) -> None:
    """Make the store file hold `source`, in place, through SQLite's backup API.
    The caller holds the store's exclusive lock (no studytui has it open)."""
    src = sqlite3.connect(uri_of(source, immutable="1"), uri=True)
    try:
        if db_path.exists() and not header_problem(db_path):
            dst = sqlite3.connect(db_path)
            try:
                src.backup(dst, progress=_give_up_when_busy())
                return
            except sqlite3.DatabaseError as exc:
                if _busy(exc):
                    raise  # held by another program: sound, and never emptied
                # too damaged to be written through SQLite: emptied below
            finally:
                dst.close()
        # Not a database (or not one SQLite can write): a stale WAL must never be
        # applied to what comes next, and the file is emptied in place, not replaced.
        for suffix in _SIDECARS:
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        if not private_file(db_path):
            os.truncate(db_path, 0)
        dst = sqlite3.connect(db_path)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _give_up_when_busy() -> Callable[[int, int, int], None]:
    """A backup progress callback: Python's backup retries a locked destination
    forever; this gives up after the store's busy timeout, as a locked error."""
    from studytui.store import errors

    deadline = time.monotonic() + errors.BUSY_TIMEOUT_MS / 1000

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and (
                time.monotonic() > deadline):
            raise sqlite3.OperationalError("database is locked")

    return progress


def _busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def restore_latest_backup(db_path: Path) -> tuple[Path | None, list[str]]:
    """Copy the newest backup that passes `PRAGMA integrity_check` into the store,
    in place; the file it replaces is kept as a copy beside it. The caller
    holds the store's exclusive lock. Returns the backup used (None when no good
    backup exists: then nothing is touched) and lines saying what was done."""
    lines: list[str | Said] = []
    for candidate in list_backups(db_path):
        problems = check_file(candidate)
        if problems:
            lines.append(Said("backup.skipped", name=candidate.name, why=problems[0]))
            continue
        kept = keep_copy(db_path)
        if kept:
            lines.append(Said("backup.kept", path=kept))
        copy_into(candidate, db_path)
        lines.append(Said("backup.restored", path=db_path, name=candidate.name))
        return candidate, lines
    lines.append(Said("backup.none_good", path=db_path, folder=backup_dir(db_path)))
    return None, lines
