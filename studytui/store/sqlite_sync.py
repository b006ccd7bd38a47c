"""The SQLite store as a sync peer (`sync.SyncPeer`): its event ids, events by
id, inserting events, and replaying only the cards that new events touch.

Only what is new is replayed: a card's review rows and state are derived again
by `replay.replay_one` (what undo uses) for each card a new event names, and
new quiz answers get their rows. When the new events touch a large share of
the cards (a first sync), one `replay.rebuild` is faster and is used instead.
It is used too when the store holds a table this module does not know (a table
derived for a kind added later, which only `rebuild` knows how to derive):
correct first, fast where it knows how.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from studytui.store.errors import explain
from studytui.store.replay import (
    QUIZ_INSERT,
    CardKey,
    Recompute,
    quiz_row,
    rebuild,
    replay_one,
)
from studytui.store.sync import Event

#: Tables whose rows the incremental replay below keeps right (the rest of the
#: schema's tables are derived by `rebuild` alone).
KNOWN_TABLES = frozenset({"meta", "event", "review_log", "quiz_log", "card_state"})
EVENT_COLUMNS = "id, device_id, kind, at, deck_id, card_id, direction, payload"
# Every id as one text, far faster than a row each; the count tells an id that
# holds the separator (never a UUID, but OTHER may be any file), read row by row then.
EVENT_IDS = "SELECT count(*), group_concat(id, char(10)) FROM event"
_CHUNK = 500  # ids per `IN (...)`: well under SQLite's limit on parameters
#: With new events touching more than this share of the cards (and more than
#: REBUILD_MIN cards), one rebuild of them all is faster than card by card.
REBUILD_SHARE, REBUILD_MIN = 0.25, 500


def ids_of(conn: sqlite3.Connection) -> set[str]:
    """Every event id of the store on `conn`."""
    count, joined = conn.execute(EVENT_IDS).fetchone()
    ids = joined.split("\n") if joined else []
    if len(ids) != count:
        ids = [i for (i,) in conn.execute("SELECT id FROM event")]
    return set(ids)


def fetch_events(conn: sqlite3.Connection, ids: Collection[str]) -> list[Event]:
    """The events with these ids, in id order."""
    wanted = list(ids)
    out: list[Event] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        out += conn.execute(f"SELECT {EVENT_COLUMNS} FROM event WHERE id IN"
                            f" ({','.join('?' * len(chunk))})", chunk).fetchall()
    out.sort()
    return out


def replay_cards(conn: sqlite3.Connection, events: Sequence[Event],
                 recompute: Recompute | None) -> set[CardKey]:
    """Derive again what `events` (inserted already) touch, inside the caller's
    transaction; the cards whose card_state row changed (added, altered or gone)."""
    keys = {(e[4], e[5], e[6]) for e in events if e[5]}
    tables = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    cards = conn.execute("SELECT count(*) FROM card_state").fetchone()[0]
    if tables - KNOWN_TABLES or len(keys) > max(REBUILD_MIN, cards * REBUILD_SHARE):
        before = _states(conn)
        rebuild(conn, recompute)
        after = _states(conn)
        return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    before = {key: _state(conn, key) for key in keys}
    for key in sorted(keys):
        replay_one(conn, key, recompute)
    conn.executemany(QUIZ_INSERT, (
        quiz_row(e[0], (e[4], e[5], e[6]), e[3], json.loads(e[7]))
        for e in events if e[2] == "quiz"))
    return {key for key in keys if _state(conn, key) != before[key]}


def _states(conn: sqlite3.Connection) -> dict[CardKey, tuple[Any, ...]]:
    return {r[:3]: r[3:] for r in conn.execute("SELECT * FROM card_state")}


def _state(conn: sqlite3.Connection, key: CardKey) -> tuple[Any, ...] | None:
    return conn.execute("SELECT * FROM card_state WHERE deck_id = ? AND card_id = ?"
                        " AND direction = ?", key).fetchone()


class StoreSync:
    """The sync peer methods of `Store` (a mixin: `Store` supplies the connection
    and its one-transaction `_write`)."""

    _conn: sqlite3.Connection
    path: Path

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    @contextmanager
    def sync_transaction(self) -> Iterator[sqlite3.Connection]:
        """One `BEGIN IMMEDIATE ... COMMIT` (the store's own write): another
        studytui on this store waits, and a failure leaves the store as it was."""
        with self._write() as conn:
            yield conn

    def event_ids(self) -> set[str]:
        try:
            return ids_of(self._conn)
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None

    def fetch_events(self, ids: Collection[str]) -> list[Event]:
        return fetch_events(self._conn, ids)

    def insert_events(self, events: Sequence[Event]) -> None:
        self._conn.executemany("INSERT INTO event VALUES (?,?,?,?,?,?,?,?)", events)

    def replay_cards(self, events: Sequence[Event], recompute: Recompute | None
                     ) -> set[CardKey]:
        return replay_cards(self._conn, events, recompute)
