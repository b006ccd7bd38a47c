"""Inside the LSTM, drawn with Rich on the shared drawing layer (no torch):
the cell's equations in PyTorch's gate order, each step's gates, cell state
and hidden state as rows of coloured cells with their values, then the
gradient norm over time of RNN, LSTM and GRU on a log scale, and the lessons.
"""

from __future__ import annotations

import math
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from demos.draw.axes import Axes
from demos.draw.fit import too_small
from demos.draw.lessons import lesson_lines
from demos.draw.palette import OKABE_ITO, hex_colour, text_on, viridis
from demos.lstm.lessons import lessons
from studytui.words import say

MIN_WIDTH = 40
CURVES = {"rnn": ("r", OKABE_ITO[4]), "lstm": ("l", OKABE_ITO[1]), "gru": ("g", OKABE_ITO[2])}
EQUATIONS = {
    "rnn": ["h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh)"],
    "lstm": ["i = σ(W_ii x_t + b_ii + W_hi h_(t-1) + b_hi)",
             "f = σ(W_if x_t + b_if + W_hf h_(t-1) + b_hf)",
             "g = tanh(W_ig x_t + b_ig + W_hg h_(t-1) + b_hg)",
             "o = σ(W_io x_t + b_io + W_ho h_(t-1) + b_ho)",
             "c_t = f ⊙ c_(t-1) + i ⊙ g      h_t = o ⊙ tanh(c_t)"],
    "gru": ["r = σ(W_ir x_t + b_ir + W_hr h_(t-1) + b_hr)",
            "z = σ(W_iz x_t + b_iz + W_hz h_(t-1) + b_hz)",
            "n = tanh(W_in x_t + b_in + r ⊙ (W_hn h_(t-1) + b_hn))",
            "h_t = (1 - z) ⊙ n + z ⊙ h_(t-1)"],
}
SIGMOID_GATES = {"i", "f", "o", "r", "z"}  # in [0, 1]; the rest in [-1, 1] (c is unbounded)


def _row(label: str, values: list[float], unit: bool, color: bool) -> Text:
    line = Text(f"  {label:>2} ")
    for v in values:
        t = v if unit else (v + 1) / 2
        style = ""
        if color:
            rgb = viridis(t)
            style = f"{text_on(rgb)} on {hex_colour(rgb)}"
        line.append(" ")
        line.append(f"{v:6.3f}", style=style)
    return line


def steps_view(result: dict[str, Any], lang: str, color: bool) -> list[Text]:
    lines = []
    for t, (token, step) in enumerate(zip(result["tokens"], result["steps"], strict=False), 1):
        lines.append(Text(say("demos.lstm.step", lang, t=t, token=token), style="bold"))
        for name in result["gate_names"]:
            lines.append(_row(name, step[name], name in SIGMOID_GATES, color))
        if "c" in step:
            lines.append(_row("c", step["c"], False, color))
        lines.append(_row("h", step["h"], False, color))
    return lines


def memory(result: dict[str, Any], lang: str, width: int, height: int, color: bool
           ) -> list[RenderableType]:
    norms = result["grad_norms"]
    logs = {cell: [math.log10(max(v, 1e-300)) for v in values] for cell, values in norms.items()}
    lo = min(min(v) for v in logs.values())
    hi = max(max(v) for v in logs.values())
    if hi - lo < 1e-9:
        hi = lo + 1
    n = result["length"]
    axes = Axes((1, n), (lo, hi), width, height, color)
    for cell, values in logs.items():
        marker, colour = CURVES[cell]
        for t in range(1, n):
            axes.canvas.line(*axes.to_dots(t, values[t - 1]), *axes.to_dots(t + 1, values[t]),
                             colour if color else None)
        cell_at = axes.to_cell(1, values[0])
        if cell_at is not None:
            axes.canvas.mark(*cell_at, marker, colour if color else None)
    key = Text("   ".join(f"{m} {cell}" for cell, (m, _) in CURVES.items()))
    return [Text(say("demos.lstm.memory", lang, n=n), style="bold"), axes, key,
            Text(say("demos.lstm.memory_axes", lang, n=n), style="dim")]


def render(result: dict[str, Any], lang: str = "both", step: int | None = None,
           width: int = 100, height: int = 30, color: bool = True) -> RenderableType:
    name = say("demos.lstm.title", lang)
    if width < MIN_WIDTH:
        return too_small(name, (MIN_WIDTH, 1), (width, height), lang)
    title = Text.assemble((name, "bold"), f"   {result['module']}  hidden={result['hidden']}  "
                          f"seed={result['seed']}")
    parts: list[RenderableType] = [title, Text(say("demos.lstm.equations", lang), style="dim")]
    parts += [Text("  " + line) for line in EQUATIONS[result["cell"]]]
    parts += steps_view(result, lang, color)
    if result["grad_norms"] is not None:
        parts += [Text(""), *memory(result, lang, width, max(8, height - 6), color)]
        parts += [Text(""), *lesson_lines(lessons(result), lang)]
    for part in parts:
        if isinstance(part, Text):
            part.overflow = "fold"
    return Group(*parts)
