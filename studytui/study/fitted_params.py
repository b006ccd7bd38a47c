"""The learner's fitted FSRS parameters, suggested retention and the record of
retention changes: events of the deck in the review store's log ('fit',
'retention'), appended, never edited; the current values are the latest ones.

A 'retention' change that moved due dates also appends one 'reschedule' event
per moved card and direction, so a replay of the log (doctor) gives the same due dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from studytui.config import Config
from studytui.errors import Said, UserError
from studytui.store.sqlite_store import Store
from studytui.study.fsrs_fit import clamp_to_scheduler
from studytui.study.scheduler import StudyScheduler

#: (card id, direction) -> the card's state with its new due date: every direction
#: of a card has its own state, and a change of retention moves them all.
Moved = dict[tuple[str, str], dict[str, Any]]


@dataclass(frozen=True)
class RetentionChange:
    """Cards rescheduled at `at` for `retention` under `parameters` (None: defaults)."""

    at: datetime
    retention: float
    cards: int  # cards rescheduled
    parameters: tuple[float, ...] | None = None
    old: float | None = None  # the retention in force before (None: never recorded)


@dataclass(frozen=True)
class Fitted:
    parameters: tuple[float, ...] | None = None  # None: FSRS's defaults
    suggested_retention: float | None = None
    retention_changes: tuple[RetentionChange, ...] = ()
    events: list[dict[str, Any]] = field(default_factory=list)  # fits and changes, in order


def load(store: Store) -> Fitted:
    """What the store's log records for its deck (nothing yet: defaults)."""
    fits = store.deck_events("fit")
    changes = store.deck_events("retention")
    parameters = suggested = None
    try:
        for _, _, fit in fits:
            if fit["kept"] == "new":
                parameters = _parameters(fit["parameters"])
            if fit.get("suggested_retention"):
                suggested = float(fit["suggested_retention"])
        retention_changes = tuple(
            RetentionChange(at, float(c["new"]), int(c["cards"]),
                            _parameters(c["parameters"]) if c.get("parameters") else None,
                            float(c["old"]) if c.get("old") is not None else None)
            for _, at, c in changes)
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError(Said("optimize.malformed", path=store.path, reason=exc)) from None
    if parameters is not None and (len(parameters) != 21
                                   or clamp_to_scheduler(parameters) != parameters):
        raise UserError(Said("optimize.out_of_bounds", path=store.path))
    events = [{"kind": kind, "id": i, "at": at, **payload}
              for kind, i, at, payload in sorted(
                  [("fit", *e) for e in fits] + [("retention", *e) for e in changes],
                  key=lambda e: e[1])]
    return Fitted(parameters, suggested, retention_changes, events)


def _parameters(values: Sequence[float]) -> tuple[float, ...]:
    return tuple(float(p) for p in values)


def record_fit(store: Store, at: datetime, parameters: Sequence[float], kept: str,
               scores: dict[str, Any], suggested_retention: float | None) -> None:
    """A fit: its parameters, which set was kept ('new' or 'old') and why."""
    store.record_fit(at, {
        # full precision: the set in use must score as it did
        "parameters": [float(p) for p in parameters], "kept": kept, "scores": scores,
        "suggested_retention": suggested_retention})


def record_retention(store: Store, at: datetime, retention: float,
                     moved: Moved) -> None:
    """`retention` is in force from `at`; `moved` (card and direction -> its state
    with the new due) were rescheduled for it, recorded so that a replay gives the same dues."""
    fitted = load(store)
    old = fitted.retention_changes[-1].retention if fitted.retention_changes else None
    store.record_retention_change(
        at, {"old": old, "new": retention,
             "parameters": list(fitted.parameters) if fitted.parameters else None},
        {key: state["due"] for key, state in moved.items()})


def retention_in_force(store: Store) -> float | None:
    """The desired retention the store's due dates were last set for (None: never
    recorded; then the config's retention is taken to be in force)."""
    changes = load(store).retention_changes
    return changes[-1].retention if changes else None


def scheduler_for(config: Config, store: Store, *, fuzz: bool = True) -> StudyScheduler:
    """The scheduler for `store`'s deck: its fitted parameters if any."""
    return StudyScheduler(config, fuzz=fuzz, parameters=load(store).parameters)
