"""The SQLite store as a sync peer (`sync.SyncPeer`): its event ids, events by
id, inserting events, and replaying only the cards that new events touch.

Only what is new is replayed: a card's review rows and state are derived again
by `replay.replay_one` (what undo uses) for each card a new event names, and
new quiz answers get their rows; a card whose new events are only reviews
after its latest one starts from its state as it stands (`replay_tail`: a
second sync computes 200 fsrs reviews, not 3,800). When the new events touch
a large share of the cards (a first sync), one `replay.rebuild` is faster and
is used instead (half its cards replayed in a forked child, `fork_split`), and
the second side of such a sync, which then holds exactly the first side's
events, copies its derived tables (`copy_derived`). Between two SQLite stores
the side that receives has the other attached and copies events and tables
inside SQLite (`sync_attach`); with any other peer they go through Python. A
rebuild is used too when the store holds a table this module does not know (a
table derived for a kind added later, which only `rebuild` knows how to
derive): correct first, fast where it knows how.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

from studytui.store.errors import explain
from studytui.store.replay import (
    QUIZ_INSERT,
    CardKey,
    Recompute,
    quiz_row,
    rebuild,
    replay_one,
)
from studytui.store.replay_tail import replay_tail
from studytui.store.sync import Event
from studytui.store.sync_attach import PEER, attached, copy_events, copy_rows, sync_pragmas

#: Tables whose rows the incremental replay below keeps right (the rest of the
#: schema's tables are derived by `rebuild` alone).
KNOWN_TABLES = frozenset({"meta", "event", "review_log", "quiz_log", "card_state"})
EVENT_COLUMNS = "id, device_id, kind, at, deck_id, card_id, direction, payload"
# Every id as one text, far faster than a row each; the count tells an id that
# holds the separator (never a UUID, but OTHER may be any file), read row by row then.
EVENT_IDS = "SELECT count(*), group_concat(id, char(10)) FROM event"
SYNC_MARKS = "sync-marks:"  # + the other store's device id, in meta
FULLY_CHECKED = "sync-checked:"  # + the other store's device id: when, in meta
_CHUNK = 500  # ids per `IN (...)`: well under SQLite's limit on parameters
_SCAN_FROM = 20_000  # ids asked for at once, from which reading every row is faster
#: With new events touching more than this share of the cards (and more than
#: REBUILD_MIN cards), one rebuild of them all is faster than card by card.
REBUILD_SHARE, REBUILD_MIN = 0.25, 500
#: Kinds whose events `replay_one` reads (a new one of another kind, a quiz
#: answer or a flag, leaves the card's review rows and state where they were).
REPLAYED_KINDS = frozenset({"review", "undo", "reschedule"})
T = TypeVar("T")


def mark_of(conn: sqlite3.Connection, schema: str = "main") -> str:
    """'rowid:id' of the last event inserted: events are never deleted, so every
    later one has a larger rowid (a backup copies pages, rowids and all).
    `schema`: of the store attached under that name (`sync_attach`)."""
    row = conn.execute(f"SELECT rowid, id FROM {schema}.event ORDER BY rowid DESC LIMIT 1"
                       ).fetchone()
    return f"{row[0]}:{row[1]}" if row else "0:"


def marked_rowid(conn: sqlite3.Connection, mark: str) -> int | None:
    """The rowid a `mark_of` names, or None when the marked event is not where
    it was (the store was restored or replaced by another copy)."""
    rowid_text, _, event_id = mark.partition(":")
    rowid = int(rowid_text) if rowid_text.isdigit() else -1
    if rowid < 0 or rowid and conn.execute(
            "SELECT id FROM event WHERE rowid = ?", (rowid,)).fetchone() != (event_id,):
        return None
    return rowid


def ids_of(conn: sqlite3.Connection, after: str | None = None) -> set[str] | None:
    """Every event id of the store on `conn`; with `after` (a `mark_of`), the ids
    inserted since, or None when the marked event is not where it was (the
    store was restored or replaced by another copy)."""
    if after is not None:
        rowid = marked_rowid(conn, after)
        if rowid is None:
            return None
        return {i for (i,) in conn.execute("SELECT id FROM event WHERE rowid > ?", (rowid,))}
    count, joined = conn.execute(EVENT_IDS).fetchone()
    ids = joined.split("\n") if joined else []
    if len(ids) != count:
        ids = [i for (i,) in conn.execute("SELECT id FROM event")]
    return set(ids)


def fetch_events(conn: sqlite3.Connection, ids: Collection[str], *, columns: str = ""
                 ) -> list[Any]:
    """The events with these ids, in id order; `columns`: more to read after the
    event's eight (`sqlite_snapshot` asks whether each payload is valid JSON)."""
    wanted = list(ids)
    out: list[Any] = []
    if len(wanted) > _SCAN_FROM:  # most of the log (a first sync): one pass, not lookups
        keep = set(wanted)
        out = [row for row in conn.execute(f"SELECT {EVENT_COLUMNS}{columns} FROM event")
               if row[0] in keep]
        wanted = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        out += conn.execute(f"SELECT {EVENT_COLUMNS}{columns} FROM event WHERE id IN"
                            f" ({','.join('?' * len(chunk))})", chunk).fetchall()
    out.sort()
    return out


