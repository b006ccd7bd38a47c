"""Convolution at work, drawn with Rich (no torch): the input with the
window of the explained cell marked, the kernel, the output filling in, the
multiply-add of that cell written out, the output-size formula with its
numbers, the receptive field of a layer stack, and the lessons.

Grids are numbers in fixed-width cells (a number is never cut); side by
side when they fit, one under another when they do not.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.text import Text

from demos.convolution.lessons import lessons
from demos.draw.fit import too_narrow
from demos.draw.lessons import lesson_lines
from studytui.words import say

MARK = "bold reverse"  # the window's cells and the explained output cell
MAX_FIELD_DRAWN = 24  # receptive-field picture side, in cells


def fmt(v: float) -> str:
    """A value as the picture writes it: at most two decimals, no trailing zeros."""
    text = f"{round(v, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _grid(title: str, rows: list[list[Any]], marked: set[tuple[int, int]],
          color: bool) -> Text:
    cells = [[c if isinstance(c, str) else fmt(c) for c in row] for row in rows]
    wide = max(cell_len(c) for row in cells for c in row)
    out = Text(title + "\n", style="bold")
    for r, row in enumerate(cells):
        for c, cell in enumerate(row):
            out.append(" ")
            style = (MARK if color else "bold underline") if (r, c) in marked else ""
            out.append(cell.rjust(wide), style=style)
        out.append("\n")
    out.rstrip()
    return out


def _sum_line(result: dict[str, Any], lang: str) -> Text:
    oy, ox = result["focus"]
    value = result["output"][oy][ox]
    parts = [f"{fmt(t['x'])}·{fmt(t['w']) if t['w'] >= 0 else '(' + fmt(t['w']) + ')'}"
             for t in result["terms"]]
    head = say("demos.convolution.cell", lang, r=oy, c=ox)
    return Text(f"{head}: " + (" + ".join(parts) or "0") + f" = {fmt(value)}")


def _size_lines(result: dict[str, Any], lang: str) -> list[Text]:
    s, p, d = result["stride"], result["padding"], result["dilation"]
    lines = []
    for axis, n, k, out in (("H", result["input_shape"][0], len(result["kernel"]),
                             result["output_shape"][0]),
                            ("W", result["input_shape"][1], len(result["kernel"][0]),
                             result["output_shape"][1])):
        if result["transposed"]:
            formula = f"({axis}-1)·s - 2p + d(k-1) + 1 = ({n}-1)·{s} - 2·{p} + {d}·({k}-1) + 1"
        else:
            formula = (f"⌊({axis} + 2p - d(k-1) - 1)/s⌋ + 1 = "
                       f"⌊({n} + 2·{p} - {d}·({k}-1) - 1)/{s}⌋ + 1")
        lines.append(Text(f"{axis}_out = {formula} = {out}"))
    return [Text(say("demos.convolution.size", lang), style="bold"), *lines]


def _field(result: dict[str, Any], lang: str) -> list[RenderableType]:
    stack = result["stack"]
    lines: list[RenderableType] = [Text(say("demos.convolution.field", lang), style="bold")]
    for layer in stack:
        lines.append(Text(say("demos.convolution.field_row", lang, name=layer["name"],
                              k=layer["kernel"], s=layer["stride"], r=layer["field"],
                              jump=layer["jump"])))
    r = stack[-1]["field"]
    side = min(MAX_FIELD_DRAWN, r + 2)
    pic = Text()
    for y in range(side):
        pic.append(" ".join("■" if 1 <= y <= r and 1 <= x <= r else "·" for x in range(side))
                   + "\n")
    pic.rstrip()
    lines.append(pic)
    if r + 2 > MAX_FIELD_DRAWN:
        lines.append(Text(say("demos.convolution.field_cut", lang, side=MAX_FIELD_DRAWN),
                          style="dim"))
    return lines


def render(result: dict[str, Any], lang: str = "both", step: int | None = None,
           width: int = 100, height: int = 30, color: bool = True) -> RenderableType:
    """The whole picture in `width` columns (`step` is ignored: each frame
    carries how many output cells are filled)."""
    name = say("demos.convolution.title", lang)
    kind = "conv_transpose2d" if result["transposed"] else "conv2d"
    title = Text.assemble((name, "bold"), f"   F.{kind}  stride={result['stride']} "
                          f"padding={result['padding']} dilation={result['dilation']}  "
                          f"kernel={result['kernel_name']}")
    oy, ox = result["focus"]
    window = {(t["row"], t["col"]) for t in result["terms"] if t["row"] is not None}
    used = {(t["ky"], t["kx"]) for t in result["terms"]}
    ow = result["output_shape"][1]
    shown = [[v if r * ow + c < result["filled"] else "·" for c, v in enumerate(row)]
             for r, row in enumerate(result["output"])]
    grids = [
        _grid(say("demos.convolution.input", lang, h=result["input_shape"][0],
                  w=result["input_shape"][1]), result["input"], window, color),
        _grid(say("demos.convolution.kernel", lang), result["kernel"], used, color),
        _grid(say("demos.convolution.output", lang, h=result["output_shape"][0],
                  w=result["output_shape"][1]), shown, {(oy, ox)}, color),
    ]
    need = max(cell_len(line) for g in grids for line in g.plain.splitlines())
    if need > width:
        return too_narrow(name, need, width, lang)
    parts: list[RenderableType] = [title, Columns(grids, padding=(0, 3)), Text(""),
                                   _sum_line(result, lang)]
    if result["transposed"]:
        parts.append(Text(say("demos.convolution.scatter", lang), style="dim"))
    parts += [Text(""), *_size_lines(result, lang)]
    if result["stack"]:
        parts += [Text(""), *_field(result, lang)]
    shown = lesson_lines(lessons(result), lang)
    parts += [Text(""), *shown] if shown else []
    for part in parts:
        if isinstance(part, Text):
            part.overflow = "fold"
    return Group(*parts)
