"""Optimizer race, drawn with Rich (no torch): a log-scaled contour map with
each runner's path in its own colour, a legend and a leaderboard.

Every map cell carries a character as well as a colour (a letter on a path,
`S` at the start, `*` at the minimum, `.` on a contour line), so the picture
still reads without colour, and stays plain ASCII so wide-character
terminals cannot misalign it.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from demos.optimizer_race.functions import SURFACES
from studytui.words import pick, say

MAP_WIDTH = 62
MAP_HEIGHT = 21

# Muted, cool bands (low -> high loss) under saturated, warm-or-bright paths.
BANDS = (
    "#0d1b2a", "#16283d", "#1f3650", "#294663", "#355875",
    "#446a86", "#567d96", "#6b90a5", "#84a3b3", "#a0b7c2",
)
RACERS = {
    # name: (letter, colour)
    "sgd": ("s", "#ff5555"),
    "momentum": ("m", "#ffae42"),
    "nesterov": ("n", "#ffe14d"),
    "adagrad": ("g", "#5dff6a"),
    "adadelta": ("d", "#3ee8ff"),
    "rmsprop": ("r", "#ff5cf0"),
    "adam": ("a", "#ffffff"),
}


@lru_cache(maxsize=16)
def band_grid(function: str, width: int, height: int) -> tuple[tuple[int, ...], ...]:
    """Each cell's contour band, from the log of the loss above the grid's lowest."""
    surface = SURFACES[function]
    (x0, x1), (y0, y1) = surface.x_range, surface.y_range
    values = [
        [surface.value(x0 + (c + 0.5) * (x1 - x0) / width, y1 - (r + 0.5) * (y1 - y0) / height)
         for c in range(width)]
        for r in range(height)
    ]
    low = min(min(row) for row in values)
    high = max(max(row) for row in values)
    floor = (high - low) * 1e-5 or 1.0  # keeps log finite at the bottom
    logs = [[math.log10(v - low + floor) for v in row] for row in values]
    lo, hi = math.log10(floor), math.log10(high - low + floor)
    n = len(BANDS)
    return tuple(
        tuple(min(n - 1, int((v - lo) / (hi - lo) * n)) for v in row) for row in logs
    )


def _cell(surface, x: float, y: float, width: int, height: int) -> tuple[int, int] | None:
    (x0, x1), (y0, y1) = surface.x_range, surface.y_range
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return None
    c = min(width - 1, int((x - x0) / (x1 - x0) * width))
    r = min(height - 1, int((y1 - y) / (y1 - y0) * height))
    return r, c


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


def path_cells(surface, trajectory: list[list[float]], width: int, height: int) -> list:
    """The map cells a path passes through, in order, segments joined up."""
    cells: list[tuple[int, int]] = []
    for a, b in zip(trajectory, trajectory[1:] or trajectory, strict=False):
        clipped = _clip(surface, a, b)
        if clipped is None:
            continue
        ca = _cell(surface, *clipped[0], width, height)
        cb = _cell(surface, *clipped[1], width, height)
        if ca is None or cb is None:
            continue
        n = max(abs(cb[0] - ca[0]), abs(cb[1] - ca[1]), 1)
        for i in range(n + 1):
            cell = (round(ca[0] + (cb[0] - ca[0]) * i / n), round(ca[1] + (cb[1] - ca[1]) * i / n))
            if not cells or cells[-1] != cell:
                cells.append(cell)
    return cells


def contour_map(result: dict[str, Any], step: int | None, width: int, height: int) -> Text:
    surface = SURFACES[result["function"]]
    bands = band_grid(result["function"], width, height)
    chars = [[" "] * width for _ in range(height)]
    styles = [[f"on {BANDS[bands[r][c]]}" for c in range(width)] for r in range(height)]
    for r in range(height):
        for c in range(width):
            # A line at every other band boundary: enough to read the shape
            # without colour, sparse enough to keep the paths legible.
            here = bands[r][c] // 2
            edge = (c + 1 < width and bands[r][c + 1] // 2 != here) or (
                r + 1 < height and bands[r + 1][c] // 2 != here)
            if edge:
                chars[r][c] = "."
                styles[r][c] = f"#c8d6dc on {BANDS[bands[r][c]]}"
    focus = result.get("focus")
    # Drawn last is on top: the first-listed (the focus) runner wins shared cells.
    for run in reversed(result["runs"]):
        letter, colour = RACERS[run["name"]]
        trajectory = run["trajectory"] if step is None else run["trajectory"][: step + 1]
        emphasised = run["name"] == focus
        for r, c in path_cells(surface, trajectory, width, height):
            chars[r][c] = letter.upper() if emphasised else letter
            styles[r][c] = f"{'bold ' if emphasised else ''}black on {colour}"
    for point, mark in ((result["minimum"], "*"), (result["start"], "S")):
        cell = _cell(surface, *point, width, height) if point is not None else None
        if cell is not None:
            chars[cell[0]][cell[1]] = mark
            styles[cell[0]][cell[1]] = "bold black on #ffffff"
    text = Text()
    for r in range(height):
        for c in range(width):
            text.append(chars[r][c], styles[r][c])
        if r + 1 < height:
            text.append("\n")
    return text


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3g}"


def _at(run: dict[str, Any], step: int | None) -> tuple[list[float], float | None, bool]:
    """A runner's point, loss and diverged flag as of `step` (None: the end)."""
    last = len(run["trajectory"]) - 1
    i = last if step is None else min(step, last)
    loss = run["losses"][i] if i < len(run["losses"]) else None
    return run["trajectory"][i], loss, run["diverged"] and i == last


