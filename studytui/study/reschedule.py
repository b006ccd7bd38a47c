"""Retention that reschedules: when the desired retention (or the parameters)
change, every card in the Review state gets the due date the new scheduler would
have given it at its last review, as Anki's "reschedule cards on change" does.
Every direction a card is studied in (forward, reverse, ko->en, en->ko) has a
state of its own, and each is rescheduled (as Anki moves every card of a note).
Memory states (stability, difficulty) depend only on the reviews, so they stay;
learning and relearning cards keep their minute steps. No fuzz: the due date is
a function of the state and the retention alone; the store records each moved
card's new due as an event, so a replay of the log gives the same dates.

`workload` forecasts reviews per day over the next 30 days, before and after,
for the learner to see first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from studytui.clock import day_starts
from studytui.store.sqlite_store import Store
from studytui.study import fitted_params
from studytui.study.fitted_params import Moved
from studytui.study.scheduler import StudyScheduler, utc

REVIEW = 2  # fsrs State.Review
FORECAST_DAYS = 30


@dataclass(frozen=True)
class Workload:
    per_day: list[int]  # reviews due on each local day, today first (overdue count today)

    @property
    def mean(self) -> float:
        return sum(self.per_day) / len(self.per_day) if self.per_day else 0.0


@dataclass(frozen=True)
class Preview:
    """What a new scheduler would do: the cards it moves, the workload before and after."""

    moved: Moved
    before: Workload
    after: Workload


def preview(store: Store, old: StudyScheduler, new: StudyScheduler, now: datetime) -> Preview:
    states = store.states_by_direction()  # every direction: each has its own due date
    moved = reschedule_all(states, new)
    if not moved:
        return Preview({}, Workload([]), Workload([]))
    return Preview(moved, workload(states, old, now), workload({**states, **moved}, new, now))


def commit(store: Store, moved: Moved, retention: float,
           at: datetime) -> None:
    """Move the cards and record the change (events, through the store), so a
    replay sets the same dates; with nothing moved, records only that
    `retention` is now in force."""
    fitted_params.record_retention(store, at, retention, moved)


def rescheduled(state: dict[str, Any], scheduler: StudyScheduler) -> dict[str, Any] | None:
    """The card state with the due date `scheduler` gives it, or None when nothing
    changes (not in the Review state, or the same date)."""
    if state.get("state") != REVIEW or not state.get("stability") or not state.get("last_review"):
        return None
    last = datetime.fromisoformat(state["last_review"])
    due = last + timedelta(days=scheduler.interval_days(float(state["stability"])))
    if due == datetime.fromisoformat(state["due"]):
        return None
    return {**state, "due": due.isoformat()}


def reschedule_all(states: dict[Any, dict[str, Any]], scheduler: StudyScheduler
                   ) -> dict[Any, dict[str, Any]]:
    """Key (as in `states`) -> new state, for the cards whose due date changes."""
    out = {}
    for card_id, state in states.items():
        new = rescheduled(state, scheduler)
        if new is not None:
            out[card_id] = new
    return out


def workload(states: dict[Any, dict[str, Any]], scheduler: StudyScheduler, now: datetime,
             days: int = FORECAST_DAYS, tz: tzinfo | None = None) -> Workload:
    """Reviews per local day over the next `days` days, if the learner studies every
    day and answers Good (the usual answer; a lapse adds a same-day step, not a day).
    Give a scheduler without fuzz, so the same question gets the same answer."""
    now = utc(now)
    starts = day_starts(now, days + 1, tz)
    counts = [0] * days
    horizon = starts[-1]
    for state in states.values():
        card = scheduler.card_from_state(state)
        while True:
            at = max(utc(card.due), now)
            if at >= horizon:
                break
            day = _day_index(starts, at)
            counts[day] += 1
            card = scheduler.review(card, 3, at)
    return Workload(counts)


def _day_index(starts: Sequence[datetime], at: datetime) -> int:
    lo, hi = 0, len(starts) - 2
    while lo < hi:  # the last start <= at
        mid = (lo + hi + 1) // 2
        if starts[mid] <= at:
            lo = mid
        else:
            hi = mid - 1
    return lo
