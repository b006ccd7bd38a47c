"""MLP playground, drawn with Rich on the shared drawing layer (no torch):
the decision surface as a half-block field (viridis: p(class 1)) with the
points on it (`o` class 0, `+` class 1), the loss curve beside it, the
parameter count per layer with its formula, and the lessons.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from demos.draw.axes import Axes
from demos.draw.beside import Beside
from demos.draw.fit import line_count, too_small
from demos.draw.lessons import lesson_lines
from demos.draw.palette import OKABE_ITO
from demos.mlp_playground.lessons import lessons, parameter_rows
from studytui.words import say

MIN_WIDTH, MIN_HEIGHT = 50, 14
SIDE_BY_SIDE = 90  # from this width on, the loss curve stands beside the map
MARKS = (("o", OKABE_ITO[0]), ("+", "#ffffff"))  # class 0, class 1


def surface(result: dict[str, Any], width: int, height: int, color: bool) -> Axes:
    grid = result["grid"]
    xs, n = grid["x"], len(grid["x"])
    step = xs[1] - xs[0] if n > 1 else 1.0
    lo, hi = xs[0] - step / 2, xs[-1] + step / 2
    axes = Axes((lo, hi), (lo, hi), width, height, color)
    canvas = axes.canvas

    def at(px: int, py: int) -> float:
        x, y = axes.pixel_centre(px, py)
        j = min(n - 1, max(0, int((x - lo) / (hi - lo) * n)))
        i = min(n - 1, max(0, int((y - lo) / (hi - lo) * n)))
        return grid["p"][i][j]

    canvas.fill([[at(px, py) for px in range(canvas.cols)] for py in range(2 * canvas.rows)])
    for (x, y), label in zip(result["points"], result["labels"], strict=True):
        cell = axes.to_cell(x, y)
        if cell is not None:
            canvas.mark(*cell, *MARKS[label])
    return axes


def loss_curve(result: dict[str, Any], width: int, height: int, color: bool) -> Axes:
    losses = result["losses"] or [0.0]
    top = max(losses) * 1.05 or 1.0
    axes = Axes((0, max(1, result["steps"])), (0, top), width, height, color)
    for i, (a, b) in enumerate(zip(losses, losses[1:], strict=False)):
        axes.canvas.line(*axes.to_dots(i + 1, a), *axes.to_dots(i + 2, b),
                         OKABE_ITO[1] if color else None)
    return axes


def side_text(result: dict[str, Any], lang: str) -> list[Text]:
    """Accuracy, the parameter table and the lessons, as lines that fold."""
    rows = parameter_rows(result["layers"])
    lines = [Text(say("demos.mlp.accuracy", lang, acc=f"{result['accuracy']:.3f}",
                      step=result["step"], steps=result["steps"]), style="bold"),
             Text(say("demos.mlp.params", lang), style="bold")]
    for k, (a, b, p) in enumerate(rows, 1):
        lines.append(Text(f"  Linear{k} {a}→{b}: {a}·{b} + {b} = {p}"))
    lines.append(Text(say("demos.mlp.total", lang, total=sum(p for _, _, p in rows))))
    if result["step"] == result["steps"]:  # lessons speak of the finished run only
        lines += lesson_lines(lessons(result), lang)
    for line in lines:
        line.overflow = "fold"
    return lines


def render(result: dict[str, Any], lang: str = "both", step: int | None = None,
           width: int = 100, height: int = 30, color: bool = True) -> RenderableType:
    """The playground in `width` x `height` cells for the map and the loss
    curve; the parameter table and the lessons follow."""
    name = say("demos.mlp.title", lang)
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return too_small(name, (MIN_WIDTH, MIN_HEIGHT), (width, height), lang)
    hidden = ",".join(map(str, result["layers"][1:-1])) or "-"
    title = Text.assemble((name, "bold"), f"   {result['dataset']}  hidden={hidden}  "
                          f"activation={result['activation']}  lr={result['lr']:g}")
    legend = Text.assemble((MARKS[0][0], MARKS[0][1] if color else ""), " " +
                           say("demos.mlp.class", lang, k=0) + "   ",
                           (MARKS[1][0], MARKS[1][1] if color else ""), " " +
                           say("demos.mlp.class", lang, k=1) + "   " +
                           say("demos.mlp.colour", lang), style="dim")
    legend.overflow = "fold"
    rows = max(6, height - line_count(title, width) - line_count(legend, width))
    loss_title = Text(say("demos.mlp.loss", lang), style="bold")
    if width >= SIDE_BY_SIDE:
        map_width = min(width // 2 + 4, 2 * rows + 6)  # cells are twice as tall as wide
        right = width - map_width - 2
        side = side_text(result, lang)
        # The loss curve takes what the text beside the map leaves of its height.
        curve = max(6, rows - 1 - sum(line_count(line, right) for line in side))
        body: RenderableType = Beside(
            surface(result, map_width, rows, color), map_width,
            Group(loss_title, loss_curve(result, right, curve, color), *side))
        return Group(title, body, legend)
    map_width = min(width, 2 * rows + 6)
    return Group(title, surface(result, map_width, rows, color), legend, loss_title,
                 loss_curve(result, width, max(6, rows // 2), color), *side_text(result, lang))