def rebuilds_whole(conn: sqlite3.Connection, events: Sequence[Event]) -> bool:
    """Whether deriving what `events` touch is one whole `rebuild`: a large share
    of the cards, or a derived table only `rebuild` knows."""
    keys = {(e[4], e[5], e[6]) for e in events if e[5]}
    cards = conn.execute("SELECT count(*) FROM card_state").fetchone()[0]
    return bool(_tables(conn) - KNOWN_TABLES) or len(keys) > max(REBUILD_MIN,
                                                                  cards * REBUILD_SHARE)


def _tables(conn: sqlite3.Connection, schema: str = "main") -> set[str]:
    return {name for (name,) in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite_%'")}


def replay_cards(conn: sqlite3.Connection, events: Sequence[Event],
                 recompute: Recompute | None) -> set[CardKey]:
    """Derive again what `events` (inserted already) touch, inside the caller's
    transaction; the cards whose card_state row changed (added, altered or gone)."""
    keys = {(e[4], e[5], e[6]) for e in events if e[5]}
    if rebuilds_whole(conn, events):
        before = _states(conn)
        rebuild(conn, recompute)
        return _changed(before, _states(conn))
    before = {key: _state(conn, key) for key in keys}
    new: dict[CardKey, list[Event]] = {key: [] for key in keys}
    for e in events:
        if e[5] and e[2] in REPLAYED_KINDS:
            new[(e[4], e[5], e[6])].append(e)
    for key in sorted(keys):
        row = before[key]
        # only later reviews: from the card's state as it stands (replay_tail.py)
        if not (recompute and row and all(e[2] == "review" and e[0] > row[6] for e in new[key])
                and replay_tail(conn, key, row, recompute)):
            replay_one(conn, key, recompute)
    conn.executemany(QUIZ_INSERT, (
        quiz_row(e[0], (e[4], e[5], e[6]), e[3], json.loads(e[7]))
        for e in events if e[2] == "quiz"))
    return {key for key in keys if _state(conn, key) != before[key]}


def copy_derived(conn: sqlite3.Connection, source_mark: str) -> set[CardKey] | None:
    """The derived tables of the store attached to `conn` as `PEER`, written over
    those on `conn` (inside its transaction), when the two now hold the same
    events: derived state is a function of the set of events, so a first
    sync's second side need not replay 300,000 events the first side just
    replayed (`rebuild`'s seconds, against SQLite copying the tables' records
    in 0.3 s). `source_mark` is the source's mark when the sets were compared:
    a later event there (the app open on it) and this returns None, to replay
    instead. The attached store is read in one snapshot, the transaction's.
    The cards whose state changed."""
    if _tables(conn) - KNOWN_TABLES or _tables(conn, PEER) - KNOWN_TABLES:
        return None
    if mark_of(conn, PEER) != source_mark:
        return None
    before = _states(conn)
    for table in ("review_log", "quiz_log", "card_state"):
        conn.execute(f"DELETE FROM main.{table}")
        conn.execute(copy_rows(conn, table))
    return _changed(before, _states(conn))


def _changed(before: dict[CardKey, tuple[Any, ...]], after: dict[CardKey, tuple[Any, ...]]
             ) -> set[CardKey]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


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
    _peer_file: Path | None = None  # the store attached as PEER for a sync (`attach_for_sync`)

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    @contextmanager
    def sync_transaction(self) -> Iterator[sqlite3.Connection]:
        """One `BEGIN IMMEDIATE ... COMMIT` (the store's own write): another
        studytui on this store waits, and a failure leaves the store as it was."""
        with sync_pragmas(self._conn), self._write() as conn:
            yield conn

    def checkpoint(self) -> None:
        """Copy the WAL a sync's transaction left (`sync_pragmas`) into the
        store's file now, rather than when it is closed."""
        self._sql(lambda conn: conn.execute("PRAGMA main.wal_checkpoint(PASSIVE)").fetchall())

    def event_ids(self, after: str | None = None) -> set[str] | None:
        return self._sql(ids_of, after)

    def event_mark(self) -> str:
        return self._sql(mark_of)

    def event_count(self) -> int:
        return self._sql(lambda conn: conn.execute("SELECT count(*) FROM event").fetchone()[0])

    def sync_marks(self, peer: str) -> tuple[str, str] | None:
        """The marks the last sync with the store whose device id is `peer` left."""
        row = self._sql(lambda conn: conn.execute(
            "SELECT value FROM meta WHERE key = ?", (SYNC_MARKS + peer,)).fetchone())
        try:
            here, there = json.loads(row[0]) if row else (None, None)
        except (ValueError, TypeError):
            return None  # not ours to trust: compare every id
        return (here, there) if isinstance(here, str) and isinstance(there, str) else None

    def save_sync_marks(self, peer: str, marks: tuple[str, str] | None,
                        fully_checked: str | None = None) -> None:
        """Keep the marks (when the sync left both stores the same) and the time
        of a full check of the peer that passed (`sync_check`), in one write."""
        with self._write() as conn:
            if marks is not None:
                conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                             (SYNC_MARKS + peer, json.dumps(list(marks))))
            if fully_checked is not None:
                conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                             (FULLY_CHECKED + peer, fully_checked))

    def fully_checked_at(self, peer: str) -> str | None:
        """When a sync last checked the store whose device id is `peer` fully."""
        row = self._sql(lambda conn: conn.execute(
            "SELECT value FROM meta WHERE key = ?", (FULLY_CHECKED + peer,)).fetchone())
        return row[0] if row and isinstance(row[0], str) else None

    def mark_holds(self, mark: str) -> bool:
        return self._sql(marked_rowid, mark) is not None

    def _sql(self, read: Callable[..., T], *args: Any) -> T:
        try:
            return read(self._conn, *args)
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None

    def fetch_events(self, ids: Collection[str]) -> list[Event]:
        return fetch_events(self._conn, ids)

    @property
    def sync_file(self) -> Path | None:
        """The file a sync's other side attaches to read this store (a server: none)."""
        return self.path if getattr(self, "local", True) else None

    @contextmanager
    def attach_for_sync(self, source: object) -> Iterator[None]:
        """`source`'s file (a store or a snapshot) attached as PEER for a sync
        receiving from it (`sync_attach`), when it has one that SQLite opens."""
        path = getattr(source, "sync_file", None)
        with attached(self._conn, path) as ok:
            self._peer_file = path if ok else None
            try:
                yield
            finally:
                self._peer_file = None

    def _reads(self, source: object) -> bool:
        """Whether `source` is the store attached for this sync."""
        return self._peer_file is not None and getattr(source, "sync_file", None) == \
            self._peer_file

    def copy_events(self, source: object, ids: Sequence[str]) -> list[Event] | None:
        """`sync.receive`'s shortcut: the events copied inside SQLite from the
        attached `source`; None when it is not attached (then fetched and
        inserted through Python)."""
        return copy_events(self._conn, ids) if self._reads(source) else None

    def insert_events(self, events: Sequence[Event]) -> None:
        self._conn.executemany("INSERT INTO event VALUES (?,?,?,?,?,?,?,?)", events)

    def replay_cards(self, events: Sequence[Event], recompute: Recompute | None
                     ) -> set[CardKey]:
        return replay_cards(self._conn, events, recompute)

    def adopt_derived(self, events: Sequence[Event], source: object, source_mark: str
                      ) -> set[CardKey] | None:
        """`sync.receive`'s shortcut for a large batch after which this store holds
        exactly the events the attached `source` held at `source_mark`: its
        derived tables copied (`copy_derived`); None to replay instead."""
        if not self._reads(source) or not rebuilds_whole(self._conn, events):
            return None
        return copy_derived(self._conn, source_mark)
