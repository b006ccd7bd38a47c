"""What can go wrong with a store file, as one-line messages that say how to recover.

`header_problem` looks at a file without opening it with SQLite (a damaged file
must never be written to); `explain` turns a sqlite3/OS error into a StoreError.
"""

from __future__ import annotations

import sys
from pathlib import Path

from studytui.errors import Said, UserError

BUSY_TIMEOUT_MS = 5000
_HEADER = b"SQLite format 3\x00"


class StoreError(UserError):
    """A store problem, as one user-facing line that says how to recover."""


class StoreLocked(StoreError):
    """Another program holds the store's lock: busy, not damaged."""


def header_problem(path: Path) -> Said | None:
    """Why `path` is not a whole SQLite file, from its first 100 bytes and size."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as exc:
        return Said("store.unreadable", reason=exc.strerror)
    if size == 0:
        return Said("store.empty")
    if len(head) < 100 or not head.startswith(_HEADER):
        return Said("store.not_sqlite")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The in-header size is valid only when the change counter matches (SQLite file format),
    # and the file may lag it while a WAL holds pages a checkpoint could not write yet.
    wal = Path(f"{path}-wal")
    wal_pending = wal.exists() and wal.stat().st_size > 0
    if pages and head[24:28] == head[92:96] and size < pages * page_size and not wal_pending:
        return Said("store.truncated", size=size, expected=pages * page_size)
    return None


def path_problem(path: Path) -> Said | None:
    """Why `path` can never hold a store (a folder; a file where a folder must be),
    before anything is created or called damaged."""
    from studytui.store.files import first_blocker

    if path.is_dir():
        return Said("store.is_folder", path=str(path), example=path / "store.db")
    if blocker := first_blocker(path.parent):
        return Said("store.blocked", path=path, blocker=blocker)
    return None


def wal_problem(path: Path) -> Said | None:
    """Why the store's committed work is missing because its -wal file is gone,
    or None. Not damage: the store file is sound, and putting the WAL back beside
    it brings the reviews back; so nothing may write to it meanwhile.

    Two signs (SQLite file formats): a -shm index whose WAL held frames not yet
    copied into the store (mxFrame > nBackfill) with no -wal beside it; or a
    store in WAL mode whose main file has no schema yet (the schema, and every
    review, were in the WAL)."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if wal.exists():
        return None
    lost = False
    try:
        with open(path, "rb") as f:
            head = f.read(100)
        if shm.exists():
            with open(shm, "rb") as f:
                index = f.read(136)
            if len(index) >= 100:
                mx_frame = int.from_bytes(index[16:20], sys.byteorder)
                backfilled = int.from_bytes(index[96:100], sys.byteorder)
                lost = mx_frame > backfilled
    except OSError:
        return None  # header_problem names an unreadable file
    wal_mode_without_schema = (len(head) == 100 and head.startswith(_HEADER)
                               and head[18] == 2 and head[40:44] == b"\0\0\0\0")
    if not (lost or wal_mode_without_schema):
        return None
    return Said("store.wal_missing", path=path, wal=wal.name)


def corrupt_message(path: Path, why: str | Said) -> Said:
    return Said("store.damaged", path=path, why=why)


def locked_message(path: Path) -> Said:
    return Said("store.locked", path=path, seconds=BUSY_TIMEOUT_MS // 1000)


def explain(exc: BaseException, path: Path) -> StoreError:
    """A sqlite3/OS error as a one-line StoreError."""
    text = str(exc).lower()
    if "disk is full" in text or isinstance(exc, OSError) and exc.errno == 28:
        msg = Said("store.disk_full", path=path)
    elif "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        msg = Said("store.read_only", path=path)
    elif "unable to open" in text:
        msg = Said("store.cannot_open", path=path)
    elif "disk i/o" in text:
        msg = Said("store.disk_io", path=path)
    elif "locked" in text or "busy" in text:
        return StoreLocked(locked_message(path))
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        msg = corrupt_message(path, str(exc))
    else:
        msg = Said("store.other", path=path, reason=exc)
    return StoreError(msg)
