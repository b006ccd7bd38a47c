"""What can go wrong with a store file, as one-line messages that say how to recover.

`header_problem` looks at a file without opening it with SQLite (a damaged file
must never be written to); `explain` turns a sqlite3/OS error into a StoreError.
"""

from __future__ import annotations

import sys
from pathlib import Path

from studytui.errors import UserError

BUSY_TIMEOUT_MS = 5000
_HEADER = b"SQLite format 3\x00"


class StoreError(UserError):
    """A store problem, as one user-facing line that says how to recover."""


class StoreLocked(StoreError):
    """Another program holds the store's lock: busy, not damaged."""


def header_problem(path: Path) -> str | None:
    """Why `path` is not a whole SQLite file, from its first 100 bytes and size."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as exc:
        return f"cannot read it ({exc.strerror})"
    if size == 0:
        return "it is empty (0 bytes)"
    if len(head) < 100 or not head.startswith(_HEADER):
        return "it is not a SQLite database"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The in-header size is valid only when the change counter matches (SQLite file format),
    # and the file may lag it while a WAL holds pages a checkpoint could not write yet.
    wal = Path(f"{path}-wal")
    wal_pending = wal.exists() and wal.stat().st_size > 0
    if pages and head[24:28] == head[92:96] and size < pages * page_size and not wal_pending:
        return f"it is truncated ({size} of {pages * page_size} bytes)"
    return None


def path_problem(path: Path) -> str | None:
    """Why `path` can never hold a store (a folder; a file where a folder must be),
    before anything is created or called damaged."""
    from studytui.store.files import first_blocker

    if path.is_dir():
        return (f"the review store path {str(path)!r} is a folder, not a file: give a file "
                f"in it, e.g. --db {path / 'store.db'}")
    if blocker := first_blocker(path.parent):
        return (f"cannot keep the review store at {path}: {blocker} is a file, not a folder; "
                "choose another place with --db PATH")
    return None


def wal_problem(path: Path) -> str | None:
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
    return (f"the review store {path} is missing its write-ahead log {wal.name}, which "
            "holds its latest reviews: the store itself is not damaged. If you moved or "
            f"deleted {wal.name}, put it back beside the store and start again; otherwise "
            "run `studytui doctor --restore` for the latest backup (nothing was changed)")


def corrupt_message(path: Path, why: str) -> str:
    return (
        f"the review store {path} is damaged: {why}. Run `studytui doctor --restore` to bring "
        "back the latest backup, or move the file away to start afresh (it was not changed)"
    )


def locked_message(path: Path) -> str:
    return (f"the review store {path} stayed locked by another program for "
            f"{BUSY_TIMEOUT_MS // 1000} s (another studytui, or a tool such as sqlite3): it is "
            "not damaged; close that program or try again in a moment")


def explain(exc: BaseException, path: Path) -> StoreError:
    """A sqlite3/OS error as a one-line StoreError."""
    text = str(exc).lower()
    if "disk is full" in text or isinstance(exc, OSError) and exc.errno == 28:
        msg = (f"cannot save to {path}: the disk is full. Free some space and try again "
               "(everything saved before is kept)")
    elif "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        msg = (f"cannot write the review store {path}: it or its folder is read-only. Fix the "
               "permissions or choose another store with --db PATH")
    elif "unable to open" in text:
        msg = (f"cannot open the review store {path}: check that its folder exists and is "
               "writable, or choose another store with --db PATH")
    elif "disk i/o" in text:
        msg = (f"cannot save to {path}: disk I/O error (full or failing disk?). Free space or "
               "check the disk, then try again (everything saved before is kept)")
    elif "locked" in text or "busy" in text:
        return StoreLocked(locked_message(path))
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        msg = corrupt_message(path, str(exc))
    else:
        msg = f"review store {path}: {exc}"
    return StoreError(msg)
