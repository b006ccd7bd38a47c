"""Optimizer race, drawn with Rich on the shared drawing layer (no torch).

The surface fills the picture as a half-block field (viridis, log-scaled
loss), each runner's path is a braille line in its Okabe-Ito colour ending
in its marker letter, the start is `o` and the minimum `*`; without colour
the field turns into contour lines and the letters still tell the runners
apart. The leaderboard below is ordered by rank; the focus optimizer is
highlighted where it ranks, never moved above the winner.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from demos.draw.axes import X_AXIS_LINES, Axes, pixel_centre
from demos.draw.beside import Beside
from demos.draw.canvas import FIELD_DIM, HALF
from demos.draw.fit import first_that_fits, line_count, too_narrow, too_small
from demos.draw.legend import Legend
from demos.draw.palette import OKABE_ITO, hex_colour, viridis
from demos.optimizer_race.functions import SURFACES
from studytui.words import pick, say

MIN_WIDTH, MIN_HEIGHT = 60, 14
SIDE_LEGEND_WIDTH = 110  # from this width on, the legend stands beside the map
# name: (marker, colour). Markers are unique, and differ from START and MINIMUM.
RACERS = {
    "sgd": ("s", OKABE_ITO[4]),
    "momentum": ("m", OKABE_ITO[0]),
    "nesterov": ("n", OKABE_ITO[3]),
    "adagrad": ("g", OKABE_ITO[2]),
    "adadelta": ("d", OKABE_ITO[1]),
    "rmsprop": ("r", OKABE_ITO[5]),
    "adam": ("a", OKABE_ITO[6]),
}
START, MINIMUM = "o", "*"


@lru_cache(maxsize=32)
def field(function: str, cols: int, rows: int) -> tuple[tuple[float, ...], ...]:
    """Each field pixel's log-scaled loss in [0, 1] (cols x 2*rows pixels)."""
    surface = SURFACES[function]
    values = [[surface.value(*pixel_centre(surface.x_range, surface.y_range, cols, rows, px, py))
               for px in range(cols)] for py in range(2 * rows)]
    low = min(min(row) for row in values)
    high = max(max(row) for row in values)
    floor = (high - low) * 1e-5 or 1.0  # keeps the log finite at the bottom
    lo, hi = math.log10(floor), math.log10(high - low + floor)
    return tuple(tuple((math.log10(v - low + floor) - lo) / (hi - lo) for v in row)
                 for row in values)


def _inside(surface, p: list[float]) -> bool:
    (x0, x1), (y0, y1) = surface.x_range, surface.y_range
    return x0 <= p[0] <= x1 and y0 <= p[1] <= y1


def _clip(surface, a: list[float], b: list[float]) -> tuple[list[float], list[float]] | None:
    """The part of segment a-b inside the plotted box (Liang-Barsky), or None."""
    (x0, x1), (y0, y1) = surface.x_range, surface.y_range
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return [a[0] + t0 * dx, a[1] + t0 * dy], [a[0] + t1 * dx, a[1] + t1 * dy]


def _trajectory(run: dict[str, Any], step: int | None) -> list[list[float]]:
    return run["trajectory"] if step is None else run["trajectory"][: step + 1]


def race_map(result: dict[str, Any], step: int | None, width: int, height: int,
             color: bool = True) -> Axes:
    """The surface with every path, framed by axes, exactly width x height cells."""
    surface = SURFACES[result["function"]]
    axes = Axes(surface.x_range, surface.y_range, width, height, color)
    canvas = axes.canvas
    canvas.fill(field(result["function"], canvas.cols, canvas.rows))
    # Drawn last is on top: the first-listed runner (the focus) wins shared cells.
    for run in reversed(result["runs"]):
        marker, colour = RACERS[run["name"]]
        path = _trajectory(run, step)
        dots = [axes.to_dots(*p) if _inside(surface, p) else None for p in path]
        last = None  # the dot the path's last drawn segment ended in
        for i, (a, b) in enumerate(zip(path, path[1:], strict=False)):
            start, end = dots[i], dots[i + 1]
            if start is None or end is None:  # leaves the box: draw the part inside
                clipped = _clip(surface, a, b)
                if clipped is None:
                    continue
                start, end = axes.to_dots(*clipped[0]), axes.to_dots(*clipped[1])
            # A runner settling takes hundreds of steps inside one dot: draw it once
            # (the picture is the same, and a redraw of a long race costs a quarter).
            here = (int(end[0]), int(end[1]))
            if here == last and (int(start[0]), int(start[1])) == here:
                continue
            canvas.line(*start, *end, colour)
            last = here
    for point, mark in ((result["minimum"], MINIMUM), (result["start"], START)):
        cell = axes.to_cell(*point) if point is not None else None
        if cell is not None:
            canvas.mark(*cell, mark, "#ffffff")
    # Where each runner is now, over the start and the minimum: a runner that
    # arrived covers the `*` (the leaderboard says who), the focus on top.
    for run in reversed(result["runs"]):
        marker, colour = RACERS[run["name"]]
        cell = axes.to_cell(*_trajectory(run, step)[-1])
        if cell is not None:
            canvas.mark(*cell, marker, colour)
    return axes


