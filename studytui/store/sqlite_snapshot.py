"""Another SQLite store file, read as a consistent snapshot before a sync.

The other file may sit in a folder that Syncthing or a cloud drive is writing,
or be open in another studytui: it is never read raw. SQLite's backup API
copies it under one read transaction (a consistent state, whatever writes
around it) into memory or a private temporary file (`Snapshot` says which
when), the copy is checked, and it must be a studytui store this version can read;
otherwise the sync is refused in one line, before anything is committed
anywhere. The snapshot is an `EventSource` for `sync.receive`.

Which check (`sync_check` decides): `PRAGMA integrity_check` is the full one,
and on a year of reviews (200 MB, 200,000 events) it takes 0.99 s on a quiet
machine against 0.14 s for the backup copy itself: twice a second sync's
whole budget (0.5 s). `PRAGMA quick_check` checks every page's b-tree
structure, record formats, NOT NULL constraints, the freelist and page
accounting: what a torn, truncated or half-copied file breaks. It skips
whether each index agrees with its table's rows, and here CHECK constraints
too (`ignore_check_constraints`): after a first sync a store holds 300,000
events (273 MB), and evaluating `json_valid(payload)` on every one of them is
0.17 of the quick check's 0.36 s (0.21 s without), for events the sync does
not read: the ones it reads are checked as they are read instead
(exactly the ids asked for come back through the id index, each payload
JSON: `sync_attach.copy_events`, or `fetch_events`), and the derived tables
the other CHECKs guard are not read from the snapshot. The full check keeps
them all. It runs when OTHER is new to this store or may be another file than
last time (no marks, or marks that no longer hold), at least once a week per
peer, and on `--full-check`; other syncs run the quick check.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from studytui.store import errors
from studytui.store.backups import _give_up_when_busy, uri_of
from studytui.store.errors import StoreError, header_problem
from studytui.store.migrations import SCHEMA_VERSION
from studytui.store.open_here import open_here
from studytui.store.sqlite_sync import fetch_events, ids_of, mark_of, marked_rowid
from studytui.store.sync import Event

#: The first schema with the event log: an older store has nothing to merge by id.
FIRST_EVENT_SCHEMA = 3


class SyncRefused(StoreError):
    """A sync refused before anything was written, as a catalogue entry
    (`words/sync.py`) so the command says it in the learner's language."""

    def __init__(self, key: str, **values: Any) -> None:
        from studytui.words import say

        self.key, self.values = key, values
        super().__init__(say(key, "en", **values))


