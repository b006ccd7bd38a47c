"""Autoregressive models drawn with Rich (no torch): the four models' parameter
counts with their formulas and their NLL on training and held-out images, the
lesson the numbers teach, NADE's samples pixel by pixel with the probability
each pixel had when it was drawn, and NADE's NLL over training.
"""

from __future__ import annotations

import math
from typing import Any

from rich import box
from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from demos.draw.curves import Curve, curve_key, curves_axes
from demos.draw.fit import first_that_fits, too_narrow, too_small
from demos.draw.height import height_of
from demos.draw.legend import Legend
from demos.draw.palette import OKABE_ITO
from studytui.words import say

MIN_WIDTH, MIN_HEIGHT = 40, 12
CURVE_ROWS = 6  # the training curve's fewest rows (it is left out below that)
ON, OFF = "██", "··"
# Each model's formula with its numbers in (the JSON's `formula` is the symbolic one).
FILLED = {"joint": "2^{n} − 1", "independent": "{n}", "markov": "2·{n} − 1",
          "nade": "2·{n}·{H} + {n} + {H}"}


def _w(key: str, lang: str, **values: object) -> str:
    return say(f"demos.autoregressive.{key}", lang, **values)


def _nll(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f}"


def model_table(result: dict[str, Any], lang: str) -> Table:
    sep = "\n" if lang == "both" else " / "
    n, hidden = result["n"], result["nade"]["hidden"]
    table = Table(title=_w("table", lang), title_justify="left", box=box.SIMPLE_HEAD,
                  show_edge=False, pad_edge=False)
    table.add_column(say("demos.autoregressive.model", lang, sep=sep), overflow="fold")
    table.add_column(say("demos.autoregressive.formula", lang, sep=sep))  # wraps at " = "
    table.add_column(say("demos.autoregressive.params", lang, sep=sep), justify="right",
                     no_wrap=True)
    table.add_column(say("demos.autoregressive.nll_train", lang, sep=sep), justify="right")
    table.add_column(say("demos.autoregressive.nll_test", lang, sep=sep), justify="right")
    best = min((m["nll"] for m in result["models"] if m["nll"] is not None), default=None)
    for m in result["models"]:
        formula = FILLED[m["name"]].format(n=n, H=hidden)
        table.add_row(say(f"demos.autoregressive.name.{m['name']}", lang, sep=sep),
                      f"{m['formula']} = {formula}", f"{m['params']:,}", _nll(m["nll_train"]),
                      Text(_nll(m["nll"]), style="bold" if m["nll"] == best else ""))
    return table


def lessons(result: dict[str, Any], lang: str) -> list[Text]:
    by = {m["name"]: m for m in result["models"]}
    n_train = result["n_train"]
    out = []
    joint = by["joint"]
    if joint["nll"] is None:
        out.append(Text(_w("no_table", lang, n=result["n"], p=f"{joint['params']:,}")))
    else:
        out.append(Text(_w("joint_lesson", lang, log_n=f"{math.log(n_train):.2f}",
                           n=result["n"], cells=f"{2 ** result['n']:,}",
                           train=_nll(joint["nll_train"]), test=_nll(joint["nll"]))))
    nade = by["nade"]
    others = [m["nll"] for name, m in by.items() if name != "nade" and m["nll"] is not None]
    if nade["nll"] is not None and others and nade["nll"] < min(others):
        out.append(Text(_w("nade_lesson", lang, test=_nll(nade["nll"]),
                           p=f"{nade['params']:,}"), style="bold"))
    return out


def sample_block(sample: dict[str, Any], k: int, size: int, lang: str) -> Text:
    """One sample: its pixels, and beside them p(x_i = 1 | x_<i) in percent
    at each pixel drawn so far (blank where not drawn yet)."""
    text = Text(_w("sample", lang, k=k) + "\n", style="bold")
    pixels, probs = sample["pixels"], sample["probs"]
    for r in range(size):
        row = Text()
        for c in range(size):
            i = r * size + c
            row.append(ON if i < len(pixels) and pixels[i] else OFF if i < len(pixels)
                       else "  ", style="bold" if i == len(pixels) - 1 else "")
        row.append("  ")
        for c in range(size):
            i = r * size + c
            row.append(f"{min(99, round(probs[i] * 100)):>3}" if i < len(probs) else "   ",
                       style="bold reverse" if i == len(probs) - 1 else "")
        text.append_text(row)
        text.append("\n")
    text.rstrip()
    return text


def render(result: dict[str, Any], lang: str = "both", step: int | None = None,
           width: int = 100, height: int = 30, color: bool = True) -> RenderableType:
    name = say("demos.autoregressive.title", lang)
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return too_small(name, (MIN_WIDTH, MIN_HEIGHT), (width, height), lang)
    size = result["size"]
    title = Text.assemble((name, "bold"), "   " + _w(
        "setup", lang, size=size, n=result["n"],
        train=result["n_train"], test=result["n_test"]))
    table, need = first_that_fits([lambda: model_table(result, lang)], width)
    if table is None:
        return too_narrow(name, need, width, lang)
    parts: list[RenderableType] = [title, table, *lessons(result, lang)]
    if result["samples"]:
        parts.append(Text(_w("sampling", lang), style="dim"))
        parts.append(Columns([sample_block(s, k, size, lang)
                              for k, s in enumerate(result["samples"], 1)], padding=(0, 3)))
    curve = result["curve"]
    if curve:
        lines = [Curve(_w("curve_train", lang), OKABE_ITO[0], [c["epoch"] for c in curve],
                       [c["train"] for c in curve]),
                 Curve(_w("curve_test", lang), OKABE_ITO[1], [c["epoch"] for c in curve],
                       [c["test"] for c in curve])]
        key = Legend([curve_key(c, color) for c in lines],
                     notes=[Text(_w("curve_note", lang, epoch=curve[-1]["epoch"],
                                    epochs=result["epochs"]), style="dim")])
        used = height_of(parts, width)
        rows = max(CURVE_ROWS, height - used - key.height(width) - 1)
        parts += [Text(""), curves_axes(lines, width, rows, color), key]
    return Group(*parts)
