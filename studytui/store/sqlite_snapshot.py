"""Another SQLite store file, read as a consistent snapshot before a sync.

The other file may sit in a folder that Syncthing or a cloud drive is writing,
or be open in another studytui: it is never read raw. SQLite's backup API
copies it into memory under one read transaction (a consistent state, whatever
writes around it), the copy is checked, and it must be a studytui store this
version can read; otherwise the sync is refused in one line, before anything
is written anywhere. The snapshot is an `EventSource` for `sync.receive`.

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
(`fetch_events`: exactly the ids asked for come back through the id index,
each payload JSON), and the derived tables the other CHECKs guard are not
read from the snapshot. The full check keeps them all. It runs when OTHER is
new to this store or may be another file than last time (no marks, or marks
that no longer hold), at least once a week per peer, and on `--full-check`;
other syncs run the quick check.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from studytui.store import errors
from studytui.store.backups import _give_up_when_busy, uri_of
from studytui.store.errors import StoreError, header_problem
from studytui.store.migrations import SCHEMA_VERSION
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
    """A consistent in-memory copy of another store: its events, read-only.

    Its check runs in a thread (`start_check`; SQLite leaves Python's lock
    while it checks), beside the local side of the merge, which waits for it
    (`checked`) before it commits: a damaged copy rolls that transaction back,
    so nothing is written, and a second sync's 0.3 s of quick check costs less
    than that. What such a sync reads of the copy (the events after its mark)
    is read before the check starts; anything else waits for the check.
    `fully_checked`: whether the check is `integrity_check` (else `quick_check`)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self.fully_checked = False
        self.check_seconds = 0.0  # how long the check took, in its thread
        row = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
        self.device_id = str(row[0]) if row else ""
        self._thread: threading.Thread | None = None
        self._verdict: SyncRefused | None = None
        self._early: tuple[str, set[str], list[Event]] | None = None  # (mark, ids, events)

    def start_check(self, full: bool, read_after: str | None = None) -> None:
        """Read the events after the mark `read_after` (when it holds), then check
        the copy in a thread, fully or quickly."""
        ids = ids_of(self._conn, read_after) if read_after is not None else None
        if read_after is not None and ids is not None:
            self._early = (read_after, ids, self._read(ids))
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
        if self._early is not None and wanted <= self._early[1]:
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


#: A mark before the first event: `start_check` reads every event first (a
#: first sync, whose full check then runs beside the local replay).
EVERY_EVENT = "0:"
#: Given the copy (schema known good, not yet checked): whether to check it
#: fully, and the mark after which a sync will read its events (or None).
Plan = Callable[[Snapshot], tuple[bool, "str | None"]]


def take_snapshot(path: Path, plan: Plan = lambda snapshot: (True, None)) -> Snapshot:
    """Copy `path` through the backup API and start its check, fully or quickly
    as `plan` says; SyncRefused if it is unreadable or not a store this
    studytui can merge, and (from `Snapshot.checked`) if damaged or half-copied."""
    where = str(path)
    if problem := header_problem(path):
        raise SyncRefused("sync.damaged", path=where, why=problem)
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        source = sqlite3.connect(uri_of(path), uri=True)  # read-only: never a write there
        try:
            source.execute(f"PRAGMA busy_timeout = {errors.BUSY_TIMEOUT_MS}")
            source.backup(copy, progress=_give_up_when_busy())
        finally:
            source.close()
    except sqlite3.Error as exc:
        copy.close()
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise SyncRefused("sync.busy", path=where) from None
        raise SyncRefused("sync.damaged", path=where, why=str(exc)) from None
    try:
        _check_schema(copy, where)
        snapshot = Snapshot(copy, path)
        snapshot.start_check(*plan(snapshot))
    except sqlite3.Error as exc:
        copy.close()
        raise SyncRefused("sync.damaged", path=where, why=str(exc)) from None
    except BaseException:
        copy.close()
        raise
    return snapshot


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
