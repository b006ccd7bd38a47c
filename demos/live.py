"""What a demo declares about turning it live, for any face. No torch here.

A demo names its `Live` in the registry (`DemoSpec.live = "module:NAME"`);
the demo screen reads it and stays the same for every demo:

- `steps`: the result can be drawn at step 0..steps(result) (render's `step`);
  left/right move through them, and with `play_seconds` they play as a film
  (an optimizer race). Without it, the result is drawn whole. `paged` draws
  one step a page (the attention walk-through) and starts at the first page.
- `subject`: the parameter whose value is the thing the knobs act on (the
  race's `focus`: the optimizer picked); `subjects` lists the choices.
- `knobs`: each turns one parameter of the subject down or up by a step and
  says its value; `turn` hands back the new parameter values, or None when
  the knob means nothing for this subject (adam has no momentum knob).
- `reuses`: the compute's `frames` takes `previous=` (the last finished
  result) and recomputes only what the change touched.
- `notice`: what to look at in the run shown, in the learner's language.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Values = dict[str, Any]


@dataclass(frozen=True)
class Knob:
    name: str  # the words key `demo_knob.<name>` names it on screen
    turn: Callable[[Values, str, int], Values | None]  # (values, subject, -1 | +1)
    show: Callable[[Values, str], str | None]  # its value for the subject, or None


@dataclass(frozen=True)
class Live:
    steps: Callable[[dict[str, Any]], int] | None = None
    play_seconds: float | None = None
    paged: bool = False
    subject: str | None = None
    subjects: Callable[[Values], tuple[str, ...]] | None = None
    knobs: tuple[Knob, ...] = field(default_factory=tuple)
    reuses: bool = False
    notice: Callable[[dict[str, Any], int | None, str], str | None] | None = None


STILL = Live()  # a demo that declares nothing: drawn whole, nothing to turn


def live_of(path: str | None) -> Live:
    """The Live a registry entry names, or STILL."""
    if path is None:
        return STILL
    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)


def on_grid(value: float, direction: int, grid: tuple[float, ...]) -> float:
    """The next value of `grid` (sorted) below or above `value`; the ends stay."""
    if direction > 0:
        return next((g for g in grid if g > value * (1 + 1e-9)), grid[-1])
    return next((g for g in reversed(grid) if g < value * (1 - 1e-9)), grid[0])
