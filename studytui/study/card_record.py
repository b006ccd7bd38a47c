"""What Browse and a card's page show of one card's study: its FSRS state, due
time, stability and difficulty, its marks, and every standing review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from studytui.store.card_marks import NO_MARKS, Marks
from studytui.store.sqlite_store import Store, from_iso
from studytui.study.availability import is_available

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


def list_states(store: Store, now: datetime) -> dict[str, tuple[str, bool]]:
    """Card id -> (what Browse's list says of it, flagged), for every card with a
    state or a mark (a card absent is new). Out of every queue, a card says why
    ("suspended", "buried") in place of its state, which its record still shows.
    Two reads for the whole deck (the card-state table and the mark events),
    made once when the list opens, never per row or per keystroke."""
    states = {card_id: STATE_NAMES.get(int(fsrs_state), "review")
              for card_id, _, fsrs_state, _, _ in store.recall_rows()}
    marks = store.card_marks()
    out = {}
    for card_id in states.keys() | marks.keys():
        mark = marks.get(card_id, NO_MARKS)
        state = states.get(card_id, "new")
        if not is_available(mark, now):
            state = "suspended" if mark.suspended else "buried"
        out[card_id] = (state, mark.flagged)
    return out
