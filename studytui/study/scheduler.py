"""FSRS-6 scheduling through the `fsrs` package; of the algorithm only the
interval formula is here (`interval_days`, for rescheduling; a test holds it
equal to fsrs's).

Previews (the interval on each rating button) come from a second fsrs Scheduler
with fuzzing off: the label is the interval FSRS computes, while the real review
adds fsrs's small random fuzz (only to intervals of 2.5 days or more, a few
percent) so cards learned together do not all come due on the same day.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from fsrs import Card, Rating, Scheduler, State

from studytui.config import Config

RATINGS = (1, 2, 3, 4)
RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def utc(dt: datetime) -> datetime:
    """`dt` with tzinfo exactly `timezone.utc`, which fsrs insists on."""
    if dt.tzinfo is None:
        raise ValueError("naive datetime: studytui works with UTC-aware times only")
    return dt.astimezone(timezone.utc)


def fsrs_card_id(card_id: str) -> int:
    # fsrs wants an int id; without one it uses the clock and sleeps 1 ms per card.
    return zlib.crc32(card_id.encode("utf-8"))


class StudyScheduler:
    """`parameters`: the learner's fitted FSRS parameters (`studytui optimize`),
    None for FSRS's defaults."""

    def __init__(self, config: Config | None = None, *, fuzz: bool = True,
                 parameters: Sequence[float] | None = None) -> None:
        self.config = config or Config()
        retention = self.config.desired_retention
        given = {} if parameters is None else {"parameters": tuple(parameters)}
        self.fsrs = Scheduler(desired_retention=retention, enable_fuzzing=fuzz, **given)
        self._preview = Scheduler(desired_retention=retention, enable_fuzzing=False, **given)
        self.parameters: tuple[float, ...] = self.fsrs.parameters

    def new_card(self, card_id: str, now: datetime | None = None) -> Card:
        return Card(card_id=fsrs_card_id(card_id), due=utc(now or datetime.now(timezone.utc)))

    def card_from_state(self, state: dict[str, Any]) -> Card:
        return Card.from_dict(state)  # type: ignore[arg-type]

    def preview(self, card: Card, now: datetime) -> dict[int, timedelta]:
        """Rating -> the interval that rating would give, without changing `card`."""
        now = utc(now)
        out = {}
        for rating in RATINGS:
            after, _ = self._preview.review_card(card, Rating(rating), now)
            out[rating] = after.due - now
        return out

    def review(self, card: Card, rating: int, now: datetime,
               duration_ms: int | None = None) -> Card:
        """The card after a review (a new object; `card` is unchanged)."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be 1..4, not {rating!r}")
        after, _ = self.fsrs.review_card(card, Rating(rating), utc(now), duration_ms)
        return after

    def retrievability(self, stability: float | None, last_review: datetime | None,
                       now: datetime) -> float:
        """FSRS's probability of recall now for a card of this stability last
        reviewed then (0 for a card never reviewed). The rest of a card's state
        does not enter the formula, so stats need not rebuild whole cards."""
        card = Card(card_id=0, state=State.Review, stability=stability, due=now,
                    last_review=last_review)
        return float(self.fsrs.get_card_retrievability(card, utc(now)))

    def interval_days(self, stability: float) -> int:
        """Whole days until a card of this stability falls to the desired retention,
        as fsrs schedules a Review card (no fuzz): what rescheduling sets."""
        decay = -self.parameters[20]
        factor = 0.9 ** (1 / decay) - 1
        days = round(stability / factor * (self.config.desired_retention ** (1 / decay) - 1))
        return min(max(days, 1), self.fsrs.maximum_interval)


def format_interval(td: timedelta) -> str:
    """A short label as on Anki's buttons: <1m, 10m, 3h, 4d, 2mo, 1.2y."""
    seconds = td.total_seconds()
    if seconds < 60:
        return "<1m"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes}m"
    hours = round(seconds / 3600)
    if hours < 24:
        return f"{hours}h"
    days = round(seconds / 86400)
    if days < 30:
        return f"{days}d"
    months = round(days / 30)
    if days < 365 and months < 12:
        return f"{months}mo"
    years = days / 365
    return f"{years:.1f}y" if years < 10 else f"{round(years)}y"
