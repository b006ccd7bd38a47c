"""Exam mode: N questions across chosen lectures, an optional time limit, no
feedback until the end; then the score per lecture and per question type,
beside the learner's earlier attempts.

Each answer is committed as any quiz answer is (so the notebook and the
schedule see it); the attempt as a whole is one 'exam' event whose payload
holds every question's result (`questions`: [id, lecture, type, 1/0/null for
unanswered]), so a report of any past attempt is computed from its event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from studytui.content.deck import Deck
from studytui.store.sqlite_store import Store, iso
from studytui.study.quiz_session import QuizSession

Tally = dict[str, tuple[int, int]]  # lecture number (as text) or type -> (right, asked)


@dataclass(frozen=True)
class Attempt:
    at: datetime
    limit_s: int | None
    seconds: float
    timed_out: bool
    by_lecture: Tally
    by_type: Tally

    @property
    def score(self) -> tuple[int, int]:
        return (sum(r for r, _ in self.by_lecture.values()),
                sum(n for _, n in self.by_lecture.values()))


def exam_payload(deck: Deck, quiz: QuizSession, started: datetime, finished: datetime,
                 limit_s: int | None) -> dict[str, Any]:
    """The 'exam' event's payload for `quiz` (answered or not, each question)."""
    results: list[int | None] = [int(fb.counts_right) for fb in quiz.answers]
    results += [None] * (quiz.total - len(results))
    return {
        "lectures": sorted(quiz.lectures or deck.numbers()),
        "limit_s": limit_s,
        "started": iso(started),
        "seconds": round((finished - started).total_seconds(), 1),
        "timed_out": quiz.index < quiz.total,
        "questions": [[q.id, deck.card_lecture.get(q.card), q.type, r]
                      for q, r in zip(quiz.questions, results, strict=True)],
    }


def attempt_of(at: datetime, payload: dict[str, Any]) -> Attempt:
    by_lecture: dict[str, tuple[int, int]] = {}
    by_type: dict[str, tuple[int, int]] = {}
    for _qid, lecture, qtype, result in payload.get("questions", []):
        for tally, key in ((by_lecture, str(lecture)), (by_type, str(qtype))):
            right, asked = tally.get(key, (0, 0))
            tally[key] = (right + int(bool(result)), asked + 1)
    return Attempt(at, payload.get("limit_s"), float(payload.get("seconds", 0)),
                   bool(payload.get("timed_out")), by_lecture, by_type)


def finish_exam(store: Store, deck: Deck, quiz: QuizSession, started: datetime,
                finished: datetime, limit_s: int | None) -> Attempt:
    """Store the attempt (one 'exam' event) and return its report."""
    payload = exam_payload(deck, quiz, started, finished, limit_s)
    store.record_exam(finished, payload)
    return attempt_of(finished, payload)


def attempts(store: Store) -> list[Attempt]:
    """Every stored attempt of the deck, oldest first."""
    return [attempt_of(at, payload) for _, at, payload in store.deck_events("exam")]


def earlier(past: list[Attempt], key: str, by: str) -> tuple[int, int] | None:
    """(right, asked) for `key` (a lecture number as text, or a type) in the most
    recent of `past` that asked it; None when none did."""
    for attempt in reversed(past):
        tally = attempt.by_lecture if by == "lecture" else attempt.by_type
        if key in tally:
            return tally[key]
    return None