def legend(result: dict[str, Any], lang: str) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_row(Text(say("demos.optimizer_race.legend", lang), style="bold"))
    for run in result["runs"]:
        letter, colour = RACERS[run["name"]]
        focus = run["name"] == result.get("focus")
        name = Text(run["name"], style="bold underline" if focus else "")
        swatch = Text(f" {letter.upper() if focus else letter} ", style=f"bold black on {colour}")
        table.add_row(Text.assemble(swatch, " ", name, f" lr={run['kwargs']['lr']:g}"))
    table.add_row(Text.assemble(("S", "bold black on #ffffff"),
                                " " + say("demos.optimizer_race.start", lang)))
    if result["minimum"] is not None:
        table.add_row(Text.assemble(("*", "bold black on #ffffff"),
                                    " " + say("demos.optimizer_race.minimum", lang)))
    scale = Text()
    for colour in BANDS:
        scale.append(" ", style=f"on {colour}")
    table.add_row(Text.assemble(say("demos.optimizer_race.low", lang, sep=" ") + " ", scale,
                                " " + say("demos.optimizer_race.high", lang, sep=" ")))
    table.add_row(Text(say("demos.optimizer_race.log_scale", lang, sep=" "), style="dim"))
    return table


def leaderboard(result: dict[str, Any], step: int | None, lang: str) -> Table:
    both = lang == "both"
    table = Table(title=say("demos.optimizer_race.leaderboard", lang), title_justify="left",
                  show_edge=False, pad_edge=False)
    sep = "\n" if both else " / "
    table.add_column("#", justify="right")
    table.add_column(say("demos.optimizer_race.optimizer", lang, sep=sep))
    table.add_column(say("demos.optimizer_race.final_loss", lang, sep=sep) if step is None
                     else say("demos.optimizer_race.loss", lang, sep=sep), justify="right")
    table.add_column(say("demos.optimizer_race.dist_to_min", lang, sep=sep), justify="right")
    target = f"<= {result['target']:g}"
    table.add_column(say("demos.optimizer_race.step_at_loss", lang, sep=sep, target=target),
                     justify="right")
    table.add_column(say("demos.optimizer_race.diverged", lang, sep=sep))
    rows = []
    for run in result["runs"]:
        point, loss, diverged = _at(run, step)
        seen = run["losses"] if step is None else run["losses"][: step + 1]
        hit = next((i for i, v in enumerate(seen) if v <= result["target"]), None)
        dist = math.dist(point, result["minimum"]) if result["minimum"] is not None else None
        rows.append((run, loss, dist, hit, diverged))
    ranked = sorted(rows, key=lambda row: (row[4], math.inf if row[1] is None else row[1]))
    rank = {row[0]["name"]: i + 1 for i, row in enumerate(ranked)}
    focus = result.get("focus")
    ranked.sort(key=lambda row: row[0]["name"] != focus)  # stable: focus first
    yes, no = say("demos.optimizer_race.yes", lang), say("demos.optimizer_race.no", lang)
    for run, loss, dist, hit, diverged in ranked:
        letter, colour = RACERS[run["name"]]
        name = Text.assemble((f" {letter} ", f"black on {colour}"), " " + run["name"])
        table.add_row(str(rank[run["name"]]), name, _fmt(loss), _fmt(dist),
                      "-" if hit is None else str(hit), yes if diverged else no,
                      style="bold" if run["name"] == focus else None)
    return table


def render(result: dict[str, Any], lang: str = "both", step: int | None = None,
           width: int = MAP_WIDTH, height: int = MAP_HEIGHT) -> RenderableType:
    """The race as a Rich renderable; `step` shows the paths grown to that step."""
    surface = SURFACES[result["function"]]
    shown = result["steps"] if step is None else min(step, result["steps"])
    title = Text.assemble(
        (say("demos.optimizer_race.optimizer_race", lang), "bold"),
        f": {pick(lang, surface.title_ko, surface.title_en)}  f(x,y) = {surface.formula}",
    )
    (x0, x1), (y0, y1) = surface.x_range, surface.y_range
    caption = Text(
        f"x: {x0:g} .. {x1:g}   y: {y0:g} .. {y1:g}   "
        + say("demos.optimizer_race.step_of", lang, shown=shown, steps=result["steps"]),
        style="dim",
    )
    body = Table.grid(padding=(0, 2))
    body.add_column(no_wrap=True)  # the map never wraps; the legend gives way
    body.add_column()
    body.add_row(contour_map(result, step, width, height), legend(result, lang))
    return Group(title, body, caption, Text(""), leaderboard(result, step, lang))
