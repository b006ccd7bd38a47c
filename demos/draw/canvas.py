"""A grid of terminal cells that draws two ways at once: a colour field in
half-blocks and lines in braille, with marker characters on top.

- Field: two pixels a cell, stacked: `▀` with the top pixel as foreground and
  the bottom one as background, so a 100x30 pane is a 100x60 image.
- Lines: braille (U+2800..U+28FF), 2x4 dots a cell, drawn over the field:
  the cell keeps the field's colour as its background (the mean of its two
  pixels) and takes the line's colour as foreground.
- Marks: one character in a cell (a letter, `*`), drawn over everything.

Without colour (`color=False`: NO_COLOR, or output that is not a terminal)
the field becomes contour lines of `.` between its colour bands, so its shape
still reads; lines and marks keep their shapes. Every cell is exactly one
column wide, so the canvas is exactly `cols` columns: it never wraps.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style

from demos.draw.palette import hex_colour, viridis

# Bit of each braille dot, indexed [dy][dx] within the 2x4 cell (Unicode order).
BRAILLE_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))
HALF = "▀"
LEVELS = 64  # colour steps of the field: finer is invisible, coarser shows bands
CONTOUR_BANDS = 10  # bands between contour lines when drawn without colour
FIELD_DIM = 0.6  # the field sits a little darker than the lines drawn on it
PALETTE = tuple(hex_colour(viridis(i / LEVELS, FIELD_DIM)) for i in range(LEVELS + 1))


class Canvas:
    def __init__(self, cols: int, rows: int, color: bool = True) -> None:
        self.cols, self.rows, self.color = max(1, cols), max(1, rows), color
        # Field value in [0, 1] per pixel (None: no field there), 2 pixels a cell high.
        self.values: list[list[float | None]] = [[None] * self.cols for _ in range(2 * self.rows)]
        self.dots: dict[tuple[int, int], list] = {}  # (row, col) -> [bits, colour, bold]
        self.marks: dict[tuple[int, int], tuple[str, str | None, bool]] = {}

    def fill(self, grid: Iterable[Iterable[float | None]]) -> None:
        """The field: `grid` has 2*rows rows of `cols` values in [0, 1]."""
        self.values = [list(row) for row in grid]

    def dot(self, x: float, y: float, colour: str | None = None, bold: bool = False) -> None:
        """One braille dot at dot coordinates (x right, y down); outside is ignored."""
        xi, yi = int(x), int(y)
        if not (0 <= xi < 2 * self.cols and 0 <= yi < 4 * self.rows and x >= 0 and y >= 0):
            return
        cell = self.dots.setdefault((yi // 4, xi // 2), [0, colour, bold])
        cell[0] |= BRAILLE_BITS[yi % 4][xi % 2]
        cell[1], cell[2] = colour, bold  # the last line drawn owns the cell's colour

    def line(self, x0: float, y0: float, x1: float, y1: float, colour: str | None = None,
             bold: bool = False) -> None:
        """A straight line of dots between two points in dot coordinates."""
        n = max(1, int(max(abs(x1 - x0), abs(y1 - y0))) + 1)
        for i in range(n + 1):
            t = i / n
            self.dot(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, colour, bold)

    def mark(self, col: int, row: int, char: str, colour: str | None = None,
             bold: bool = True) -> None:
        if 0 <= col < self.cols and 0 <= row < self.rows:
            self.marks[(row, col)] = (char, colour, bold)

    # ---- drawing ------------------------------------------------------------------------

    def _level(self, px: int, py: int) -> int | None:
        """The pixel's colour step (0..LEVELS), or None where there is no field."""
        row = self.values[py] if py < len(self.values) else ()
        v = row[px] if px < len(row) else None
        return None if v is None else round(v * LEVELS)

    def _contour(self, col: int, row: int) -> bool:
        """A band edge between this cell and the one right of or below it."""
        def band(c: int, r: int) -> int | None:
            v = self.values[2 * r][c] if 2 * r < len(self.values) else None
            return None if v is None else min(CONTOUR_BANDS - 1, int(v * CONTOUR_BANDS))

        here = band(col, row)
        if here is None:
            return False
        return any(other is not None and other != here for other in (
            band(col + 1, row) if col + 1 < self.cols else None,
            band(col, row + 1) if row + 1 < self.rows else None))

    def lines(self) -> list[list[Segment]]:
        """Each row of cells as segments, one segment a cell. Styles are shared
        between cells (a field has at most (LEVELS+1)^2 distinct half-blocks)."""
        styles: dict[tuple, Style] = {}

        def style(fg: str | None, bg: str | None, bold: bool) -> Style:
            key = (fg, bg, bold)
            if key not in styles:
                styles[key] = (Style(bold=bold or None) if not self.color
                               else Style(color=fg, bgcolor=bg, bold=bold or None))
            return styles[key]

        out = []
        for row in range(self.rows):
            top_row = [self._level(col, 2 * row) for col in range(self.cols)]
            bottom_row = [self._level(col, 2 * row + 1) for col in range(self.cols)]
            segments = []
            for col in range(self.cols):
                top, bottom = top_row[col], bottom_row[col]
                mark = self.marks.get((row, col))
                dots = self.dots.get((row, col))
                if mark is not None or dots is not None:
                    # Over a field, a glyph keeps the mean colour of its two pixels.
                    levels = [v for v in (top, bottom) if v is not None]
                    bg = PALETTE[sum(levels) // len(levels)] if levels else None
                    if mark is not None:
                        char, fg, bold = mark
                    else:
                        char, fg, bold = chr(0x2800 + dots[0]), dots[1], dots[2]
                    segments.append(Segment(char, style(fg, bg, bold)))
                elif not self.color:
                    segments.append(Segment("." if self._contour(col, row) else " "))
                elif top is None and bottom is None:
                    segments.append(Segment(" "))
                else:
                    segments.append(Segment(HALF, style(
                        PALETTE[top] if top is not None else None,
                        PALETTE[bottom] if bottom is not None else None, False)))
            out.append(segments)
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segments in self.lines():
            yield from segments
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.cols, self.cols)
