"""A learner's review log as plain arrays: what the fit, the evaluation and the
simulator read. One function reads it from the store (`read_review_history`):
the standing reviews of the store's deck, through the store's public reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from studytui.store.sqlite_store import FORWARD, Store

DAY_US = 86_400_000_000
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class CardHistory:
    """One card's effective reviews, oldest first. Times are microseconds since
    the epoch (exact: day counts must match what fsrs computes from datetimes)."""

    card_id: str
    direction: str = FORWARD  # each direction of a card is a memory of its own
    at_us: list[int] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)
    durations_ms: list[int | None] = field(default_factory=list)

    def elapsed_days(self) -> list[int]:
        """Whole days since the previous review, as fsrs counts them
        (`timedelta.days`); 0 for the first review."""
        at = self.at_us
        return [0] + [(b - a) // DAY_US for a, b in zip(at[:-1], at[1:], strict=True)]


@dataclass(frozen=True)
class ReviewHistory:
    cards: list[CardHistory]

    @property
    def reviews(self) -> int:
        return sum(len(c.ratings) for c in self.cards)


def to_us(dt: datetime) -> int:
    delta = dt.astimezone(timezone.utc) - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def history_of(rows: Iterable[tuple[Any, ...]]) -> ReviewHistory:
    """(card id, time, rating, duration ms[, direction]) rows, in any order ->
    per-card histories, one for each (card, direction) (forward when not given)."""
    by_card: dict[tuple[str, str], CardHistory] = {}
    keyed = ((r[0], r[4] if len(r) > 4 else FORWARD, *r[1:4]) for r in rows)
    for card_id, direction, at, rating, duration in sorted(keyed, key=lambda r: r[:3]):
        card = by_card.get((card_id, direction))
        if card is None:
            card = by_card[card_id, direction] = CardHistory(card_id, direction)
        card.at_us.append(to_us(at))
        card.ratings.append(int(rating))
        card.durations_ms.append(duration)
    return ReviewHistory(list(by_card.values()))


def read_review_history(store: Store) -> ReviewHistory:
    """Every effective (not undone) review of the store's deck (`store.deck_id`),
    every direction, quiz misses included: they moved the card's state, so the
    model must see them too."""
    return history_of((r.card_id, r.reviewed_at, r.rating, r.duration_ms, r.direction)
                      for r in store.review_rows())
