"""The learner's fitted FSRS parameters, suggested retention and the record of
retention changes: one small JSON file beside the review store (0600).

This module is the only one that knows where they are kept, so they can move
into the store's event log by changing `load` and the writers below. The file
holds a list of `events` (parameters fitted, retention changed), appended, never
edited; the current values are read from the latest ones.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from studytui.config import Config
from studytui.errors import UserError
from studytui.study.fsrs_fit import clamp_to_scheduler
from studytui.study.scheduler import StudyScheduler

VERSION = 1


def fitted_path(store_path: Path) -> Path:
    """`reviews.db` -> `reviews.fsrs.json`, in the same folder."""
    store_path = Path(store_path)
    return store_path.with_name(store_path.stem + ".fsrs.json")


@dataclass(frozen=True)
class RetentionChange:
    """Cards rescheduled at `at` for `retention` under `parameters` (None: defaults)."""

    at: datetime
    retention: float
    cards: int  # cards rescheduled
    parameters: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Fitted:
    parameters: tuple[float, ...] | None = None  # None: FSRS's defaults
    suggested_retention: float | None = None
    retention_changes: tuple[RetentionChange, ...] = ()
    events: list[dict[str, Any]] = field(default_factory=list)


def load(store_path: Path) -> Fitted:
    """What is recorded for the store at `store_path` (nothing yet: defaults)."""
    path = fitted_path(store_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        events = list(data["events"])
    except FileNotFoundError:
        return Fitted()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(f"{path}: cannot read the fitted parameters ({exc}); "
                        "move it aside and run `studytui optimize` again") from None
    parameters = suggested = None
    changes = []
    try:
        for event in events:
            if event["kind"] == "parameters" and event["kept"] == "new":
                parameters = tuple(float(p) for p in event["parameters"])
            if event["kind"] == "parameters" and event.get("suggested_retention"):
                suggested = float(event["suggested_retention"])
            if event["kind"] == "retention":
                changes.append(RetentionChange(datetime.fromisoformat(event["at"]),
                                               float(event["retention"]), int(event["cards"]),
                                               parameters))
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError(f"{path}: a record is malformed ({exc}); "
                        "move it aside and run `studytui optimize` again") from None
    if parameters is not None and (len(parameters) != 21
                                   or clamp_to_scheduler(parameters) != parameters):
        raise UserError(f"{path}: the fitted parameters are not 21 numbers within FSRS's "
                        "bounds; move the file aside and run `studytui optimize` again")
    return Fitted(parameters, suggested, tuple(changes), events)


def _append(store_path: Path, event: dict[str, Any]) -> None:
    events = load(store_path).events + [event]
    path = fitted_path(store_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    # 0600 from the start: the file tells how a learner studies, like the store.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"version": VERSION, "events": events}, out, indent=1)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def record_fit(store_path: Path, at: datetime, parameters: Sequence[float], kept: str,
               scores: dict[str, Any], suggested_retention: float | None) -> None:
    """A fit: its parameters, which set was kept ('new' or 'old') and why."""
    _append(store_path, {"kind": "parameters", "at": at.isoformat(),
                         # full precision: the set in use must score as it did
                         "parameters": [float(p) for p in parameters],
                         "kept": kept, "scores": scores,
                         "suggested_retention": suggested_retention})


def record_retention(store_path: Path, at: datetime, retention: float, cards: int) -> None:
    """Cards rescheduled for `retention` at `at`: a replay recomputes the same dues."""
    _append(store_path, {"kind": "retention", "at": at.isoformat(),
                         "retention": retention, "cards": cards})


def retention_in_force(store_path: Path) -> float | None:
    """The desired retention the store's due dates were last set for (None: never
    recorded; then the config's retention is taken to be in force)."""
    changes = load(store_path).retention_changes
    return changes[-1].retention if changes else None


def scheduler_for(config: Config, store_path: Path, *, fuzz: bool = True) -> StudyScheduler:
    """The scheduler for the store at `store_path`: its fitted parameters if any."""
    return StudyScheduler(config, fuzz=fuzz, parameters=load(store_path).parameters)
