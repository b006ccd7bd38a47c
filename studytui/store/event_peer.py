"""A server store as a sync peer: the small interface `studytui sync` merges
event sets through (its `sync.SyncPeer`: event ids, fetch events, insert
events, replay the cards they touch, all in one transaction), in SQL both
engines take. Row-level security keeps every one of them to the connected
student's own events.

An event row is the `event` table's eight columns: (id, device_id, kind, at,
deck_id, card_id, direction, payload JSON text), the payload byte for byte
as the device that made it wrote it.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from studytui.store.replay import QUIZ_INSERT, CardKey, Recompute, quiz_row, replay_one

EventRow = tuple[str, str, str, str, str, str, str, str]
_COLUMNS = "id, device_id, kind, at, deck_id, card_id, direction, payload"
_BATCH = 500  # ids per IN (...) list: far below both engines' parameter limits


class EventPeer:
    """Mixed into a store (it brings `_read`, `_write`, `_conn`)."""

    _conn: Any

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _write(self) -> Any:
        raise NotImplementedError

    @contextmanager
    def sync_transaction(self) -> Iterator[Any]:
        """One transaction of the store's own (this student's writes wait for
        it); the calls below inside it commit together or not at all."""
        with self._write() as conn:
            yield conn

    def event_ids(self, after: str | None = None) -> set[str] | None:
        """The id of every event this store holds (of every deck). A server keeps
        no marks of earlier syncs (`after`): every id is compared (None says so)."""
        if after:
            return None
        return {r[0] for r in self._read("SELECT id FROM event")}

    def event_mark(self) -> str:
        return ""  # no mark: the next sync compares every id again

    def event_count(self) -> int:
        return int(self._read("SELECT count(*) FROM event")[0][0])

    def fetch_events(self, ids: Collection[str]) -> list[EventRow]:
        """The events with these ids (unknown ids are skipped), in id order."""
        wanted = sorted(set(ids))
        rows: list[EventRow] = []
        for start in range(0, len(wanted), _BATCH):
            batch = tuple(wanted[start:start + _BATCH])
            rows += self._read(f"SELECT {_COLUMNS} FROM event WHERE id IN"
                               f" ({','.join('?' * len(batch))})", batch)  # type: ignore[arg-type]
        return sorted(rows)

    def insert_events(self, events: Sequence[EventRow]) -> None:
        """Add events this store lacks (the caller sends only those)."""
        with self._write() as conn:
            conn.executemany(f"INSERT INTO event ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", events)

    def replay_cards(self, events: Sequence[EventRow], recompute: Recompute | None
                     ) -> set[CardKey]:
        """Derive again what `events` (inserted already) touch: each card's review
        rows and state, the answers' quiz rows. Returns the cards whose state changed."""
        keys = {(e[4], e[5], e[6]) for e in events if e[5]}
        state = ("SELECT state, due, review_id FROM card_state WHERE deck_id = ?"
                 " AND card_id = ? AND direction = ?")
        with self._write() as conn:
            before = {key: conn.execute(state, key).fetchone() for key in keys}
            for key in sorted(keys):
                replay_one(conn, key, recompute)
            conn.executemany(QUIZ_INSERT, [
                quiz_row(e[0], (e[4], e[5], e[6]), e[3], json.loads(e[7]))
                for e in events if e[2] == "quiz"])
            return {key for key in keys if conn.execute(state, key).fetchone() != before[key]}
