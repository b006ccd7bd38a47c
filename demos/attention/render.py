"""Attention toy, drawn with Rich (no torch): each step of self-attention as
a small labelled matrix, the softmax weights as a heatmap with their values,
the heads side by side, then the concatenation and output projection.

Every column is shown: a matrix wider than the picture is cut into blocks of
whole columns, one under another, each naming its columns; tokens are never
cut (a token wider than a column folds onto a second header line). Steps are
numbered in the order shown; `steps` hands them out one by one for a pager.
"""

from __future__ import annotations

import math
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from demos.draw.fit import too_small
from demos.draw.palette import hex_colour, text_on, viridis
from studytui.words import say

MIN_WIDTH = 40
COLUMN_CAP = 12  # a column wider than this (a long token) folds its header


def _heat(weight: float, color: bool) -> str:
    if not color:
        return ""
    rgb = viridis(weight)
    return f"{text_on(rgb)} on {hex_colour(rgb)}"


def _cell(v: float | None, heat: bool, color: bool) -> Text:
    if v is None:
        return Text("-inf", style="dim")
    return Text(f"{v:.2f}", style=_heat(v, color) if heat else "")


def _blocks(n_cols: int, widths: list[int], label_width: int, width: int) -> list[range]:
    """Runs of whole columns, each run fitting `width` beside the row labels."""
    blocks, start, used = [], 0, label_width
    for j in range(n_cols):
        need = widths[j] + 1
        if j > start and used + need > width:
            blocks.append(range(start, j))
            start, used = j, label_width
        used += need
    blocks.append(range(start, n_cols))
    return blocks


def matrix(title: str, rows: list[list[float | None]], tokens: list[str], width: int,
           lang: str, columns: list[str] | None = None, heat: bool = False,
           color: bool = True) -> RenderableType:
    """`rows` as a table, one row per token, every column shown; None is -inf
    (masked). Wider than `width`, it comes as blocks of whole columns."""
    n = len(rows[0]) if rows else 0
    names = columns if columns is not None else [str(j + 1) for j in range(n)]
    label_width = min(max(cell_len(t) for t in tokens), max(4, width // 3))
    cells = [[_cell(v, heat, color) for v in row] for row in rows]
    widths = [min(COLUMN_CAP, max(cell_len(names[j]), *(c[j].cell_len for c in cells)))
              for j in range(n)]
    blocks = _blocks(n, widths, label_width, width)
    parts: list[RenderableType] = []
    for block in blocks:
        head = title if len(blocks) == 1 else title + "  " + say(
            "demo_pictures.attention.columns", lang, first=block.start + 1, last=block.stop,
            n=n)
        table = Table(title=head, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                      padding=(0, 0, 0, 1), show_edge=False, title_style="bold")
        table.add_column("", overflow="fold", max_width=label_width)
        for j in block:
            table.add_column(names[j], justify="right", overflow="fold", min_width=widths[j],
                             max_width=max(widths[j], cells[0][j].cell_len if cells else 0))
        for token, row in zip(tokens, cells, strict=True):
            table.add_row(token, *(row[j] for j in block))
        parts.append(table)
    return Group(*parts)


def _scale(d_k: int) -> str:
    root = math.isqrt(d_k)
    return f"1/{root}" if root * root == d_k else f"1/{math.sqrt(d_k):.3g}"


def steps(result: dict[str, Any], lang: str = "both", width: int = 100, color: bool = True
          ) -> list[tuple[str, RenderableType]]:
    """The walk-through as (title, picture) pairs, numbered in order from 0 (the
    input), without gaps whether or not the mask step is shown."""
    tokens = result["tokens"]
    n, d, d_k = len(tokens), result["d_model"], result["d_k"]
    first = result["per_head"][0]

    def m(rows, columns=None, heat=False, title=""):
        return matrix(title, rows, tokens, width, lang, columns, heat, color)

    def w(key: str, **values: object) -> str:
        return say(f"demo_pictures.attention.{key}", lang, **values)

    out: list[tuple[str, RenderableType]] = [
        (w("x_pe") if result["positional"] else w("x"), m(result["x"])),
        (w("qkv", d_k=d_k), Columns([m(first["q"], title="Q"), m(first["k"], title="K"),
                                     m(first["v"], title="V")], padding=(0, 2))),
        (w("scores"), m(first["scores"], tokens)),
        (w("scale", scale=_scale(d_k)), m(first["scaled"], tokens)),
    ]
    if result["causal"]:
        out.append((w("mask"), m(first["masked"], tokens)))
    out += [
        (w("softmax"), m(first["weights"], tokens, heat=True)),
        (w("weighted_sum"), m(first["output"])),
        (w("every_head"), Columns([m(head["weights"], tokens, heat=True,
                                     title=w("head", i=i + 1))
                                   for i, head in enumerate(result["per_head"])],
                                  padding=(0, 3))),
        (w("concat", n=n, d=d), m(result["concat"])),
        (w("output"), m(result["output"])),
    ]
    return [(f"{i}. {title}", body) for i, (title, body) in enumerate(out)]


def render(result: dict[str, Any], lang: str = "both", step: int | None = None,
           width: int = 100, height: int = 30, color: bool = True) -> RenderableType:
    """The whole walk-through in `width` columns, or with `step` that step
    alone (a page: demos/attention/pages.py)."""
    name = say("demos.attention.attention_toy", lang)
    if width < MIN_WIDTH:
        return too_small(name, (MIN_WIDTH, 1), (width, height), lang)
    d, h, d_k = result["d_model"], result["heads"], result["d_k"]
    flags = []
    if result["positional"]:
        flags.append(say("demos.attention.positional_encoding", lang))
    if result["causal"]:
        flags.append(say("demos.attention.causal_mask", lang))
    title = Text.assemble(
        (name, "bold"),
        f"   d_model={d}  heads={h}  d_k={d_k}  seed={result['seed']}"
        + (f"   {', '.join(flags)}" if flags else ""))
    parts: list[RenderableType] = [
        title, Text(say("demos.attention.tokens", lang) + ": " + " | ".join(result["tokens"]))]
    shown = steps(result, lang, width, color)
    if step is not None:  # the face says which page of how many
        page = max(0, min(step, len(shown) - 1))
        shown = shown[page:page + 1]
    for heading, body in shown:
        parts += [Text(""), Text(heading, style="bold"), body]
    return Group(*parts)
