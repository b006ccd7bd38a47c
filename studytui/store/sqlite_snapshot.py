"""Another SQLite store file, read as a consistent snapshot before a sync.

The other file may sit in a folder that Syncthing or a cloud drive is writing,
or be open in another studytui: it is never read raw. SQLite's backup API
copies it into memory under one read transaction (a consistent state, whatever
writes around it), the copy passes `PRAGMA integrity_check`, and it must be a
studytui store this version can read; otherwise the sync is refused in one
line, before anything is written anywhere. The snapshot is an `EventSource`
for `sync.receive`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from pathlib import Path
from typing import Any

from studytui.store import errors
from studytui.store.backups import _give_up_when_busy, uri_of
from studytui.store.errors import StoreError, header_problem
from studytui.store.migrations import SCHEMA_VERSION
from studytui.store.sqlite_sync import fetch_events, ids_of, mark_of
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
    """A consistent in-memory copy of another store: its events, read-only."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    def event_ids(self, after: str | None = None) -> set[str] | None:
        return ids_of(self._conn, after)

    def event_mark(self) -> str:
        return mark_of(self._conn)

    def event_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM event").fetchone()[0])

    @property
    def device_id(self) -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
        return str(row[0]) if row else ""

    def fetch_events(self, ids: Collection[str]) -> list[Event]:
        return fetch_events(self._conn, ids)

    def close(self) -> None:
        self._conn.close()


def take_snapshot(path: Path) -> Snapshot:
    """Copy `path` through the backup API and check the copy; SyncRefused if it
    is damaged, half-copied, unreadable or not a store this studytui can merge."""
    where = str(path)
    if problem := header_problem(path):
        raise SyncRefused("sync.damaged", path=where, why=problem)
    copy = sqlite3.connect(":memory:")
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
        _check(copy, where)
    except sqlite3.Error as exc:
        copy.close()
        raise SyncRefused("sync.damaged", path=where, why=str(exc)) from None
    except SyncRefused:
        copy.close()
        raise
    return Snapshot(copy, path)


def _check(copy: sqlite3.Connection, where: str) -> None:
    # The whole file, indexes included, not only the event table: the sync then
    # writes OTHER's events and derived tables, and must never write into damage.
    # On a year of reviews (200 MB) this is most of a sync's time (bench_sync.py);
    # `quick_check` would take a third of it but skips the indexes.
    rows = [r[0] for r in copy.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        raise SyncRefused("sync.damaged", path=where, why=rows[0])
    version = copy.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if version > SCHEMA_VERSION:
        raise SyncRefused("sync.newer", path=where, version=version, ours=SCHEMA_VERSION)
    if version == 0 or not tables & {"event", "review_log"}:
        raise SyncRefused("sync.not_store", path=where)
    if version < FIRST_EVENT_SCHEMA or "event" not in tables:
        raise SyncRefused("sync.older", path=where)
