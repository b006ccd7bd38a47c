"""The review store: SQLite, append-only logs, and a card-state table derived from them.

Every write is one short `BEGIN IMMEDIATE ... COMMIT` that finishes before the
method returns, so a SIGKILL loses nothing a caller was told was saved, and a
second running instance waits (busy_timeout) instead of failing. Every SQLite
failure reaches the caller as a StoreError with one line saying what to do.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from studytui.store.errors import (
    BUSY_TIMEOUT_MS,
    StoreError,
    corrupt_message,
    explain,
    header_problem,
)
from studytui.store.migrations import MIGRATIONS, SCHEMA_VERSION, TABLES, sql_statements

SOURCES = ("review", "quiz")
# Effective reviews: those without an undo row.
_EFFECTIVE = "NOT EXISTS (SELECT 1 FROM undo_log u WHERE u.review_id = r.id)"


def iso(dt: datetime) -> str:
    """`dt` in UTC, fixed width, so string order is time order."""
    if dt.tzinfo is None:
        raise ValueError("naive datetime: the store keeps UTC-aware times only")
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone.utc)


@dataclass(frozen=True)
class ReviewRow:
    id: int
    card_id: str
    rating: int
    reviewed_at: datetime
    duration_ms: int | None
    source: str
    state_json: str

    @property
    def state(self) -> dict[str, Any]:
        return json.loads(self.state_json)


__all__ = ["ReviewRow", "Store", "StoreError", "corrupt_message", "explain", "from_iso",
           "header_problem", "iso"]


class Store:
    """One open review store. Use `Store.open(path)`; not for sharing across threads
    at the same time (one connection)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        # Problems that did not stop the store from working (e.g. a backup that failed).
        self.warnings: list[str] = []

    # ---- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, backup: bool = True) -> Store:
        """Open (creating if missing) the store at `path`; migrate; make today's
        backup (the app passes backup=False and makes it in a thread instead)."""
        path = Path(path)
        if path.exists():
            problem = header_problem(path)
            if problem and not (problem.endswith("(0 bytes)") and _may_start_empty(path)):
                raise StoreError(corrupt_message(path, problem))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # SQLite would open a read-only store and fail later, on the first rating.
            if not os.access(path.parent, os.W_OK) or (
                path.exists() and not os.access(path, os.W_OK)
            ):
                raise PermissionError(f"read-only: {path}")
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise explain(exc, path) from None
        store = cls(conn, path)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            store._check_ours()  # before WAL mode: that would write to a foreign file
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"cannot use WAL mode for {path} (got {mode}); "
                                 "is it on a network drive? choose another place with --db PATH")
            # WAL + NORMAL: a commit is in the WAL before the call returns, so a killed
            # process (SIGKILL) loses nothing acknowledged; only a power cut can lose the
            # last commits (never corrupts). FULL adds an fsync per rating: 0.2 ms median
            # here, but a 4 ms filesystem tick at times, too close to the 5 ms budget.
            conn.execute("PRAGMA synchronous = NORMAL")
            store._migrate()
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise explain(exc, path) from None
        if backup and (warning := store.daily_backup()):
            store.warnings.append(warning)  # the caller shows it where it can
        return store

    def _check_ours(self) -> None:
        """Refuse, without writing, a store from a newer studytui or another program's db."""
        version = self._user_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the review store {self.path} has schema v{version}, newer than this "
                f"studytui knows (v{SCHEMA_VERSION}): upgrade studytui"
            )
        if version == 0:
            names = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master")}
            if names:
                raise StoreError(
                    f"{self.path} is a SQLite database but not a studytui store; "
                    "choose another file with --db PATH (it was not changed)"
                )

    def _migrate(self) -> None:
        if self._user_version() >= SCHEMA_VERSION:
            return  # the usual case: no write lock taken
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the lock: another studytui may have migrated while we waited.
            for number in range(self._user_version(), SCHEMA_VERSION):
                for statement in sql_statements(MIGRATIONS[number]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _user_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def daily_backup(self) -> str | None:
        """Today's rolling backup, unless made already or the store is empty.
        A failure comes back as a one-line warning: studying goes on without it."""
        from studytui.store.backups import make_daily_backup

        try:
            has_data = self._conn.execute(
                "SELECT EXISTS (SELECT 1 FROM review_log) OR EXISTS (SELECT 1 FROM quiz_log)"
            ).fetchone()[0]
            if has_data:
                make_daily_backup(self._conn, self.path)
        except (OSError, sqlite3.Error) as exc:
            return f"today's backup was not made: {explain(exc, self.path)}"
        return None

    def close(self) -> None:
        self._conn.close()

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

    @staticmethod
    def _put_state(conn: sqlite3.Connection, card_id: str, state_json: str, due: str,
                   review_id: int, at: str) -> None:
        conn.execute(
            "INSERT INTO card_state (card_id, state, due, updated_at, review_id, introduced_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (card_id) DO UPDATE SET state = excluded.state,"
            " due = excluded.due, updated_at = excluded.updated_at,"
            " review_id = excluded.review_id",
            (card_id, state_json, due, at, review_id, at),
        )

    @staticmethod
    def _insert_review(conn: sqlite3.Connection, card_id: str, rating: int, at: datetime,
                       duration_ms: int | None, state: dict[str, Any], source: str) -> int:
        if rating not in (1, 2, 3, 4):
            raise ValueError(f"rating must be 1..4, not {rating!r}")
        if source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}, not {source!r}")
        state_json = json.dumps(state, separators=(",", ":"))
        due = iso(datetime.fromisoformat(state["due"]))
        when = iso(at)
        before = conn.execute(
            "SELECT json_extract(state, '$.state') FROM card_state WHERE card_id = ?", (card_id,)
        ).fetchone()
        cur = conn.execute(
            "INSERT INTO review_log (card_id, rating, reviewed_at, duration_ms, state_after,"
            " source, state_before) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (card_id, rating, when, duration_ms, state_json, source, before[0] if before else 0),
        )
        review_id = int(cur.lastrowid or 0)
        Store._put_state(conn, card_id, state_json, due, review_id, when)
        return review_id

    # ---- writes --------------------------------------------------------------------------

    def record_review(self, card_id: str, rating: int, at: datetime, duration_ms: int | None,
                      state: dict[str, Any], source: str = "review") -> int:
        """Append a review (with the fsrs state after it) and update the card's state.
        Committed before returning; returns the review id."""
        with self._write() as conn:
            return self._insert_review(conn, card_id, rating, at, duration_ms, state, source)

    def undo_review(self, review_id: int, at: datetime | None = None) -> None:
        """Mark a review undone (append-only) and restore its card's state from the
        latest review before it that stands (or make the card new again)."""
        at = at or datetime.now(timezone.utc)
        with self._write() as conn:
            row = conn.execute(
                "SELECT card_id, EXISTS (SELECT 1 FROM undo_log WHERE review_id = ?)"
                " FROM review_log WHERE id = ?", (review_id, review_id),
            ).fetchone()
            if row is None:
                raise ValueError(f"no review with id {review_id}")
            if row[1]:
                raise ValueError(f"review {review_id} is already undone")
            conn.execute("INSERT INTO undo_log (review_id, undone_at) VALUES (?, ?)",
                         (review_id, iso(at)))
            self._restate(conn, row[0])

    def _restate(self, conn: sqlite3.Connection, card_id: str) -> None:
        """Recompute one card's state row from its effective reviews."""
        rows = conn.execute(
            f"SELECT r.id, r.state_after, r.reviewed_at FROM review_log r"
            f" WHERE r.card_id = ? AND {_EFFECTIVE} ORDER BY r.id", (card_id,),
        ).fetchall()
        if not rows:
            conn.execute("DELETE FROM card_state WHERE card_id = ?", (card_id,))
            return
        review_id, state_json, _ = rows[-1]
        due = iso(datetime.fromisoformat(json.loads(state_json)["due"]))
        conn.execute(
            "INSERT OR REPLACE INTO card_state (card_id, state, due, updated_at, review_id,"
            " introduced_at) VALUES (?, ?, ?, ?, ?, ?)",
            (card_id, state_json, due, rows[-1][2], review_id, rows[0][2]),
        )

    def record_quiz_answer(self, question_id: str, card_id: str, given: str, correct: bool,
                           at: datetime, again_state: dict[str, Any] | None = None) -> int:
        """Append a quiz answer; with `again_state`, also an Again review (source 'quiz')
        of the card, in the same transaction. Committed; returns the answer id."""
        with self._write() as conn:
            review_id = None
            if again_state is not None:
                review_id = self._insert_review(conn, card_id, 1, at, None, again_state, "quiz")
            cur = conn.execute(
                "INSERT INTO quiz_log (question_id, card_id, given, correct, answered_at,"
                " review_id) VALUES (?, ?, ?, ?, ?, ?)",
                (question_id, card_id, given, int(bool(correct)), iso(at), review_id),
            )
            return int(cur.lastrowid or 0)

    def rebuild_states(self) -> int:
        """Rebuild card_state from the logs (latest effective review per card).
        Returns the number of card states written."""
        with self._write() as conn:
            conn.execute("DELETE FROM card_state")
            ids = [r[0] for r in conn.execute("SELECT DISTINCT card_id FROM review_log")]
            for card_id in ids:
                self._restate(conn, card_id)
            return int(conn.execute("SELECT COUNT(*) FROM card_state").fetchone()[0])

    # ---- reads ---------------------------------------------------------------------------

    def card_states(self) -> dict[str, dict[str, Any]]:
        """Card id -> fsrs Card.to_dict() of its current state (cards never reviewed: absent)."""
        rows = self._read("SELECT card_id, state FROM card_state")
        return {card_id: json.loads(state) for card_id, state in rows}

    def recall_rows(self) -> list[tuple[str, str, int, float | None, str | None]]:
        """(card id, due, fsrs state, stability, last review) of every card with a
        state: all stats need of a card, from the columns migration V2 keeps
        beside the JSON state, so 10,000 cards cost no JSON parsing."""
        return self._read(
            "SELECT card_id, due, fsrs_state, stability, last_review FROM card_state")

    def state_rows(self) -> dict[str, tuple[Any, ...]]:
        """Card id -> the raw card_state row (state, due, review_id, introduced_at)."""
        return {r[0]: r[1:] for r in self._read(
            "SELECT card_id, state, due, review_id, introduced_at FROM card_state")}

    def state_of(self, card_id: str) -> dict[str, Any] | None:
        rows = self._read("SELECT state FROM card_state WHERE card_id = ?", (card_id,))
        return json.loads(rows[0][0]) if rows else None

    def due_index(self, until: datetime | None = None) -> list[tuple[str, str]]:
        """(card id, due as `iso` text) of cards with a state (due by `until` if given),
        earliest due first. One row per card: queues are built from this, not the log."""
        where, params = ("", ()) if until is None else ("WHERE due <= ?", (iso(until),))
        rows = self._read(
            f"SELECT due, card_id FROM card_state {where} ORDER BY due, card_id", params)
        return [(card_id, due) for due, card_id in rows]

    def known_cards(self) -> set[str]:
        """Ids of cards that have a state (ever reviewed and not fully undone)."""
        return {r[0] for r in self._read("SELECT card_id FROM card_state")}

    def introduced_since(self, since: datetime) -> int:
        """Cards whose first (standing) review was at or after `since`."""
        return int(self._read("SELECT COUNT(*) FROM card_state WHERE introduced_at >= ?",
                              (iso(since),))[0][0])

    def review_rows(self, since: datetime | None = None) -> list[ReviewRow]:
        """Effective (not undone) reviews in log order, optionally from `since` on."""
        sql = ("SELECT r.id, r.card_id, r.rating, r.reviewed_at, r.duration_ms, r.source,"
               f" r.state_after FROM review_log r WHERE {_EFFECTIVE}")
        params: tuple[Any, ...] = ()
        if since is not None:
            sql += " AND r.reviewed_at >= ?"
            params = (iso(since),)
        return [
            ReviewRow(i, c, rt, from_iso(t), d, src, s)
            for i, c, rt, t, d, src, s in self._read(sql + " ORDER BY r.id", params)
        ]

    def reviews_per_day(self, since: datetime, utc_offset: timedelta) -> dict[str, int]:
        """Local date ('YYYY-MM-DD', at `utc_offset`) -> effective reviews, from `since` on."""
        shift = f"{int(utc_offset.total_seconds()):+d} seconds"
        return dict(self._read(
            f"SELECT date(r.reviewed_at, ?) AS day, COUNT(*) FROM review_log r"
            f" WHERE r.reviewed_at >= ? AND {_EFFECTIVE} GROUP BY day", (shift, iso(since))))

    def review_counts(self) -> dict[str, int]:
        """Card id -> number of effective reviews."""
        counts = dict(self._read("SELECT card_id, COUNT(*) FROM review_log GROUP BY card_id"))
        for card_id, undone in self._read(
            "SELECT r.card_id, COUNT(*) FROM undo_log u JOIN review_log r ON r.id = u.review_id"
            " GROUP BY r.card_id"):
            counts[card_id] -= undone
        return {card_id: n for card_id, n in counts.items() if n}

    def review_pass_counts(self) -> tuple[int, int]:
        """(passed, total) over effective reviews of cards that were in the Review state
        before the review: the basis of true retention."""
        row = self._read(
            "SELECT COALESCE(SUM(r.rating > 1), 0), COUNT(*) FROM review_log r"
            f" WHERE r.state_before = 2 AND {_EFFECTIVE}")
        return int(row[0][0]), int(row[0][1])

    def quiz_rows(self) -> list[tuple[int, str, str, str, bool, datetime, int | None]]:
        """(id, question id, card id, given, correct, answered_at, review id), in order."""
        return [(i, q, c, g, bool(ok), from_iso(t), rid) for i, q, c, g, ok, t, rid in self._read(
            "SELECT id, question_id, card_id, given, correct, answered_at, review_id"
            " FROM quiz_log ORDER BY id")]

    def integrity_check(self) -> list[str]:
        """Problems found by PRAGMA integrity_check and foreign_key_check; [] when sound."""
        rows = [r[0] for r in self._read("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else rows
        problems += [f"broken reference in {r[0]} row {r[1]}"
                     for r in self._read("PRAGMA foreign_key_check")]
        names = {r[0] for r in self._read("SELECT name FROM sqlite_master WHERE type='table'")}
        problems += [f"missing table {t}" for t in TABLES if t not in names]
        return problems


def _may_start_empty(path: Path) -> bool:
    """An empty file is a fresh store only when it has no backups: otherwise it may be a
    store truncated to nothing, and treating it as new would bury the backups."""
    from studytui.store.backups import list_backups

    return not list_backups(path) and not os.path.exists(str(path) + "-wal")
