"""A canvas framed by axes: y tick labels in a left gutter, x tick labels
below, ticks at round numbers (1, 2 or 5 times a power of ten).

`Axes(x_range, y_range, width, height)` takes the whole block's size in
cells, gutter and labels included, and owns the mapping from data to the
canvas's pixels and braille dots, so a demo draws in its own coordinates.
"""

from __future__ import annotations

import math

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style

from demos.draw.canvas import Canvas

AXIS_STYLE = Style(dim=True)
X_AXIS_LINES = 2  # the axis line with its ticks, and the labels under it


def nice_ticks(lo: float, hi: float, most: int) -> list[float]:
    """Round values in [lo, hi], at most `most` of them (at least the ends' span)."""
    if not hi > lo or most < 1:
        return [lo]
    raw = (hi - lo) / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    ticks = []
    v = first
    while v <= hi + step * 1e-9:
        ticks.append(0.0 if abs(v) < step * 1e-9 else v)
        v += step
    return ticks


def tick_label(v: float) -> str:
    return f"{v:g}"


def pixel_centre(x_range: tuple[float, float], y_range: tuple[float, float], cols: int,
                 rows: int, px: int, py: int) -> tuple[float, float]:
    """The data point at the centre of field pixel (px, py) of a cols x rows canvas
    (two pixels a cell high, y growing upwards)."""
    (x0, x1), (y0, y1) = x_range, y_range
    return x0 + (px + 0.5) / cols * (x1 - x0), y1 - (py + 0.5) / (2 * rows) * (y1 - y0)


class Axes:
    def __init__(self, x_range: tuple[float, float], y_range: tuple[float, float],
                 width: int, height: int, color: bool = True) -> None:
        self.x0, self.x1 = x_range
        self.y0, self.y1 = y_range
        rows = max(1, height - X_AXIS_LINES)
        # A range narrower than its round step holds no tick: label its bottom then.
        self.y_ticks = nice_ticks(self.y0, self.y1, max(1, rows // 3)) or [self.y0]
        self.gutter = max(len(tick_label(v)) for v in self.y_ticks) + 1
        cols = max(1, width - self.gutter)
        self.canvas = Canvas(cols, rows, color)
        self.x_ticks = nice_ticks(self.x0, self.x1, max(1, cols // 10)) or [self.x0]
        self.width = self.gutter + cols

    # ---- data -> canvas ----------------------------------------------------------------------

    def pixel_centre(self, px: int, py: int) -> tuple[float, float]:
        """The data point at the centre of field pixel (px, py)."""
        return pixel_centre((self.x0, self.x1), (self.y0, self.y1), self.canvas.cols,
                            self.canvas.rows, px, py)

    def to_dots(self, x: float, y: float) -> tuple[float, float]:
        w, h = 2 * self.canvas.cols, 4 * self.canvas.rows
        return ((x - self.x0) / (self.x1 - self.x0) * w, (self.y1 - y) / (self.y1 - self.y0) * h)

    def to_cell(self, x: float, y: float) -> tuple[int, int] | None:
        """(col, row) of the cell holding data point (x, y), or None outside."""
        if not (self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1):
            return None
        dx, dy = self.to_dots(x, y)
        c = self.canvas
        return min(c.cols - 1, int(dx) // 2), min(c.rows - 1, int(dy) // 4)

    # ---- drawing ------------------------------------------------------------------------------

    def _y_tick_rows(self) -> dict[int, str]:
        rows = self.canvas.rows
        out: dict[int, str] = {}
        for v in self.y_ticks:
            r = min(rows - 1, int((self.y1 - v) / (self.y1 - self.y0) * rows))
            out.setdefault(r, tick_label(v))
        return out

    def _x_axis(self) -> tuple[str, str]:
        cols = self.canvas.cols
        line = ["─"] * cols
        labels = [" "] * cols
        free = 0  # first column a new label may use: labels never touch
        for v in self.x_ticks:
            c = min(cols - 1, int((v - self.x0) / (self.x1 - self.x0) * cols))
            line[c] = "┬"
            text = tick_label(v)
            start = max(0, min(cols - len(text), c - len(text) // 2))
            if start >= free:
                labels[start:start + len(text)] = list(text)
                free = start + len(text) + 1
        return " " * (self.gutter - 1) + "└" + "".join(line), " " * self.gutter + "".join(labels)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        ticks = self._y_tick_rows()
        for r, segments in enumerate(self.canvas.lines()):
            label = ticks.get(r)
            gutter = label.rjust(self.gutter - 1) + "┤" if label else " " * (self.gutter - 1) + "│"
            yield Segment(gutter, AXIS_STYLE)
            yield from segments
            yield Segment.line()
        for text in self._x_axis():
            yield Segment(text, AXIS_STYLE)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.width, self.width)
