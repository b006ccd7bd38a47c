"""Fitting pictures and tables into the size they are given.

A table's numbers never get cut: `first_that_fits` tries layouts from the
richest to the plainest (dropping decorative columns, folding names) and
takes the first whose narrowest form fits, judged by Rich's own measure.
Below a demo's minimum size, `too_small` says so instead of drawing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import lru_cache

from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.text import Text

from studytui.words import say


@lru_cache(maxsize=8)
def _console(width: int) -> Console:
    return Console(width=width, file=io.StringIO(), color_system=None, highlight=False)


def min_width(renderable: RenderableType, width: int = 10_000) -> int:
    """The fewest columns `renderable` can take without cutting what must stay whole."""
    console = _console(width)
    return Measurement.get(console, console.options, renderable).minimum


def line_count(text: Text, width: int) -> int:
    """How many lines `text` takes when wrapped at `width` columns."""
    return len(text.wrap(_console(width), max(1, width)))


def first_that_fits(layouts: Sequence[Callable[[], RenderableType]],
                    width: int) -> RenderableType:
    """The first layout whose narrowest form fits `width` (else the last)."""
    for make in layouts[:-1]:
        renderable = make()
        if min_width(renderable) <= width:
            return renderable
    return layouts[-1]()


def too_small(title: str, need: tuple[int, int], have: tuple[int, int], lang: str) -> Text:
    """One plain notice: the picture needs more room than it was given."""
    return Text(say("demo_pictures.too_small", lang, title=title, need_w=need[0],
                    need_h=need[1], have_w=have[0], have_h=have[1]), overflow="fold")
