"""Pacing for a walk-through: a demo whose steps compute in microseconds
(each cell of a convolution, each step of an LSTM) hands them out slowly
enough to watch when asked to (`animate`), or all at once otherwise (the CLI
draws only the finished frame, and --json must not wait)."""

from __future__ import annotations

import time

WALK_SECONDS = 6.0  # a whole walk-through, however many steps it has
MOST_PER_STEP = 0.4  # a few steps still go by at a readable pace


def step_delay(steps: int, animate: bool) -> float:
    """Seconds to wait before each of `steps` frames."""
    return min(MOST_PER_STEP, WALK_SECONDS / max(1, steps)) if animate else 0.0


def wait(seconds: float) -> None:
    if seconds > 0:
        time.sleep(seconds)
