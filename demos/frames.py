"""The frame protocol: how a demo's compute hands its progress to a face.

A demo's `frames(**params)` is a generator of `Frame`s: plain data (a step of
a race, an epoch of training), each a result in the same shape as the final
one, so one render draws them all. The last frame has `finished=True` and
its data is the demo's result (what `--json` prints). A face consumes them:

- the TUI draws the latest frame and drops stale ones (a worker thread posts
  each as a message that replaces one not yet handled, toolong's pattern);
- the CLI draws only the finished frame;
- `throttle` bounds the rate, so a fast compute cannot flood a slow screen.

torch enters through `use_torch`, which bounds its thread count so the app
keeps answering keys on a two-core machine while a demo computes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

TORCH_THREADS = 1
MAX_RATE = 30  # frames a second that reach a face, at most (the finished one always does)


@dataclass(frozen=True)
class Frame:
    data: dict[str, Any]
    step: int | None = None  # progress, for a face that shows it
    steps: int | None = None
    finished: bool = False
    # A frame worth seeing that comes too fast to be seen (a pixel sampled in
    # microseconds): an animating face holds back until its turn, never drops it.
    hold: bool = False


def throttle(frames: Iterable[Frame], rate: float = MAX_RATE,
             clock: Callable[[], float] = time.monotonic,
             sleep: Callable[[float], None] = time.sleep) -> Iterator[Frame]:
    """`frames`, dropping any that comes sooner than 1/rate s after the last
    one passed on; the first and the finished frame always pass, and a held
    frame passes once 1/rate s have gone by."""
    last = None
    for frame in frames:
        now = clock()
        if frame.hold and last is not None and now - last < 1 / rate:
            sleep(1 / rate - (now - last))
            now = last + 1 / rate
        if frame.finished or frame.hold or last is None or now - last >= 1 / rate:
            last = now
            yield frame


def finished(frames: Iterable[Frame]) -> Frame:
    """The finished frame (the frames before it are computed and dropped)."""
    for frame in frames:
        if frame.finished:
            return frame
    raise RuntimeError("the demo ended without a finished frame")


def use_torch():
    """torch, with its intra-op thread pool bounded to TORCH_THREADS."""
    import torch

    if torch.get_num_threads() != TORCH_THREADS:
        torch.set_num_threads(TORCH_THREADS)
    return torch
