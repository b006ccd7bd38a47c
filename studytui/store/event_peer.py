"""A store as a sync peer: the few operations a merge of event sets needs
(list event ids, fetch events, insert events, replay cards), in SQL both
engines take, so `studytui sync` can merge a local SQLite store with the
learner's rows on a cohort's server (where row-level security keeps every
operation to the connected student's own events).

An event row is the `event` table's eight columns: (id, device_id, kind, at,
deck_id, card_id, direction, payload JSON text).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from studytui.store.replay import CardKey, Recompute, rebuild, replay_one

EventRow = tuple[str, str, str, str, str, str, str, str]
_COLUMNS = "id, device_id, kind, at, deck_id, card_id, direction, payload"
_BATCH = 500  # ids per IN (...) list: far below both engines' parameter limits


class EventPeer:
    """Mixed into a store (it brings `_read`, `_write`)."""

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _write(self) -> Any:
        raise NotImplementedError

    def event_ids(self) -> set[str]:
        """The id of every event this store holds (of every deck)."""
        return {r[0] for r in self._read("SELECT id FROM event")}

    def fetch_events(self, ids: Iterable[str]) -> list[EventRow]:
        """The events with these ids (unknown ids are skipped), in id order."""
        wanted = sorted(set(ids))
        rows: list[EventRow] = []
        for start in range(0, len(wanted), _BATCH):
            batch = tuple(wanted[start:start + _BATCH])
            rows += self._read(f"SELECT {_COLUMNS} FROM event WHERE id IN"
                               f" ({','.join('?' * len(batch))})", batch)  # type: ignore[arg-type]
        return sorted(rows)

    def insert_events(self, rows: Iterable[EventRow], recompute: Recompute | None = None) -> int:
        """Add the events this store lacks (ids it has are left alone: an event
        never changes) and derive every table again, in one commit. Returns
        the number added."""
        rows = list(rows)
        with self._write() as conn:
            have = {r[0] for r in conn.execute("SELECT id FROM event")}
            new = [tuple(r) for r in rows if r[0] not in have]
            if new:
                conn.executemany(f"INSERT INTO event ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", new)
                rebuild(conn, recompute)
        return len(new)

    def replay_cards(self, keys: Iterable[CardKey], recompute: Recompute | None = None) -> None:
        """Derive these cards' review rows and states again from their events."""
        with self._write() as conn:
            for key in keys:
                replay_one(conn, key, recompute)
