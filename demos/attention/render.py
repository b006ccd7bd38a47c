"""Attention toy, drawn with Rich (no torch): each step of self-attention as
a small labelled matrix, the softmax weights as a heatmap with their values,
the heads side by side, then the concatenation and output projection.

Token labels are cut by display cells, not characters, so Korean words
(two cells a syllable) keep the columns aligned.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from studytui.words import say

MAX_COLS = 6  # wider matrices show their first columns and say how many more
LABEL_CELLS = 8
HEAD_CELLS = 5


def _cut(token: str, cells: int) -> Text:
    text = Text(token)
    text.truncate(cells, overflow="ellipsis")
    return text


def _heat(weight: float) -> str:
    # Dark navy at 0 to amber at 1; text flips to black on the bright end.
    lo, hi = (0x16, 0x21, 0x3e), (0xf5, 0xb7, 0x1a)
    r, g, b = (round(a + (z - a) * weight) for a, z in zip(lo, hi, strict=True))
    return f"{'black' if weight > 0.55 else 'white'} on #{r:02x}{g:02x}{b:02x}"


def matrix(title: str, rows: list[list[float | None]], tokens: list[str],
           columns: list[str] | None = None, heat: bool = False) -> Table:
    """`rows` as a table, one row per token; None shows as -inf (masked)."""
    width = len(rows[0]) if rows else 0
    shown = min(width, MAX_COLS) if columns is None else width
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                  padding=(0, 0, 0, 1), show_edge=False, title_style="bold")
    table.add_column("", no_wrap=True)
    names = columns if columns is not None else [str(j) for j in range(shown)]
    for name in names[:shown]:
        table.add_column(_cut(name, HEAD_CELLS), justify="right", no_wrap=True)
    if shown < width:
        table.add_column(f"+{width - shown}", no_wrap=True, style="dim")
    for token, row in zip(tokens, rows, strict=True):
        cells: list[Text | str] = [_cut(token, LABEL_CELLS)]
        for v in row[:shown]:
            if v is None:
                cells.append(Text("-inf", style="dim"))
            elif heat:
                cells.append(Text(f"{v:.2f}", style=_heat(v)))
            else:
                cells.append(f"{v:.2f}")
        if shown < width:
            cells.append("…")
        table.add_row(*cells)
    return table


def render(result: dict[str, Any], lang: str = "both", step: int | None = None
           ) -> RenderableType:
    """The walk-through as a Rich renderable (`step` is ignored)."""
    tokens = result["tokens"]
    d, h, d_k = result["d_model"], result["heads"], result["d_k"]
    first = result["per_head"][0]
    flags = []
    if result["positional"]:
        flags.append(say("demos.attention.positional_encoding", lang))
    if result["causal"]:
        flags.append(say("demos.attention.causal_mask", lang))
    title = Text.assemble(
        (say("demos.attention.attention_toy", lang), "bold"),
        f"   d_model={d}  heads={h}  d_k={d_k}  seed={result['seed']}"
        + (f"   {', '.join(flags)}" if flags else ""),
    )
    parts: list[RenderableType] = [
        title,
        Text(say("demos.attention.tokens", lang) + ": " + " | ".join(tokens)),
        matrix("0. X = " + say("demos.attention.embedding", lang)
               + (" + PE" if result["positional"] else ""), result["x"], tokens),
        Text("1. Q = XW_q, K = XW_k, V = XW_v ("
             + say("demos.attention.head_1_columns", lang, d_k=d_k) + ")",
             style="bold"),
        Columns([matrix("Q", first["q"], tokens), matrix("K", first["k"], tokens),
                 matrix("V", first["v"], tokens)], padding=(0, 2)),
        Columns([
            matrix("2. " + say("demos.attention.scores", lang) + " QK^T", first["scores"], tokens,
                   tokens),
            matrix(f"3. / sqrt(d_k) = / {d_k ** 0.5:.3g}", first["scaled"], tokens, tokens),
        ], padding=(0, 2)),
    ]
    if result["causal"]:
        parts.append(matrix("4. " + say("demos.attention.masked_future_inf", lang),
                            first["masked"], tokens, tokens))
    parts += [
        matrix("5. softmax " + say("demos.attention.weights_rows_sum_to_1", lang),
               first["weights"], tokens, tokens, heat=True),
        matrix("6. " + say("demos.attention.weighted_sum", lang) + " softmax(...)V",
               first["output"], tokens),
        Text("7. " + say("demos.attention.weights_of_every_head", lang), style="bold"),
        Columns([matrix(say("demos.attention.head_n", lang, n=i + 1), head["weights"],
                        tokens, tokens, heat=True)
                 for i, head in enumerate(result["per_head"])], padding=(0, 3)),
        Columns([
            matrix("8. concat(" + say("demos.attention.heads", lang) + f") {len(tokens)}x{d}",
                   result["concat"], tokens),
            matrix("9. " + say("demos.attention.output", lang) + " = concat W_o", result["output"],
                   tokens),
        ], padding=(0, 2)),
    ]
    return Group(*parts)
