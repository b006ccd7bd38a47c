"""What Browse and a card's page show of one card's study: its FSRS state, due
time, stability and difficulty, its marks, and every standing review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from studytui.store.card_marks import Marks
from studytui.store.sqlite_store import Store, from_iso

STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}


@dataclass(frozen=True)
class Review:
    rating: int
    at: datetime
    duration_ms: int | None
    source: str  # review or quiz


@dataclass(frozen=True)
class CardRecord:
    state: str  # new, learning, review, relearning
    due: datetime | None
    stability: float | None  # days
    difficulty: float | None  # 1..10
    marks: Marks
    reviews: list[Review]


def card_record(store: Store, card_id: str) -> CardRecord:
    state = store.state_of(card_id)
    reviews = [Review(*row) for row in store.reviews_of(card_id)]
    marks = store.marks_of(card_id)
    if state is None:
        return CardRecord("new", None, None, None, marks, reviews)
    return CardRecord(STATE_NAMES.get(int(state["state"]), "review"), from_iso(state["due"]),
                      state.get("stability"), state.get("difficulty"), marks, reviews)