def legend(result: dict[str, Any], lang: str, color: bool, stacked: bool) -> Legend:
    entries = []
    for run in result["runs"]:
        marker, colour = RACERS[run["name"]]
        focus = run["name"] == result.get("focus")
        entries.append(Text.assemble(
            (marker, f"bold {colour}" if color else "bold"), " ",
            ("⠒⠒", colour if color else ""), " ",
            (run["name"], "bold underline" if focus else ""), f" lr={run['kwargs']['lr']:g}"))
    entries.append(Text.assemble((START, "bold"), " " + say("demos.optimizer_race.start", lang)))
    if result["minimum"] is not None:
        entries.append(Text.assemble((MINIMUM, "bold"),
                                     " " + say("demos.optimizer_race.minimum", lang)))
    if color:
        scale = Text(say("demos.optimizer_race.low", lang, sep=" ") + " ")
        for i in range(8):
            scale.append(HALF, style=f"{hex_colour(viridis(i / 7, FIELD_DIM))} on "
                                     f"{hex_colour(viridis(i / 7, FIELD_DIM))}")
        scale.append(" " + say("demos.optimizer_race.high", lang, sep=" "))
        entries.append(scale)
        notes = [Text(say("demo_pictures.race.log_loss", lang), style="dim")]
    else:
        notes = [Text(say("demo_pictures.race.contours", lang))]
    return Legend(entries, stacked=stacked, notes=notes)


def _at(run: dict[str, Any], step: int | None) -> tuple[list[float], float | None, bool]:
    """A runner's point, loss and diverged flag as of `step` (None: the end)."""
    last = len(run["trajectory"]) - 1
    i = last if step is None else min(step, last)
    loss = run["losses"][i] if i < len(run["losses"]) else None
    return run["trajectory"][i], loss, run["diverged"] and i == last


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3g}"


def ranking(result: dict[str, Any], step: int | None) -> list[tuple]:
    """(run, loss, distance, first step at target, diverged), best first: the
    finite losses lowest first, then the diverged."""
    rows = []
    for run in result["runs"]:
        point, loss, diverged = _at(run, step)
        seen = run["losses"] if step is None else run["losses"][: step + 1]
        hit = next((i for i, v in enumerate(seen) if v <= result["target"]), None)
        dist = math.dist(point, result["minimum"]) if result["minimum"] is not None else None
        rows.append((run, loss, dist, hit, diverged))
    return sorted(rows, key=lambda row: (row[4], math.inf if row[1] is None else row[1]))


def leaderboard(result: dict[str, Any], step: int | None, lang: str, color: bool) -> Table:
    sep = "\n" if lang == "both" else " / "  # Korean over English in each header
    table = Table(title=say("demos.optimizer_race.leaderboard", lang), title_justify="left",
                  show_edge=False, pad_edge=False)
    # Columns may wrap between words (headers, "r rmsprop"); a number is one word,
    # and first_that_fits only takes a layout whose longest words all fit.
    table.add_column("#", justify="right")
    table.add_column(say("demos.optimizer_race.optimizer", lang, sep=sep))
    table.add_column(say("demos.optimizer_race.final_loss", lang, sep=sep) if step is None
                     else say("demos.optimizer_race.loss", lang, sep=sep), justify="right")
    table.add_column(say("demos.optimizer_race.dist_to_min", lang, sep=sep), justify="right")
    target = f"<= {result['target']:g}"
    table.add_column(say("demos.optimizer_race.step_at_loss", lang, sep=sep, target=target),
                     justify="right")
    table.add_column(say("demos.optimizer_race.diverged", lang, sep=sep))
    yes, no = say("demos.optimizer_race.yes", lang), say("demos.optimizer_race.no", lang)
    focus = result.get("focus")
    for rank, (run, loss, dist, hit, diverged) in enumerate(ranking(result, step), 1):
        marker, colour = RACERS[run["name"]]
        name = Text.assemble((marker, f"bold {colour}" if color else "bold"), " " + run["name"])
        table.add_row(str(rank), name, _fmt(loss), _fmt(dist),
                      "-" if hit is None else str(hit), yes if diverged else no,
                      style="bold reverse" if run["name"] == focus else None)
    return table


def render(result: dict[str, Any], lang: str = "both", step: int | None = None,
           width: int = 100, height: int = 30, color: bool = True) -> RenderableType:
    """The race in `width` x `height` cells (the leaderboard follows below);
    `step` shows the paths grown to that step."""
    surface = SURFACES[result["function"]]
    race = say("demos.optimizer_race.optimizer_race", lang)
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return _board_only(result, step, lang, color, width,
                           too_small(race, (MIN_WIDTH, MIN_HEIGHT), (width, height), lang))
    shown = result["steps"] if step is None else min(step, result["steps"])
    title = Text.assemble((race, "bold"), ": " + pick(lang, surface.title_ko, surface.title_en)
                          + f"   f(x,y) = {surface.formula}")
    caption = Text(say("demo_pictures.race.step", lang, step=shown, steps=result["steps"]),
                   style="dim")
    side = width >= SIDE_LEGEND_WIDTH
    key = legend(result, lang, color, stacked=side)
    used = line_count(title, width) + line_count(caption, width)
    if side:
        map_width = width - key.widest - 2
        map_height = height - used
        body: RenderableType = Beside(race_map(result, step, map_width, map_height, color),
                                      map_width, key)
    else:
        map_height = height - used - key.height(width)
        body = Group(race_map(result, step, width, map_height, color), key)
    if map_height < X_AXIS_LINES + 4:
        return _board_only(result, step, lang, color, width, too_small(
            race, (MIN_WIDTH, height - map_height + X_AXIS_LINES + 4), (width, height), lang))
    board, need = first_that_fits([lambda: leaderboard(result, step, lang, color)], width)
    if board is None:
        return too_narrow(race, need, width, lang)
    return Group(title, body, caption, Text(""), board)


def _board_only(result: dict[str, Any], step: int | None, lang: str, color: bool, width: int,
                note: Text) -> RenderableType:
    """Where the map does not fit: say so, and still show the leaderboard (the
    race's numbers need far fewer columns than its map)."""
    board, _ = first_that_fits([lambda: leaderboard(result, step, lang, color)], width)
    return note if board is None else Group(note, Text(""), board)
