"""Detection boxes drawn with Rich (no torch): the boxes on the image, the
chosen pair's intersection and union filled in, the IoU formula with its
numbers, NMS step by step, and the RPN's anchors at one location.

Kept boxes are drawn with solid lines, suppressed ones dotted, so the
picture reads without colour too; each box carries its number (from 1, as
`--pair` counts; the JSON's `keep` holds 0-based indices).
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from demos.draw.beside import Beside
from demos.draw.canvas import Canvas
from demos.draw.fit import line_count, too_small
from demos.draw.palette import OKABE_ITO
from studytui.words import say

MIN_WIDTH, MIN_HEIGHT = 40, 12
MIN_ROWS = 6  # the image is not worth drawing smaller than this
UNION, INTERSECTION = 0.3, 0.95  # field levels of the pair's union and intersection
GAP = 3


def label(i: int) -> str:
    """Box i's one-character name: 1..9, then a, b, c."""
    return str(i + 1) if i < 9 else chr(ord("a") + i - 9)


class ImageCanvas:
    """The IMAGE x IMAGE image on a canvas, y growing downwards; square dots."""

    def __init__(self, size: float, rows: int, color: bool) -> None:
        self.canvas = Canvas(2 * rows, rows, color)
        self.scale = 4 * rows / size  # dots a pixel of the image

    def to_dots(self, x: float, y: float) -> tuple[float, float]:
        # The far edge sits on the last dot, not one past it.
        top = 4 * self.canvas.rows - 1
        return min(x * self.scale, top), min(y * self.scale, top)

    def outline(self, box: list[float], colour: str | None, solid: bool) -> None:
        x1, y1 = self.to_dots(box[0], box[1])
        x2, y2 = self.to_dots(box[2], box[3])
        corners = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
        for (ax, ay), (bx, by) in zip(corners, corners[1:], strict=False):
            if solid:
                self.canvas.line(ax, ay, bx, by, colour)
                continue
            n = max(1, int(max(abs(bx - ax), abs(by - ay))))
            for k in range(0, n + 1, 3):  # every third dot: a dotted edge
                self.canvas.dot(ax + (bx - ax) * k / n, ay + (by - ay) * k / n, colour)

    def cell(self, x: float, y: float) -> tuple[int, int]:
        dx, dy = self.to_dots(x, y)
        return int(dx) // 2, int(dy) // 4

    def shade(self, a: list[float], b: list[float]) -> None:
        """The union of boxes a and b as a dim field, their intersection bright."""
        rows, cols = 2 * self.canvas.rows, self.canvas.cols
        unit = self.scale / 2  # field pixels an image unit: a field pixel is 2x2 dots

        def inside(box: list[float], x: float, y: float) -> bool:
            return box[0] <= x < box[2] and box[1] <= y < box[3]

        grid: list[list[float | None]] = []
        for py in range(rows):
            y = (py + 0.5) / unit
            row: list[float | None] = []
            for px in range(cols):
                x = (px + 0.5) / unit
                in_a, in_b = inside(a, x, y), inside(b, x, y)
                row.append(INTERSECTION if in_a and in_b else UNION if in_a or in_b else None)
            grid.append(row)
        self.canvas.fill(grid)


def colour_of(i: int) -> str:
    return OKABE_ITO[i % len(OKABE_ITO)]


def scene_picture(result: dict[str, Any], rows: int, color: bool) -> Canvas:
    image = ImageCanvas(result["image"][0], rows, color)
    if result["pair"] is not None:
        i, j = result["pair"]["boxes"]
        image.shade(result["boxes"][i], result["boxes"][j])
    kept = set(result["keep"])
    order = sorted(range(len(result["boxes"])), key=lambda i: i in kept)  # kept on top
    for i in order:
        image.outline(result["boxes"][i], colour_of(i), solid=i in kept)
    for i in order:
        box = result["boxes"][i]
        image.canvas.mark(*image.cell(box[0] + 0.5, box[1] + 0.5), label(i), colour_of(i))
    return image.canvas


