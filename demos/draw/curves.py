"""Curves over training steps (losses, likelihoods) as braille lines on axes,
each in its own colour with a legend entry that also names it in words, so
the curves read without colour."""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.text import Text

from demos.draw.axes import Axes


@dataclass(frozen=True)
class Curve:
    label: str
    colour: str
    xs: list[float]
    ys: list[float | None]  # None: no value at that step (not drawn)


def _range(values: list[float]) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    if hi - lo < 1e-12:
        pad = max(1.0, abs(hi)) * 0.05
        return lo - pad, hi + pad
    pad = (hi - lo) * 0.05
    return lo - pad, hi + pad


def curves_axes(curves: list[Curve], width: int, height: int, color: bool = True,
                skip: float = 0.0) -> Axes:
    """Every curve on one pair of axes, exactly width x height cells. The y
    range leaves out the first `skip` share of the steps (a first loss far
    above the rest would flatten them); what it leaves out is drawn at the top."""
    xs = [x for c in curves for x in c.xs] or [0.0, 1.0]
    start = int(len(curves[0].xs) * skip) if curves else 0
    ys = [y for c in curves for y in c.ys[start:] if y is not None and math.isfinite(y)
          ] or [0.0, 1.0]
    x_range = (min(xs), max(xs)) if max(xs) > min(xs) else (min(xs), min(xs) + 1)
    axes = Axes(x_range, _range(ys), width, height, color)
    w, h = 2 * axes.canvas.cols - 1e-6, 4 * axes.canvas.rows - 1e-6

    def dots(point: tuple[float, float]) -> tuple[float, float]:
        # The last step sits on the last dot column, not one past the edge.
        x, y = axes.to_dots(*point)
        return min(max(x, 0.0), w), min(max(y, 0.0), h)

    for curve in curves:
        points = [(x, y) for x, y in zip(curve.xs, curve.ys, strict=True)
                  if y is not None and math.isfinite(y)]
        if len(points) == 1:
            axes.canvas.dot(*dots(points[0]), curve.colour)
        for a, b in zip(points, points[1:], strict=False):
            axes.canvas.line(*dots(a), *dots(b), curve.colour)
    return axes


def curve_key(curve: Curve, color: bool) -> Text:
    return Text.assemble(("⠒⠒", curve.colour if color else ""), " " + curve.label)
