"""The review store: SQLite, an append-only log of events, and tables derived from it.

Every write is one short `BEGIN IMMEDIATE ... COMMIT` that finishes before the
method returns, so a SIGKILL loses nothing a caller was told was saved, and a
second running instance waits (busy_timeout) instead of failing. Every SQLite
failure reaches the caller as a StoreError with one line saying what to do.

A Store is opened for one deck (`deck_id`): reviews are keyed by deck, card
and direction, so a learner's own `adam` never shares history with the
bundled `adam`. The event schema is described in `schema_v3`.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from studytui.errors import Said
from studytui.store import errors
from studytui.store.card_marks import CardMarks
from studytui.store.errors import (
    StoreError,
    corrupt_message,
    explain,
    header_problem,
    path_problem,
)
from studytui.store.files import private_dirs, private_file
from studytui.store.ids import Uuid7Source, uuid7
from studytui.store.lock import StoreLock
from studytui.store.migrations import CREATE, MIGRATIONS, SCHEMA_VERSION, apply
from studytui.store.open_here import closed, open_here, opened
from studytui.store.opening_checks import settled_problem
from studytui.store.practice import PracticeLog
from studytui.store.quiz_events import QuizEvents
from studytui.store.reads import ReviewRow, StoreReads
from studytui.store.replay import (
    QUIZ_INSERT,
    REVIEW_INSERT,
    STATE_UPSERT,
    Recompute,
    card_state_row,
    quiz_row,
    rebuild,
    replay_one,
    with_due,
)
from studytui.store.schema_v3 import BUNDLED_DECK, FORWARD
from studytui.store.sqlite_sync import StoreSync
from studytui.store.times import epoch_ms, from_iso, iso

SOURCES = ("review", "quiz")
#: A review for `Store.import_reviews`: (card id, rating, time, duration ms,
#: fsrs state after, source, direction).
ImportedReview = tuple[str, int, datetime, "int | None", dict[str, Any], str, str]

__all__ = ["BUNDLED_DECK", "FORWARD", "ReviewRow", "Store", "StoreError", "corrupt_message",
           "explain", "from_iso", "header_problem", "iso"]


class Store(CardMarks, QuizEvents, PracticeLog, StoreReads, StoreSync):
    """One open review store. Use `Store.open(path)`; not for sharing across threads
    at the same time (one connection)."""

    local = True  # a file on this machine (backups, lock); PostgresStore: a server

    def __init__(self, conn: sqlite3.Connection, path: Path, deck_id: str,
                 lock: StoreLock) -> None:
        self._conn = conn
        self.path = path
        self.deck_id = deck_id
        self._lock = lock
        self._open_key: tuple[int, int] | None = None  # counted in store/open_here.py
        self.device_id = ""
        # Problems that did not stop the store from working (e.g. a backup that failed).
        self.warnings: list[Said] = []

    # ---- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, backup: bool = True, deck_id: str = BUNDLED_DECK,
             lock: bool = True) -> Store:
        """Open (creating if missing) the store at `path` for the deck `deck_id`;
        migrate; make today's backup (the app passes backup=False and makes it
        in a thread instead). `lock=False` only for doctor, which holds the
        store's lock exclusively already."""
        path = Path(path)
        if problem := path_problem(path):
            raise StoreError(problem)
        # Checked when first opened; read again while open here, the checks would
        # drop the locks SQLite holds for this process (store/open_here.py).
        if path.exists() and not open_here(path) and (problem := settled_problem(path)):
            raise StoreError(problem)
        held = StoreLock(path)
        try:
            private_dirs(path.parent)
            # SQLite would open a read-only store and fail later, on the first rating.
            if not os.access(path.parent, os.W_OK) or (
                path.exists() and not os.access(path, os.W_OK)
            ):
                raise PermissionError(f"read-only: {path}")
            if lock and not held.shared():
                raise StoreError(Said("store.restoring", path=path))
            private_file(path)  # 0600 before SQLite makes it (its -wal/-shm copy the mode)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except StoreError:
            held.release()
            raise
        except (OSError, sqlite3.Error) as exc:
            held.release()
            raise explain(exc, path) from None
        store = cls(conn, path, deck_id, held)
        store._open_key = opened(path)
        try:
            conn.execute(f"PRAGMA busy_timeout = {errors.BUSY_TIMEOUT_MS}")
            store._check_ours()  # before WAL mode: that would write to a foreign file
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(Said("store.no_wal", path=path, mode=mode))
            # WAL + NORMAL: a commit is in the WAL before the call returns, so a killed
            # process (SIGKILL) loses nothing acknowledged; only a power cut can lose the
            # last commits (never corrupts). FULL adds an fsync per rating: 0.2 ms median
            # here, but a 4 ms filesystem tick at times, too close to the 5 ms budget.
            conn.execute("PRAGMA synchronous = NORMAL")
            store._migrate()
            store.device_id = conn.execute(
                "SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0]
        except BaseException as exc:
            store.close()
            if isinstance(exc, sqlite3.Error):
                raise explain(exc, path) from None
            raise
        if backup and (warning := store.daily_backup()):
            store.warnings.append(warning)  # the caller shows it where it can
        return store

    def _check_ours(self) -> None:
        """Refuse, without writing, a store from a newer studytui or another program's db."""
        # One statement, so one snapshot: read apart, another studytui creating
        # the same new store could commit its first migration between the two
        # reads (version 0, then its tables) and make it look like a foreign db.
        version, tables = self._conn.execute(
            "SELECT (SELECT user_version FROM pragma_user_version),"
            " (SELECT count(*) FROM sqlite_master)").fetchone()
        if version > SCHEMA_VERSION:
            raise StoreError(Said("store.newer", path=self.path, version=version,
                                  known=SCHEMA_VERSION))
        if version == 0:
            if tables:
                raise StoreError(Said("store.foreign", path=self.path))

    def _migrate(self) -> None:
        if self._user_version() >= SCHEMA_VERSION:
            return  # the usual case: no write lock taken
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the lock: another studytui may have migrated while we waited.
            version = self._user_version()
            if version == 0:
                CREATE(conn)
            else:
                for number in range(version, SCHEMA_VERSION):
                    apply(conn, MIGRATIONS[number])
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _user_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def daily_backup(self) -> Said | None:
        """Today's rolling backup, unless made already or the store is empty.
        A failure comes back as a one-line warning: studying goes on without it."""
        from studytui.store.backups import BackupError, make_daily_backup

        try:
            if self._conn.execute("SELECT EXISTS (SELECT 1 FROM event)").fetchone()[0]:
                make_daily_backup(self._conn, self.path)
        except BackupError as exc:
            return Said("backup.not_made", why=exc.args[0] if exc.args else str(exc))
        except (OSError, sqlite3.Error) as exc:
            return Said("backup.not_made", why=explain(exc, self.path).message)
        return None

    def close(self) -> None:
        self._conn.close()
        closed(self._open_key)
        self._open_key = None
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- plumbing ------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; any failure rolls back and becomes a StoreError."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # the original error is the one to report
            if isinstance(exc, (sqlite3.Error, OSError)):
                raise explain(exc, self.path) from None
            raise

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None

    def _event(self, conn: sqlite3.Connection, event_id: str, kind: str, at: str, card_id: str,
               direction: str, payload: dict[str, Any]) -> None:
        conn.execute("INSERT INTO event VALUES (?,?,?,?,?,?,?,?)", (
            event_id, self.device_id, kind, at, self.deck_id, card_id, direction,
            json.dumps(payload, separators=(",", ":"), ensure_ascii=False)))

    def _insert_review(self, conn: sqlite3.Connection, event_id: str, card_id: str,
                       direction: str, rating: int, at: datetime, duration_ms: int | None,
                       state: dict[str, Any], source: str) -> None:
        _check_review(rating, source)
        key = (self.deck_id, card_id, direction)
        when = iso(at)
        before = conn.execute(
            "SELECT fsrs_state, review_id, introduced_at FROM card_state WHERE deck_id = ?"
            " AND card_id = ? AND direction = ?", key).fetchone()
        self._event(conn, event_id, "review", when, card_id, direction, {
            "rating": rating, "duration_ms": duration_ms, "source": source,
            "state_after": state, "prev": before[1] if before else None})
        conn.execute(REVIEW_INSERT, (event_id, *key, rating, when, duration_ms, source,
                                     before[0] if before else 0, 0))
        conn.execute(STATE_UPSERT, card_state_row(key, state, when, event_id,
                                                  before[2] if before else when))

    # ---- writes --------------------------------------------------------------------------

    def record_review(self, card_id: str, rating: int, at: datetime, duration_ms: int | None,
                      state: dict[str, Any], source: str = "review", *,
                      direction: str = FORWARD, event_id: str | None = None) -> str:
        """Append a review event (with the fsrs state after it) and update the card's
        state. Committed before returning; returns the event id (`event_id` when
        given, e.g. by an import that keeps ids)."""
        event_id = event_id or uuid7()
        with self._write() as conn:
            self._insert_review(conn, event_id, card_id, direction, rating, at, duration_ms,
                                state, source)
        return event_id

    def undo_review(self, review_id: str, at: datetime | None = None,
                    recompute: Recompute | None = None) -> None:
        """Append an undo event for a review and derive its card's state again
        (from the standing review before it, or new again)."""
        at = at or datetime.now(timezone.utc)
        with self._write() as conn:
            row = conn.execute("SELECT deck_id, card_id, direction, undone FROM review_log"
                               " WHERE id = ?", (review_id,)).fetchone()
            if row is None:
                raise ValueError(f"no review with id {review_id}")
            if row[3]:
                raise ValueError(f"review {review_id} is already undone")
            self._event(conn, uuid7(), "undo", iso(at), row[1], row[2], {"review": review_id})
            replay_one(conn, row[:3], recompute)

    def record_quiz_answer(self, question_id: str, card_id: str, given: str, correct: bool,
                           at: datetime, again_state: dict[str, Any] | None = None, *,
                           direction: str = FORWARD) -> str:
        """Append a quiz answer event; with `again_state`, also an Again review
        (source 'quiz') of the card, in the same transaction. Committed; returns
        the answer's event id."""
        event_id = uuid7() if again_state is None else ""
        with self._write() as conn:
            review_id = None
            if again_state is not None:
                review_id = uuid7()
                self._insert_review(conn, review_id, card_id, direction, 1, at, None,
                                    again_state, "quiz")
                event_id = uuid7()
            payload = {"question": question_id, "given": given, "correct": bool(correct),
                       "review": review_id}
            when = iso(at)
            self._event(conn, event_id, "quiz", when, card_id, direction, payload)
            conn.execute(QUIZ_INSERT, quiz_row(event_id, (self.deck_id, card_id, direction),
                                               when, payload))
            return event_id

    def record_fit(self, at: datetime, payload: dict[str, Any]) -> str:
        """Append a 'fit' event of this deck: FSRS parameters fitted to its reviews
        (the payload: parameters, which set was kept, losses, suggested retention).
        Derives nothing: the latest fit is read from the events."""
        event_id = uuid7()
        with self._write() as conn:
            self._event(conn, event_id, "fit", iso(at), "", "", payload)
        return event_id

    def record_retention_change(self, at: datetime, payload: dict[str, Any],
                                dues: dict[tuple[str, str], str]) -> str:
        """Append a 'retention' event of this deck (the payload: old and new
        retention, parameters in force) and, for each card of `dues` ((card id,
        direction) -> the new due as fsrs writes it, isoformat), a 'reschedule' event naming the
        review its state rests on; the replay sets the same due while that review
        is still the card's latest. One commit; returns the retention event's id."""
        change_id = uuid7()
        when = iso(at)
        with self._write() as conn:
            self._event(conn, change_id, "retention", when, "", "",
                        {**payload, "rescheduled": bool(dues), "cards": len(dues)})
            for (card_id, direction), due in dues.items():
                key = (self.deck_id, card_id, direction)
                row = conn.execute("SELECT review_id, state FROM card_state WHERE deck_id = ?"
                                   " AND card_id = ? AND direction = ?", key).fetchone()
                if row is None:
                    raise ValueError(f"card {card_id} has no state to reschedule")
                self._event(conn, uuid7(), "reschedule", when, card_id, direction,
                            {"due": due, "review": row[0], "change": change_id})
                state = with_due(row[1], due)
                conn.execute("UPDATE card_state SET state = ?, due = ? WHERE deck_id = ?"
                             " AND card_id = ? AND direction = ?", (*state, *key))
        return change_id

    def import_reviews(self, reviews: Iterable[ImportedReview],
                       recompute: Recompute | None = None) -> int:
        """Append many past reviews of this deck at once (an imported or synthetic
        log): the same review events `record_review` writes, ids placed at each
        review's own time, in one commit, then the derived tables rebuilt. Far
        faster than a commit per review (a year of reviews in seconds). Each is
        (card id, rating, time, duration ms, fsrs state after, source, direction).
        Returns the number of reviews appended."""
        new_id = Uuid7Source()  # its own: the process's ids must not step back in time
        rows = []
        with self._write() as conn:
            prev = {(c, d): r for c, d, r in conn.execute(
                "SELECT card_id, direction, review_id FROM card_state WHERE deck_id = ?",
                (self.deck_id,))}
            for card_id, rating, at, duration_ms, state, source, direction in sorted(
                    reviews, key=lambda r: r[2]):
                _check_review(rating, source)
                when = iso(at)
                event_id = new_id(epoch_ms(when))
                rows.append((event_id, self.device_id, "review", when, self.deck_id, card_id,
                             direction, json.dumps({
                                 "rating": rating, "duration_ms": duration_ms,
                                 "source": source, "state_after": state,
                                 "prev": prev.get((card_id, direction))},
                                 separators=(",", ":"), ensure_ascii=False)))
                prev[card_id, direction] = event_id
            conn.executemany("INSERT INTO event VALUES (?,?,?,?,?,?,?,?)", rows)
            rebuild(conn, recompute)
        return len(rows)

    def rebuild_states(self, recompute: Recompute | None = None) -> int:
        """Rebuild every derived table from the events (what `doctor` runs).
        Returns the number of card states written, over all decks."""
        with self._write() as conn:
            return rebuild(conn, recompute)


def _check_review(rating: int, source: str) -> None:
    if rating not in (1, 2, 3, 4):
        raise ValueError(f"rating must be 1..4, not {rating!r}")
    if source not in SOURCES:
        raise ValueError(f"source must be one of {SOURCES}, not {source!r}")