class Snapshot:
    """A consistent copy of another store, in memory or in a private temporary
    file (`sync_file`, gone on `close`): its events, read-only.

    Its check runs in a thread (`start_check`; SQLite leaves Python's lock
    while it checks), beside the local side of the merge, which waits for it
    (`checked`) before it commits: a damaged copy rolls that transaction back,
    so nothing is written, and a second sync's 0.2 s of quick check costs less
    than that. Two kinds of copy:
    - in a private temporary file (`sync_file`), for a sync that compares every
      id (a first one): the local side attaches it and copies the events it
      lacks inside SQLite, through a connection of its own, so the check does
      not hold it up;
    - in memory, for a sync after the marks of the last one (a few events, and
      a copy to memory, 0.14 s, is a third quicker than to a file and to its
      deletion): the events after the mark are read before the check starts
      (`start_check`), and anything else waits for the check.
    `fully_checked`: whether the check is `integrity_check` (else `quick_check`)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, file: Path | None = None) -> None:
        self._conn = conn
        self.path = path
        self.sync_file = file
        self.fully_checked = False
        self.check_seconds = 0.0  # how long the check took, in its thread
        row = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
        self.device_id = str(row[0]) if row else ""
        self._thread: threading.Thread | None = None
        self._verdict: SyncRefused | None = None
        # (mark, the ids after it, their events: read early from a copy in memory)
        self._early: tuple[str, set[str], list[Event] | None] | None = None

    def start_check(self, full: bool, read_after: str | None = None) -> None:
        """Read the ids after the mark `read_after` (when it holds), and for a
        copy in memory their events, then check the copy in a thread."""
        ids = ids_of(self._conn, read_after) if read_after is not None else None
        if read_after is not None and ids is not None:
            self._early = (read_after, ids, None if self.sync_file else self._read(ids))
        self.fully_checked = full
        self._thread = threading.Thread(target=self._check, args=(full,), daemon=True)
        self._thread.start()

    def _check(self, full: bool) -> None:
        start = time.perf_counter()
        try:
            _check(self._conn, str(self.path), full)
        except SyncRefused as exc:
            self._verdict = exc
        except sqlite3.Error as exc:
            self._verdict = SyncRefused("sync.damaged", path=str(self.path), why=str(exc))
        self.check_seconds = time.perf_counter() - start

    def checked(self) -> None:
        """Wait for the check; SyncRefused if the copy is damaged."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._verdict is not None:
            raise self._verdict

    def event_ids(self, after: str | None = None) -> set[str] | None:
        if self._early is not None and (after or EVERY_EVENT) == self._early[0]:
            return set(self._early[1])
        self.checked()
        return ids_of(self._conn, after)

    def event_mark(self) -> str:
        self.checked()
        return mark_of(self._conn)

    def mark_holds(self, mark: str) -> bool:
        return marked_rowid(self._conn, mark) is not None

    def event_count(self) -> int:
        self.checked()
        return int(self._conn.execute("SELECT count(*) FROM event").fetchone()[0])

    def fetch_events(self, ids: Collection[str]) -> list[Event]:
        """The events with these ids, in id order."""
        wanted = set(ids)
        if self._early is not None and self._early[2] is not None and wanted <= self._early[1]:
            return [e for e in self._early[2] if e[0] in wanted]
        self.checked()
        return self._read(wanted)

    def _read(self, wanted: set[str]) -> list[Event]:
        """Read through the id index: refused as damaged unless each id comes back
        once and every payload is JSON (the quick check does not compare an
        index with its rows)."""
        try:
            rows = fetch_events(self._conn, wanted, columns=", json_valid(payload)")
        except sqlite3.Error as exc:
            raise SyncRefused("sync.damaged", path=str(self.path), why=str(exc)) from None
        got = {row[0] for row in rows}
        if len(rows) != len(wanted) or got != wanted:
            raise SyncRefused("sync.damaged", path=str(self.path),
                              why=f"{len(wanted)} events asked for, {len(got)} found")
        if bad := next((row[0] for row in rows if not row[8]), None):
            raise SyncRefused("sync.damaged", path=str(self.path),
                              why=f"event {bad}: payload is not JSON")
        return [row[:8] for row in rows]

    def close(self) -> None:
        if self._thread is not None:
            self._thread.join()
        self._conn.close()
        if self.sync_file is not None:
            shutil.rmtree(self.sync_file.parent, ignore_errors=True)


#: A mark before the first event: `start_check` reads every id first (a
#: first sync, whose full check then runs beside the local merge).
EVERY_EVENT = "0:"
#: Given the copy (schema known good, not yet checked): whether to check it
#: fully, and the mark after which a sync will read its events (or None).
Plan = Callable[[Snapshot], tuple[bool, "str | None"]]


def device_of(path: Path) -> str:
    """The device id of the store at `path`, read-only ("" when it cannot be
    read: its copy will say why)."""
    try:
        conn = sqlite3.connect(uri_of(path), uri=True)
        try:
            conn.execute(f"PRAGMA busy_timeout = {errors.BUSY_TIMEOUT_MS}")
            row = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return ""
    return str(row[0]) if row else ""


