"""What the store answers: the queries of sessions, stats and doctor, all of one
deck (`self.deck_id`), read from the derived tables (never by replaying the log).

A card's rows here are its forward direction unless a direction is named.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from studytui.store.schema_v3 import FORWARD
from studytui.store.times import from_iso, iso


@dataclass(frozen=True)
class ReviewRow:
    id: str
    card_id: str
    rating: int
    reviewed_at: datetime
    duration_ms: int | None
    source: str
    direction: str = FORWARD
    state_before: int = 0  # fsrs State before the review (0 new ... 3 relearning)


class StoreReads:
    deck_id: str
    _conn: sqlite3.Connection

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def card_states(self, direction: str = FORWARD) -> dict[str, dict[str, Any]]:
        """Card id -> fsrs Card.to_dict() of its current state (cards never reviewed: absent)."""
        rows = self._read("SELECT card_id, state FROM card_state WHERE deck_id = ?"
                          " AND direction = ?", (self.deck_id, direction))
        return {card_id: json.loads(state) for card_id, state in rows}

    def states_by_direction(self) -> dict[tuple[str, str], dict[str, Any]]:
        """(card id, direction) -> its current fsrs state, every direction studied:
        what a change of retention reschedules."""
        rows = self._read("SELECT card_id, direction, state FROM card_state WHERE deck_id = ?",
                          (self.deck_id,))
        return {(card_id, direction): json.loads(state) for card_id, direction, state in rows}

    def recall_rows(self, direction: str = FORWARD
                    ) -> list[tuple[str, str, int, float | None, str | None]]:
        """(card id, due, fsrs state, stability, last review) of every card with a
        state: all stats need of a card, from plain columns (no JSON parsing)."""
        return self._read(
            "SELECT card_id, due, fsrs_state, stability, last_review FROM card_state"
            " WHERE deck_id = ? AND direction = ?", (self.deck_id, direction))

    def recall_by_direction(self) -> dict[str, dict[str, tuple[str, int, float | None,
                                                                  str | None]]]:
        """Direction -> card id -> (due, fsrs state, stability, last review): the
        `recall_rows` of every direction studied, in one read."""
        out: dict[str, dict[str, tuple[str, int, float | None, str | None]]] = {}
        for card_id, direction, *row in self._read(
                "SELECT card_id, direction, due, fsrs_state, stability, last_review"
                " FROM card_state WHERE deck_id = ?", (self.deck_id,)):
            out.setdefault(direction, {})[card_id] = tuple(row)  # type: ignore[assignment]
        return out

    def state_rows(self) -> dict[tuple[str, str, str], tuple[Any, ...]]:
        """(deck, card, direction) -> the raw card_state row, over every deck:
        what doctor compares before and after a rebuild."""
        return {r[:3]: r[3:] for r in self._read(
            "SELECT deck_id, card_id, direction, state, due, review_id, introduced_at"
            " FROM card_state")}

    def state_of(self, card_id: str, direction: str = FORWARD) -> dict[str, Any] | None:
        rows = self._read("SELECT state FROM card_state WHERE deck_id = ? AND card_id = ?"
                          " AND direction = ?", (self.deck_id, card_id, direction))
        return json.loads(rows[0][0]) if rows else None

    def due_index(self, until: datetime | None = None,
                  direction: str = FORWARD) -> list[tuple[str, str]]:
        """(card id, due as `iso` text) of cards with a state (due by `until` if given),
        earliest due first. One row per card: queues are built from this, not the log."""
        sql = "SELECT due, card_id FROM card_state WHERE deck_id = ? AND direction = ?"
        params: tuple[Any, ...] = (self.deck_id, direction)
        if until is not None:
            sql, params = sql + " AND due <= ?", (*params, iso(until))
        return [(card_id, due) for due, card_id in self._read(sql + " ORDER BY due, card_id",
                                                              params)]

    def studied_directions(self) -> set[str]:
        """The directions any card of the deck has a state in."""
        return {r[0] for r in self._read("SELECT DISTINCT direction FROM card_state"
                                         " WHERE deck_id = ?", (self.deck_id,))}

    def known_cards(self, direction: str = FORWARD) -> set[str]:
        """Ids of cards that have a state (ever reviewed and not fully undone)."""
        return {r[0] for r in self._read("SELECT card_id FROM card_state WHERE deck_id = ?"
                                         " AND direction = ?", (self.deck_id, direction))}

    def introduced_since(self, since: datetime) -> int:
        """Cards whose first (standing) review was at or after `since`."""
        return int(self._read("SELECT COUNT(*) FROM card_state WHERE deck_id = ?"
                              " AND introduced_at >= ?", (self.deck_id, iso(since)))[0][0])

    def review_rows(self, since: datetime | None = None) -> list[ReviewRow]:
        """Standing (not undone) reviews of the deck in log order, optionally from `since` on."""
        sql = ("SELECT id, card_id, rating, reviewed_at, duration_ms, source, direction,"
               " state_before FROM review_log WHERE deck_id = ? AND undone = 0")
        params: tuple[Any, ...] = (self.deck_id,)
        if since is not None:
            sql, params = sql + " AND reviewed_at >= ?", (*params, iso(since))
        return [ReviewRow(i, c, rt, from_iso(t), d, src, dr, before)
                for i, c, rt, t, d, src, dr, before in self._read(sql + " ORDER BY id", params)]

    def reviews_per_day(self, since: datetime, utc_offset: timedelta) -> dict[str, int]:
        """Local date ('YYYY-MM-DD', at `utc_offset`) -> standing reviews, from `since` on."""
        shift = f"{int(utc_offset.total_seconds()):+d} seconds"
        return dict(self._read(
            "SELECT date(reviewed_at, ?) AS day, COUNT(*) FROM review_log WHERE deck_id = ?"
            " AND reviewed_at >= ? AND undone = 0 GROUP BY day",
            (shift, self.deck_id, iso(since))))

    def review_counts(self) -> dict[str, int]:
        """Card id -> number of standing reviews (every direction), cards of the deck
        that no longer exist included."""
        return dict(self._read("SELECT card_id, COUNT(*) FROM review_log WHERE deck_id = ?"
                               " AND undone = 0 GROUP BY card_id", (self.deck_id,)))

    def review_counts_by_direction(self) -> dict[tuple[str, str], int]:
        """(card id, direction) -> number of standing reviews."""
        return {(c, d): n for c, d, n in self._read(
            "SELECT card_id, direction, COUNT(*) FROM review_log WHERE deck_id = ?"
            " AND undone = 0 GROUP BY card_id, direction", (self.deck_id,))}

    def review_pass_counts(self) -> tuple[int, int]:
        """(passed, total) over standing reviews of cards that were in the Review state
        before the review: the basis of true retention."""
        row = self._read("SELECT COALESCE(SUM(CASE WHEN rating > 1 THEN 1 ELSE 0 END), 0),"
                         " COUNT(*) FROM review_log"
                         " WHERE deck_id = ? AND state_before = 2 AND undone = 0",
                         (self.deck_id,))
        return int(row[0][0]), int(row[0][1])

    def quiz_rows(self) -> list[tuple[str, str, str, str, bool, datetime, str | None]]:
        """(id, question id, card id, given, correct, answered_at, review id), in order."""
        return [(i, q, c, g, bool(ok), from_iso(t), rid) for i, q, c, g, ok, t, rid in self._read(
            "SELECT id, question_id, card_id, given, correct, answered_at, review_id"
            " FROM quiz_log WHERE deck_id = ? ORDER BY id", (self.deck_id,))]

    def orphans(self, card_ids: set[str]) -> dict[str, int]:
        """Cards of this deck with standing reviews that are not in `card_ids` (the
        deck as loaded now) -> their review count. Their reviews stay and count."""
        return {c: n for c, n in self.review_counts().items() if c not in card_ids}

    def deck_events(self, kind: str) -> list[tuple[str, datetime, dict[str, Any]]]:
        """(id, at, payload) of this deck's events of `kind` not tied to a card
        ('fit', 'retention'), oldest first."""
        return [(i, from_iso(at), json.loads(p)) for i, at, p in self._read(
            "SELECT id, at, payload FROM event WHERE deck_id = ? AND card_id = ''"
            " AND direction = '' AND kind = ? ORDER BY id", (self.deck_id, kind))]

    def event_counts(self) -> dict[str, int]:
        """Kind -> number of events, over every deck."""
        return dict(self._read("SELECT kind, COUNT(*) FROM event GROUP BY kind"))

    def integrity_check(self) -> list[str]:
        """Problems found by PRAGMA integrity_check; [] when sound."""
        from studytui.store.migrations import TABLES

        rows = [r[0] for r in self._read("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else rows
        names = {r[0] for r in self._read("SELECT name FROM sqlite_master WHERE type='table'")}
        problems += [f"missing table {t}" for t in TABLES if t not in names]
        return problems
