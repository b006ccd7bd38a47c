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
events, copies its derived tables (`copy_derived`: the rows the first side's
rebuild wrote, kept in memory, not read back). A
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
    REVIEW_INSERT,
    STATE_UPSERT,
    CardKey,
    Recompute,
    Written,
    bulk_insert,
    quiz_row,
    rebuild,
    replay_one,
    write_derived,
)
from studytui.store.replay_tail import replay_tail
from studytui.store.sync import Event

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
#: More events than this inserted at once: the event table's index made again.
BULK_EVENTS = 20_000
#: Kinds whose events `replay_one` reads (a new one of another kind, a quiz
#: answer or a flag, leaves the card's review rows and state where they were).
REPLAYED_KINDS = frozenset({"review", "undo", "reschedule"})
T = TypeVar("T")
#: A store's mark after a sync's rebuild of it, and the rows that rebuild wrote.
Rebuilt = tuple[str, Written]


def mark_of(conn: sqlite3.Connection) -> str:
    """'rowid:id' of the last event inserted: events are never deleted, so every
    later one has a larger rowid (a backup copies pages, rowids and all)."""
    row = conn.execute("SELECT rowid, id FROM event ORDER BY rowid DESC LIMIT 1").fetchone()
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


def _whole(conn: sqlite3.Connection, events: Sequence[Event]) -> bool:
    """Whether deriving what `events` touch is one whole `rebuild`: a large share
    of the cards, or a derived table only `rebuild` knows."""
    keys = {(e[4], e[5], e[6]) for e in events if e[5]}
    cards = conn.execute("SELECT count(*) FROM card_state").fetchone()[0]
    return bool(_tables(conn) - KNOWN_TABLES) or len(keys) > max(REBUILD_MIN,
                                                                  cards * REBUILD_SHARE)


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}


def replay_cards(conn: sqlite3.Connection, events: Sequence[Event],
                 recompute: Recompute | None, written: list[Written] | None = None
                 ) -> set[CardKey]:
    """Derive again what `events` (inserted already) touch, inside the caller's
    transaction; the cards whose card_state row changed (added, altered or gone).
    `written` gets the derived rows when every table was written anew (`rebuild`)."""
    keys = {(e[4], e[5], e[6]) for e in events if e[5]}
    if _whole(conn, events):
        before = _states(conn)
        rebuild(conn, recompute, written)
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


def copy_derived(conn: sqlite3.Connection, source: sqlite3.Connection, source_mark: str,
                 rebuilt: Rebuilt | None = None) -> set[CardKey] | None:
    """The derived tables of the store on `source`, written over those on `conn`
    (inside its transaction), when the two now hold the same events: derived
    state is a function of the set of events, so a first sync's second side
    need not replay 300,000 events the first side just replayed (`rebuild`'s
    few seconds, against reading and writing the rows). `source_mark` is the
    source's mark when the sets were compared: a later event there (the app
    open on it) and this returns None, to replay instead. `rebuilt`: the rows
    the source's own rebuild wrote in this sync, and its mark then: while that
    mark holds, those rows are its tables (every write is an event, and nothing
    was added since), and need not be read back. The cards whose state changed."""
    if _tables(conn) - KNOWN_TABLES or _tables(source) - KNOWN_TABLES:
        return None
    source.execute("BEGIN")  # one read snapshot of the source: its mark and its rows
    try:
        if mark_of(source) != source_mark:
            return None
        if rebuilt is not None and rebuilt[0] == source_mark:
            rows, states, quiz_rows = rebuilt[1]
        else:
            rows, quiz_rows, states = (
                source.execute(f"SELECT {_columns(sql)} FROM {table}").fetchall()
                for table, sql in (("review_log", REVIEW_INSERT), ("quiz_log", QUIZ_INSERT),
                                   ("card_state", STATE_UPSERT)))
    finally:
        source.execute("COMMIT")
    before = _states(conn)
    write_derived(conn, list(rows), list(states), quiz_rows)
    return _changed(before, {row[:3]: row[3:] for row in states})


def _columns(insert: str) -> str:
    return insert[insert.index("(") + 1:insert.index(")")]


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
    _rebuilt: Rebuilt | None = None  # this store's last `rebuild` in a sync

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    @contextmanager
    def sync_transaction(self) -> Iterator[sqlite3.Connection]:
        """One `BEGIN IMMEDIATE ... COMMIT` (the store's own write): another
        studytui on this store waits, and a failure leaves the store as it was."""
        with self._write() as conn:
            yield conn

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

    def insert_events(self, events: Sequence[Event]) -> None:
        # A first sync's 100,000 events: event_card made again after them, one
        # sort, rather than each put in place (bulk_insert); a few: in place.
        insert = "INSERT INTO event VALUES (?,?,?,?,?,?,?,?)"
        if len(events) > BULK_EVENTS:
            bulk_insert(self._conn, "event", insert, list(events))
        else:
            self._conn.executemany(insert, events)

    def replay_cards(self, events: Sequence[Event], recompute: Recompute | None
                     ) -> set[CardKey]:
        written: list[Written] = []
        changed = replay_cards(self._conn, events, recompute, written)
        # for the other side of this sync (`adopt_derived`), if it ends with these events
        self._rebuilt = (mark_of(self._conn), written[0]) if written else None
        return changed

    def adopt_derived(self, events: Sequence[Event], source: object, source_mark: str
                      ) -> set[CardKey] | None:
        """`sync.receive`'s shortcut for a large batch after which this store holds
        exactly the events `source` (another SQLite store) held at `source_mark`:
        its derived tables copied (`copy_derived`); None to replay instead."""
        conns = (self._conn, getattr(source, "_conn", None))
        # two SQLite stores only (a PostgresStore is a Store too, on a server)
        if not all(isinstance(c, sqlite3.Connection) for c in conns) or not _whole(
                self._conn, events):
            return None
        return copy_derived(self._conn, conns[1], source_mark, getattr(source, "_rebuilt", None))
