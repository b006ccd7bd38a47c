"""Retention that reschedules: when the desired retention (or the parameters)
change, every card in the Review state gets the due date the new scheduler would
have given it at its last review, as Anki's "reschedule cards on change" does.
Memory states (stability, difficulty) depend only on the reviews, so they stay;
learning and relearning cards keep their minute steps. No fuzz: the due date is
a function of the state and the retention alone, so a replay of the log and
the recorded changes gives the same dates (`replay_changes`).

`workload` forecasts reviews per day over the next 30 days, before and after,
for the learner to see first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from studytui.clock import day_starts
from studytui.config import Config
from studytui.store.sqlite_store import Store, iso
from studytui.study import fitted_params
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

    moved: dict[str, dict[str, Any]]
    before: Workload
    after: Workload


def preview(store: Store, old: StudyScheduler, new: StudyScheduler, now: datetime) -> Preview:
    states = store.card_states()
    moved = reschedule_all(states, new)
    if not moved:
        return Preview({}, Workload([]), Workload([]))
    return Preview(moved, workload(states, old, now), workload({**states, **moved}, new, now))


def commit(store: Store, moved: dict[str, dict[str, Any]], retention: float,
           at: datetime) -> None:
    """Move the cards and record the change, so a replay sets the same dates;
    with nothing moved, records only that `retention` is now in force."""
    if moved:
        apply(store, moved)
    fitted_params.record_retention(store.path, at, retention, len(moved))


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


def reschedule_all(states: dict[str, dict[str, Any]], scheduler: StudyScheduler
                   ) -> dict[str, dict[str, Any]]:
    """Card id -> new state, for the cards whose due date changes."""
    out = {}
    for card_id, state in states.items():
        new = rescheduled(state, scheduler)
        if new is not None:
            out[card_id] = new
    return out


def workload(states: dict[str, dict[str, Any]], scheduler: StudyScheduler, now: datetime,
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


def apply(store: Store, new_states: dict[str, dict[str, Any]]) -> None:
    """Write rescheduled states into the store's card-state table, in one commit.
    The store has no public write for a state without a review yet: this is the
    one place that reaches past it, to be re-pointed at a 'retention changed'
    event when the store becomes an event log."""
    with store._write() as conn:  # noqa: SLF001 - see the docstring
        conn.executemany(
            "UPDATE card_state SET state = ?, due = ? WHERE card_id = ?",
            [(_json(s), iso(datetime.fromisoformat(s["due"])), cid)
             for cid, s in new_states.items()])


def replay_changes(store: Store) -> int:
    """After the card states were rebuilt from the log (doctor), apply each recorded
    rescheduling again to the cards whose last review came before it. Returns
    the cards whose due date was set again."""
    states = store.card_states()
    moved: dict[str, dict[str, Any]] = {}
    for change in sorted(fitted_params.load(store.path).retention_changes, key=lambda c: c.at):
        if not change.cards:
            continue  # the retention changed but the learner kept the due dates
        at = change.at
        scheduler = StudyScheduler(Config(desired_retention=change.retention),
                                   parameters=change.parameters)
        for card_id, state in states.items():
            last = state.get("last_review")
            if last and datetime.fromisoformat(last) < at:
                new = rescheduled(state, scheduler)
                if new is not None:
                    states[card_id] = moved[card_id] = new
    if moved:
        apply(store, moved)
    return len(moved)


def _json(state: dict[str, Any]) -> str:
    import json

    return json.dumps(state, separators=(",", ":"))