def take_snapshot(path: Path, plan: Plan = lambda snapshot: (True, None), *,
                  into_file: bool = True) -> Snapshot:
    """Copy `path` through the backup API and start its check, fully or quickly
    as `plan` says; SyncRefused if it is unreadable or not a store this
    studytui can merge, and (from `Snapshot.checked`) if damaged or half-copied."""
    where = str(path)
    # (a file this process has open is not read raw: that would drop SQLite's locks)
    if not open_here(path) and (problem := header_problem(path)):
        raise SyncRefused("sync.damaged", path=where, why=problem)
    size = _size(path)
    file = Path(tempfile.mkdtemp(prefix="studytui-sync-", dir=_scratch_dir(size))) \
        / "snapshot.db" if into_file else None  # 0700: ours alone
    try:
        copy = sqlite3.connect(file or ":memory:", check_same_thread=False)
    except sqlite3.Error as exc:
        _discard(None, file)
        raise SyncRefused("sync.damaged", path=where, why=str(exc)) from None
    try:
        # a scratch copy: no journal, no flush (a crash loses nothing of the stores)
        copy.execute("PRAGMA journal_mode = OFF")
        copy.execute("PRAGMA synchronous = OFF")
        source = sqlite3.connect(uri_of(path), uri=True)  # read-only: never a write there
        try:
            source.execute(f"PRAGMA busy_timeout = {errors.BUSY_TIMEOUT_MS}")
            source.backup(copy, progress=_give_up_when_busy())
        finally:
            source.close()
    except sqlite3.Error as exc:
        _discard(copy, file)
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise SyncRefused("sync.busy", path=where) from None
        if "full" in text and file is not None:  # the scratch folder is, not OTHER
            raise SyncRefused("sync.no_room", path=where, why=str(exc),
                              folder=str(file.parent.parent)) from None
        raise SyncRefused("sync.damaged", path=where, why=str(exc)) from None
    try:
        _check_schema(copy, where)
        snapshot = Snapshot(copy, path, file)
        snapshot.start_check(*plan(snapshot))
    except sqlite3.Error as exc:
        _discard(copy, file)
        raise SyncRefused("sync.damaged", path=where, why=str(exc)) from None
    except BaseException:
        _discard(copy, file)
        raise
    return snapshot


def _scratch_dir(size: int) -> str | None:
    """Where a copy of `size` bytes goes: a memory-backed folder where the system
    has one with room to spare (a copy of 300 MB written to a disk's folder is
    written to the disk too, beside the sync's own writes; a container's is
    often 64 MB), else the system's temporary folder."""
    shm = "/dev/shm"
    try:
        room = os.statvfs(shm)
        free = room.f_bavail * room.f_frsize
    except (OSError, AttributeError):  # none (Windows, macOS)
        return None
    return shm if os.access(shm, os.W_OK | os.X_OK) and free > size * 2 + (64 << 20) \
        else None


def _size(path: Path) -> int:
    """The bytes of the store at `path` and its WAL: at most what its copy takes."""
    total = 0
    for end in ("", "-wal"):
        try:
            total += os.stat(f"{path}{end}").st_size  # a stat opens nothing: no lock dropped
        except OSError:
            pass
    return total


def _discard(copy: sqlite3.Connection | None, file: Path | None) -> None:
    if copy is not None:
        copy.close()
    if file is not None:
        shutil.rmtree(file.parent, ignore_errors=True)


def _check_schema(copy: sqlite3.Connection, where: str) -> None:
    """A studytui store with an event log, of a schema this version reads."""
    version = copy.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if version > SCHEMA_VERSION:
        raise SyncRefused("sync.newer", path=where, version=version, ours=SCHEMA_VERSION)
    if version == 0 or not tables & {"event", "review_log"} or "meta" not in tables:
        raise SyncRefused("sync.not_store", path=where)
    if version < FIRST_EVENT_SCHEMA or "event" not in tables:
        raise SyncRefused("sync.older", path=where)


def _check(copy: sqlite3.Connection, where: str, full: bool) -> None:
    # The whole file, not only the event table: the sync then writes OTHER's
    # events and derived tables, and must never write into damage. The quick
    # check leaves CHECK constraints to the full one (the module says why).
    copy.execute(f"PRAGMA ignore_check_constraints = {'OFF' if full else 'ON'}")
    rows = [r[0] for r in copy.execute("PRAGMA integrity_check" if full
                                       else "PRAGMA quick_check")]
    if rows != ["ok"]:
        raise SyncRefused("sync.damaged", path=where, why=rows[0])
