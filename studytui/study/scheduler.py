"""FSRS-6 scheduling through the `fsrs` package; of the algorithm only the
interval formula is here (`interval_days`, for rescheduling; a test holds it
equal to fsrs's).

Previews (the interval on each rating button) come from a second fsrs Scheduler
with fuzzing off: the label is the interval FSRS computes, while the real review
adds fsrs's small fuzz (only to intervals of 2.5 days or more, a few percent)
so cards learned together do not all come due on the same day.

The fuzz is drawn from the review itself (`fuzz_seed`: card, time, rating,
all recorded in its event), not from the process's random state: replaying
the event log (doctor, a merge of two devices) gives the very state the
learner was shown, every time, and a session on a fixed clock is repeatable.
"""

from __future__ import annotations

import os
import random
import threading
import zlib
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import fsrs.scheduler as fsrs_scheduler
from fsrs import Card, Rating, Scheduler, State

from studytui.config import Config
from studytui.words import say

RATINGS = (1, 2, 3, 4)
RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def utc(dt: datetime) -> datetime:
    """`dt` with tzinfo exactly `timezone.utc`, which fsrs insists on."""
    if dt.tzinfo is None:
        raise ValueError("naive datetime: studytui works with UTC-aware times only")
    return dt.astimezone(timezone.utc)


def fuzz_seed(card_id: str, at: datetime, rating: int) -> str:
    """What a review's fuzz is drawn from: fields its event records, so a replay
    draws the same (the event id would do too, but is not known to a preview
    or a test on a fixed clock)."""
    return f"{card_id}|{utc(at).isoformat()}|{rating}"


def fsrs_card_id(card_id: str) -> int:
    # fsrs wants an int id; without one it uses the clock and sleeps 1 ms per card.
    return zlib.crc32(card_id.encode("utf-8"))


_FUZZ_LOCK = threading.Lock()


def _fresh_lock_in_child() -> None:
    # A forked child (a rebuild's half, store/fork_split.py) has one thread: a
    # lock another thread of the parent held at the fork is never released there.
    global _FUZZ_LOCK
    _FUZZ_LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_fresh_lock_in_child)


class _SeededScheduler(Scheduler):
    """fsrs draws its fuzz from its module's `random()` (fsrs/scheduler.py,
    `_get_fuzzed_interval`); with a seed set, the draw comes from it instead."""

    seed: str | None = None
    _draws = random.Random()  # seeded again for each draw: the same as a new one

    def _get_fuzzed_interval(self, *, interval: timedelta) -> timedelta:
        if self.seed is None or interval.days < 2.5:  # fsrs fuzzes no shorter interval
            return super()._get_fuzzed_interval(interval=interval)
        with _FUZZ_LOCK:  # the module global is swapped only for this one call
            self._draws.seed(self.seed)
            draw = self._draws.random()
            saved = fsrs_scheduler.random
            fsrs_scheduler.random = lambda: draw  # type: ignore[assignment]
            try:
                return super()._get_fuzzed_interval(interval=interval)
            finally:
                fsrs_scheduler.random = saved  # type: ignore[assignment]


class StudyScheduler:
    """`parameters`: the learner's fitted FSRS parameters (`studytui optimize`),
    None for FSRS's defaults."""

    def __init__(self, config: Config | None = None, *, fuzz: bool = True,
                 parameters: Sequence[float] | None = None) -> None:
        self.config = config or Config()
        retention = self.config.desired_retention
        given = {} if parameters is None else {"parameters": tuple(parameters)}
        self.fsrs = _SeededScheduler(desired_retention=retention, enable_fuzzing=fuzz, **given)
        self._preview = Scheduler(desired_retention=retention, enable_fuzzing=False, **given)
        self.parameters: tuple[float, ...] = self.fsrs.parameters
        # recompute's last result, its Card, and a copy to tell it was not changed since
        self._last: tuple[dict[str, Any] | None, Card | None] = (None, None)
        self._last_copy: dict[str, Any] = {}

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
               duration_ms: int | None = None, seed: str | None = None) -> Card:
        """The card after a review (a new object; `card` is unchanged); `seed`
        (`fuzz_seed` of the review) fixes the fuzz."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be 1..4, not {rating!r}")
        self.fsrs.seed = seed
        try:
            after, _ = self.fsrs.review_card(card, Rating(rating), utc(now), duration_ms)
        finally:
            self.fsrs.seed = None
        return after

    def recompute(self, before: dict[str, Any] | None, rating: int, at: datetime,
                  duration_ms: int | None, event_id: str, card_id: str) -> dict[str, Any]:
        """A review's state computed again during a replay of the log (the store's
        `Recompute`): the same function of the same inputs as when it was made."""
        # A replay passes the state this returned last as the next one's `before`:
        # the Card it came from is reused rather than made again from the dict.
        last_state, last_card = self._last
        if before is None:
            card = self.new_card(card_id, at)
        elif before is last_state and before == self._last_copy:
            card = last_card
        else:
            card = self.card_from_state(before)
        after = self.review(card, rating, at, duration_ms, seed=fuzz_seed(card_id, at, rating))
        state = after.to_dict()
        self._last, self._last_copy = (state, after), dict(state)
        return state

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


def format_interval(td: timedelta, lang: str = "en") -> str:
    """A short label as on Anki's buttons, in the learner's language: <1m, 10m,
    3h, 4d, 2mo, 1.2y (ko: 1분 미만, 10분, 3시간, 4일, 2개월, 1.2년). In `both` the
    short symbols (10m, 4d): a rating button already says its name in both
    languages, and four buttons must fit 80 columns."""
    seconds = td.total_seconds()
    if seconds < 60:
        return _unit("interval.under_minute", lang, "")
    minutes = round(seconds / 60)
    if minutes < 60:
        return _unit("interval.minutes", lang, minutes)
    hours = round(seconds / 3600)
    if hours < 24:
        return _unit("interval.hours", lang, hours)
    days = round(seconds / 86400)
    if days < 30:
        return _unit("interval.days", lang, days)
    months = round(days / 30)
    if days < 365 and months < 12:
        return _unit("interval.months", lang, months)
    years = days / 365
    return _unit("interval.years", lang, f"{years:.1f}" if years < 10 else round(years))


def _unit(key: str, lang: str, n: object) -> str:
    return say(key, "en" if lang == "both" else lang, n=n)
