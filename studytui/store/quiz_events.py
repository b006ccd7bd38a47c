"""Quiz events beyond one answer: disputes ("I was right") and exam attempts,
and the quiz answers as the wrong-answer notebook reads them.

All of it is read straight from the `event` table, so no derived table or
migration is needed and a merged set of events reads the same on every device:

- 'dispute' (card-level): the learner says a quiz answer graded wrong was
  right. Payload: {"quiz": answer event id, "question", "given", "review":
  the Again review it undid or null}. Written together with an 'undo' event of
  that review, so the card's state rolls back as any undo does.
- 'exam' (deck-level, card ''): one finished exam attempt. Payload: what
  `studytui.study.exam` puts in it (per-question results, limit, times).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from studytui.store.ids import uuid7
from studytui.store.replay import Recompute, replay_one
from studytui.store.store_parts import StoreParts
from studytui.store.times import from_iso, iso


@dataclass(frozen=True)
class QuizAnswer:
    """One quiz answer as it stands: `disputed` answers count as right."""

    id: str
    at: datetime
    question: str
    card: str
    given: str
    correct: bool
    disputed: bool

    @property
    def counts_right(self) -> bool:
        return self.correct or self.disputed


@dataclass(frozen=True)
class Dispute:
    id: str
    at: datetime
    question: str
    card: str
    given: str


class QuizEvents(StoreParts):
    """Mixed into `Store`: uses its `_write`, `_read`, `_event` and `deck_id`."""


    def record_dispute(self, quiz_event_id: str, at: datetime,
                       recompute: Recompute | None = None) -> str:
        """The learner says the quiz answer `quiz_event_id` was right: a 'dispute'
        event keeping what was typed and, when the miss recorded an Again review
        still standing, an 'undo' of it (the card's state derived again). One
        commit; returns the dispute's id. A second dispute of one answer, or of a
        right answer, is a ValueError."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT card_id, direction, payload FROM event WHERE id = ? AND kind = 'quiz'"
                " AND deck_id = ?", (quiz_event_id, self.deck_id)).fetchone()
            if row is None:
                raise ValueError(f"no quiz answer with id {quiz_event_id}")
            card_id, direction, payload = row[0], row[1], json.loads(row[2])
            if payload.get("correct"):
                raise ValueError(f"quiz answer {quiz_event_id} was graded right already")
            if conn.execute("SELECT 1 FROM event WHERE kind = 'dispute' AND deck_id = ?"
                            " AND card_id = ? AND json_extract(payload, '$.quiz') = ?",
                            (self.deck_id, card_id, quiz_event_id)).fetchone():
                raise ValueError(f"quiz answer {quiz_event_id} is disputed already")
            review = payload.get("review")
            when = iso(at)
            dispute_id = uuid7()
            self._event(conn, dispute_id, "dispute", when, card_id, direction, {
                "quiz": quiz_event_id, "question": payload["question"],
                "given": payload["given"], "review": review})
            standing = review and conn.execute(
                "SELECT undone FROM review_log WHERE id = ?", (review,)).fetchone()
            if standing and not standing[0]:
                self._event(conn, uuid7(), "undo", when, card_id, direction, {"review": review})
                replay_one(conn, (self.deck_id, card_id, direction), recompute)
        return dispute_id

    def disputes(self) -> list[Dispute]:
        """Every dispute of this deck, oldest first."""
        return [Dispute(i, from_iso(at), q or "", c, g or "") for i, at, c, q, g in self._read(
            "SELECT id, at, card_id, json_extract(payload, '$.question'),"
            " json_extract(payload, '$.given') FROM event WHERE deck_id = ?"
            " AND kind = 'dispute' ORDER BY id", (self.deck_id,))]

    def quiz_answers(self) -> list[QuizAnswer]:
        """Every quiz answer of this deck in the order given, disputes applied."""
        disputed = {r[0] for r in self._read(
            "SELECT json_extract(payload, '$.quiz') FROM event WHERE deck_id = ?"
            " AND kind = 'dispute'", (self.deck_id,))}
        return list(_answers(self._read(
            "SELECT id, at, card_id, json_extract(payload, '$.question'),"
            " json_extract(payload, '$.given'), json_extract(payload, '$.correct')"
            " FROM event WHERE deck_id = ? AND kind = 'quiz' ORDER BY id",
            (self.deck_id,)), disputed))

    def record_exam(self, at: datetime, payload: dict[str, Any]) -> str:
        """Append one finished exam attempt (a deck-level 'exam' event)."""
        event_id = uuid7()
        with self._write() as conn:
            self._event(conn, event_id, "exam", iso(at), "", "", payload)
        return event_id


def _answers(rows: list[tuple[Any, ...]], disputed: set[str]) -> Iterator[QuizAnswer]:
    for event_id, at, card, question, given, correct in rows:
        yield QuizAnswer(event_id, from_iso(at), question or "", card, given or "",
                         bool(correct), event_id in disputed)
