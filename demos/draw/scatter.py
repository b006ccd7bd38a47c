"""2-D point clouds on axes: braille dots (or, without colour, a marker
letter a cell, so two clouds stay apart), over an optional field sampled
from a grid of values (a discriminator's output, a density)."""

from __future__ import annotations

import math

from demos.draw.axes import Axes


def square_axes(x_range: tuple[float, float], y_range: tuple[float, float], rows: int,
                color: bool) -> Axes:
    """Axes whose plot is as wide as it is tall on screen (two columns a row)."""
    gutter = max(len(f"{v:g}") for v in (*x_range, *y_range)) + 2
    return Axes(x_range, y_range, gutter + 2 * (rows - 2), rows, color)


def fill_field(axes: Axes, values: list[list[float]], x_range: tuple[float, float],
               y_range: tuple[float, float]) -> None:
    """The canvas's field from `values` (rows from the top, each a row of
    columns over x_range x y_range, in [0, 1]), nearest value per pixel."""
    rows, cols = len(values), len(values[0])
    (x0, x1), (y0, y1) = x_range, y_range
    grid = []
    for py in range(2 * axes.canvas.rows):
        row = []
        for px in range(axes.canvas.cols):
            x, y = axes.pixel_centre(px, py)
            c = min(cols - 1, max(0, int((x - x0) / (x1 - x0) * cols)))
            r = min(rows - 1, max(0, int((y1 - y) / (y1 - y0) * rows)))
            row.append(min(1.0, max(0.0, values[r][c])))
        grid.append(row)
    axes.canvas.fill(grid)


def plot_points(axes: Axes, points: list[list[float]], colour: str, marker: str | None = None
                ) -> None:
    """Each point inside the plot as a braille dot in `colour`; with colour
    off and a `marker`, as that marker in the point's cell instead."""
    for x, y in points:
        if not (math.isfinite(x) and math.isfinite(y)):
            continue
        if marker is not None and not axes.canvas.color:
            cell = axes.to_cell(x, y)
            if cell is not None:
                axes.canvas.mark(*cell, marker, None, bold=False)
            continue
        if axes.x0 <= x <= axes.x1 and axes.y0 <= y <= axes.y1:
            dx, dy = axes.to_dots(x, y)
            axes.canvas.dot(min(dx, 2 * axes.canvas.cols - 1), min(dy, 4 * axes.canvas.rows - 1),
                            colour)


def circle(axes: Axes, radius: float, colour: str) -> None:
    """A circle about the origin, as a braille line."""
    steps = 96
    points = [(radius * math.cos(2 * math.pi * i / steps),
               radius * math.sin(2 * math.pi * i / steps)) for i in range(steps + 1)]
    plot_points(axes, [list(p) for p in points], colour)
