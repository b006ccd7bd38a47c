"""Fitting pictures and tables into the size they are given.

A table's numbers never get cut: `first_that_fits` tries layouts from the
richest to the plainest (dropping decorative columns, folding names) and
takes the first whose narrowest form fits; when none fits, the demo says so
with `too_small` instead of letting Rich crop a number.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import lru_cache

from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from studytui.words import say


@lru_cache(maxsize=8)
def _console(width: int) -> Console:
    return Console(width=width, file=io.StringIO(), color_system=None, highlight=False)


def min_width(renderable: RenderableType, width: int = 10_000) -> int:
    """The fewest columns `renderable` can take without cutting what must stay whole."""
    console = _console(width)
    return Measurement.get(console, console.options, renderable).minimum


def table_width(table: Table) -> int:
    """The columns `table` needs so that no cell of a no_wrap column is cut and
    the other columns wrap at most between words. (Rich's own measure of a
    table lets no_wrap cells shrink to their longest word, then crops them.)"""
    console = _console(10_000)
    top, right, bottom, left = Padding.unpack(table.padding)
    last = len(table.columns) - 1
    total = (last if table.box else 0) + (2 if table.box and table.show_edge else 0)
    for i, column in enumerate(table.columns):
        widths = [Measurement.get(console, console.options, cell)
                  for cell in (column.header, *column.cells)]
        total += max(m.maximum if column.no_wrap else m.minimum for m in widths)
        pad_left = 0 if (i == 0 and not table.pad_edge) else left
        pad_right = 0 if (i == last and not table.pad_edge) else right
        if table.collapse_padding and i > 0:
            pad_left = max(0, pad_left - right)
        total += pad_left + pad_right
    return total


def line_count(text: Text, width: int) -> int:
    """How many lines `text` takes when wrapped at `width` columns."""
    return len(text.wrap(_console(width), max(1, width)))


def needed_width(renderable: RenderableType) -> int:
    return table_width(renderable) if isinstance(renderable, Table) else min_width(renderable)


def first_that_fits(layouts: Sequence[Callable[[], RenderableType]],
                    width: int) -> tuple[RenderableType | None, int]:
    """(the first layout whose narrowest form fits `width`, or None when none
    does, and the width the plainest layout needs)."""
    need = 0
    for make in layouts:
        renderable = make()
        need = needed_width(renderable)
        if need <= width:
            return renderable, need
    return None, need


def too_small(title: str, need: tuple[int, int], have: tuple[int, int], lang: str) -> Text:
    """One plain notice: the picture needs more room than it was given."""
    return Text(say("demo_pictures.too_small", lang, title=title, need_w=need[0],
                    need_h=need[1], have_w=have[0], have_h=have[1]), overflow="fold")


def too_narrow(title: str, need: int, have: int, lang: str) -> Text:
    """One plain notice: a table would have to cut a number at this width."""
    return Text(say("demo_pictures.too_narrow", lang, title=title, need=need, have=have),
                overflow="fold")
