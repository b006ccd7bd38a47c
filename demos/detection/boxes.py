"""Detection boxes as the user writes them, parsed without torch (the loader
checks card links with it at start-up): `--boxes`, `--scales`, `--ratios`,
`--pair`, and the seeded scene used when no boxes are given.

A box is `x1,y1,x2,y2` on an IMAGE x IMAGE grid (y grows downwards, as in an
image), optionally followed by `:score`; boxes are separated by `;`. Without
scores the order written is the order of confidence (1.0, 0.95, 0.9, ...).
"""

from __future__ import annotations

import math
import random
from typing import Any

from demos.params import ParamError

IMAGE = 64  # the image is IMAGE x IMAGE pixels; every coordinate lies in [0, IMAGE]
MAX_BOXES = 12
MAX_ANCHOR_SIDES = 5  # scales or ratios each; 5 x 5 = 25 anchors at most
SCALE_RANGE = (1.0, 64.0)
RATIO_RANGE = (0.1, 10.0)
UNSCORED_STEP = 0.05  # scores given to boxes written without one: 1.0, 0.95, ...

Box = tuple[float, float, float, float]


def _number(param: str, text: str, where: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ParamError(param, f"{where}: {text.strip()!r} is not a number") from None
    if not math.isfinite(value):
        raise ParamError(param, f"{where}: {text.strip()!r} is not a finite number")
    return value


def parse_boxes(text: str) -> tuple[list[Box], list[float]]:
    """(boxes, scores) from `x1,y1,x2,y2[:score];...`, or ParamError naming `boxes`."""
    parts = [p.strip() for p in text.split(";") if p.strip()]
    if not 1 <= len(parts) <= MAX_BOXES:
        raise ParamError("boxes", f"has {len(parts)} boxes: give 1 to {MAX_BOXES}, "
                         "e.g. '4,4,30,30:0.9; 10,8,36,34:0.8'")
    boxes: list[Box] = []
    scores: list[float | None] = []
    for i, part in enumerate(parts, 1):
        where = f"box {i} {part!r}"
        coords, colon, score = part.partition(":")
        numbers = [n for n in coords.split(",")]
        if len(numbers) != 4:
            raise ParamError("boxes", f"{where} needs four numbers x1,y1,x2,y2")
        x1, y1, x2, y2 = (_number("boxes", n, where) for n in numbers)
        if not all(0 <= v <= IMAGE for v in (x1, y1, x2, y2)):
            raise ParamError("boxes", f"{where}: coordinates must lie in 0..{IMAGE}")
        if not (x2 > x1 and y2 > y1):
            raise ParamError("boxes", f"{where}: needs x2 > x1 and y2 > y1")
        boxes.append((x1, y1, x2, y2))
        if colon:
            s = _number("boxes", score, where)
            if not 0 <= s <= 1:
                raise ParamError("boxes", f"{where}: the score must lie in 0..1")
            scores.append(s)
        else:
            scores.append(None)
    given = [s for s in scores if s is not None]
    if given and len(given) != len(scores):
        raise ParamError("boxes", "give a score to every box or to none")
    if not given:
        return boxes, [round(1.0 - UNSCORED_STEP * i, 2) for i in range(len(boxes))]
    return boxes, given  # type: ignore[return-value]


def parse_list(param: str, text: str, bounds: tuple[float, float]) -> list[float]:
    """A comma-separated list of 1..MAX_ANCHOR_SIDES numbers within `bounds`."""
    parts = [p for p in (s.strip() for s in text.split(",")) if p]
    if not 1 <= len(parts) <= MAX_ANCHOR_SIDES:
        raise ParamError(param, f"has {len(parts)} values: give 1 to {MAX_ANCHOR_SIDES}, "
                         "comma-separated")
    values = [_number(param, p, f"value {p!r}") for p in parts]
    for v in values:
        if not bounds[0] <= v <= bounds[1]:
            raise ParamError(param, f"{v:g} is out of range: each from {bounds[0]:g} "
                             f"to {bounds[1]:g}")
    return list(dict.fromkeys(values))


def parse_pair(text: str | None, count: int) -> tuple[int, int] | None:
    """The two 1-based box numbers of `--pair i,j` as 0-based indices."""
    if text is None:
        return None
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() and len(p) <= 3 for p in parts):
        raise ParamError("pair", f"{text!r} is not valid: two box numbers i,j, e.g. 1,2")
    i, j = (int(p) for p in parts)
    if not (1 <= i <= count and 1 <= j <= count) or i == j:
        raise ParamError("pair", f"{text!r}: two different box numbers from 1 to {count}")
    return i - 1, j - 1


def scene(seed: int) -> tuple[list[Box], list[float]]:
    """A seeded scene: two or three objects apart from one another, each
    found by two to four overlapping detections, so NMS has something to
    suppress and something to keep."""
    rng = random.Random(seed)
    boxes: list[Box] = []
    scores: list[float] = []
    objects: list[Box] = []
    for _ in range(rng.randint(2, 3)):
        for _attempt in range(50):  # somewhere it barely touches the others
            w, h = rng.randint(14, 26), rng.randint(14, 26)
            x, y = rng.randint(2, IMAGE - w - 2), rng.randint(2, IMAGE - h - 2)
            if all(_overlap((x, y, x + w, y + h), o) < 0.05 for o in objects):
                break
        objects.append((x, y, x + w, y + h))
        for k in range(rng.randint(2, 4)):
            dx, dy = (0, 0) if k == 0 else (rng.randint(-4, 4), rng.randint(-4, 4))
            dw, dh = (0, 0) if k == 0 else (rng.randint(-4, 4), rng.randint(-4, 4))
            x1, y1 = min(max(0, x + dx), IMAGE - 4), min(max(0, y + dy), IMAGE - 4)
            x2 = min(IMAGE, max(x1 + 4, x + dx + w + dw))
            y2 = min(IMAGE, max(y1 + 4, y + dy + h + dh))
            boxes.append((float(x1), float(y1), float(x2), float(y2)))
            scores.append(round(rng.uniform(0.5, 0.95) if k else rng.uniform(0.8, 0.99), 2))
    return boxes, scores


def _overlap(a: Box, b: Box) -> float:
    """IoU in plain Python, only to place the scene's objects apart."""
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def check_detection(values: dict[str, Any]) -> None:
    """Every detection parameter parses (ParamError naming the one that does not)."""
    count = len(parse_boxes(values["boxes"])[0]) if values["boxes"] is not None else len(
        scene(values["seed"])[0])
    parse_pair(values["pair"], count)
    parse_list("scales", values["scales"], SCALE_RANGE)
    parse_list("ratios", values["ratios"], RATIO_RANGE)