def anchor_picture(result: dict[str, Any], rows: int, color: bool) -> Canvas:
    image = ImageCanvas(result["image"][0], rows, color)
    scales = result["scales"]
    for anchor in result["anchors"]:
        image.outline(anchor["box"], OKABE_ITO[scales.index(anchor["scale"]) % 8], solid=True)
    image.canvas.mark(*image.cell(*result["anchor_centre"]), "+", "#ffffff")
    return image.canvas


def _n(v: float) -> str:
    return f"{v:.6g}"


def iou_line(result: dict[str, Any], lang: str) -> Text | None:
    pair = result["pair"]
    if pair is None:
        return None
    i, j = pair["boxes"]
    inter, a, b = pair["inter"], pair["area_a"], pair["area_b"]
    return Text.assemble(
        (f"IoU({label(i)}, {label(j)})", "bold"),
        f" = |A∩B| / (|A| + |B| − |A∩B|) = {_n(inter)} / ({_n(a)} + {_n(b)} − {_n(inter)})"
        f" = {_n(inter)} / {_n(a + b - inter)} = {pair['iou']:.3f}   "
        + say("demos.detection.shaded", lang))


def nms_lines(result: dict[str, Any], lang: str) -> list[Text]:
    threshold = result["iou_threshold"]
    lines = [Text(say("demos.detection.nms_rule", lang, t=f"{threshold:g}"), style="bold")]
    for k, step in enumerate(result["nms"], 1):
        line = Text(f"{k}. ")
        line.append(say("demos.detection.keep", lang, box=label(step["keep"]),
                        score=f"{step['score']:.2f}"), style="bold")
        if step["dropped"]:
            dropped = ", ".join(f"{label(d['box'])} (IoU {d['iou']:.2f})"
                                for d in step["dropped"])
            line.append("; " + say("demos.detection.drop", lang, boxes=dropped))
        lines.append(line)
    kept = ", ".join(label(i) for i in result["keep"])
    lines.append(Text(say("demos.detection.kept", lang, boxes=kept,
                          n=len(result["keep"]), total=len(result["boxes"]))))
    return lines


def anchor_line(result: dict[str, Any], lang: str) -> Text:
    return Text(say("demos.detection.anchors", lang, k=result["anchor_count"],
                    s=len(result["scales"]), r=len(result["ratios"]),
                    scales=", ".join(_n(s) for s in result["scales"]),
                    ratios=", ".join(_n(r) for r in result["ratios"])))


def render(result: dict[str, Any], lang: str = "both", step: int | None = None,
           width: int = 100, height: int = 30, color: bool = True) -> RenderableType:
    """The boxes and the anchors beside them (under them when narrow), then
    the IoU formula and the NMS steps, in `width` columns."""
    name = say("demos.detection.title", lang)
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return too_small(name, (MIN_WIDTH, MIN_HEIGHT), (width, height), lang)
    title = Text.assemble((name, "bold"), f"   IoU > {result['iou_threshold']:g}")
    texts = [t for t in (iou_line(result, lang), anchor_line(result, lang)) if t is not None]
    steps = nms_lines(result, lang)
    captions = Text(say("demos.detection.legend", lang), style="dim")
    used = sum(line_count(t, width) for t in [title, captions, *texts, *steps])
    side = 4 * MIN_ROWS + GAP <= width
    rows = max(MIN_ROWS, height - used)
    if side:
        rows = min(rows, (width - GAP) // 4)  # two squares of 2*rows columns side by side
        body: RenderableType = Beside(scene_picture(result, rows, color), 2 * rows,
                                      anchor_picture(result, rows, color), gap=GAP)
    else:
        rows = min(rows // 2, width // 2)
        body = Group(scene_picture(result, rows, color), anchor_picture(result, rows, color))
    return Group(title, body, captions, *texts, *steps)
