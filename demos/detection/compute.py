"""Detection boxes with torch: the IoU of every pair, greedy non-maximum
suppression step by step, and an RPN's anchors at one location.

Everything is float64, so the JSON replays exactly: `iou[i][j]` is
|A∩B| / (|A| + |B| - |A∩B|) for boxes (x1, y1, x2, y2), and `keep` is the
greedy definition: sort by score (a stable sort: of equal scores the box
written first wins), keep the best, drop every remaining box whose IoU with
it is above the threshold, repeat.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from demos.detection.boxes import (
    IMAGE,
    RATIO_RANGE,
    SCALE_RANGE,
    parse_boxes,
    parse_list,
    parse_pair,
    scene,
)
from demos.frames import Frame, use_torch


def iou_matrix(boxes):
    """The IoU of every pair of rows of an (N, 4) tensor, as an (N, N) tensor."""
    torch = use_torch()
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    top_left = torch.maximum(boxes[:, None, :2], boxes[None, :, :2])
    bottom_right = torch.minimum(boxes[:, None, 2:], boxes[None, :, 2:])
    inter = (bottom_right - top_left).clamp(min=0).prod(dim=2)
    return inter / (area[:, None] + area[None, :] - inter), inter, area


def nms_steps(iou, scores, threshold: float) -> list[dict[str, Any]]:
    """Greedy NMS, one entry a kept box: which boxes it suppressed, with their IoU."""
    torch = use_torch()
    order = torch.sort(scores, descending=True, stable=True).indices.tolist()
    alive = list(order)
    steps = []
    while alive:
        best, rest = alive[0], alive[1:]
        dropped = [j for j in rest if iou[best, j].item() > threshold]
        steps.append({"keep": best, "score": scores[best].item(),
                      "dropped": [{"box": j, "iou": iou[best, j].item()} for j in dropped],
                      "remaining": [j for j in rest if j not in dropped]})
        alive = steps[-1]["remaining"]
    return steps


def anchors(scales: list[float], ratios: list[float], centre: tuple[float, float]
            ) -> list[dict[str, Any]]:
    """One anchor per (scale, ratio): area scale², height/width = ratio."""
    cx, cy = centre
    out = []
    for s in scales:
        for r in ratios:
            w, h = s / math.sqrt(r), s * math.sqrt(r)
            out.append({"scale": s, "ratio": r,
                        "box": [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2]})
    return out


def run(boxes: str | None = None, seed: int = 0, iou_threshold: float = 0.5,
        pair: str | None = None, scales: str = "8,16,32", ratios: str = "0.5,1,2"
        ) -> dict[str, Any]:
    torch = use_torch()
    given, scores = parse_boxes(boxes) if boxes is not None else scene(seed)
    t = torch.tensor(given, dtype=torch.float64)
    s = torch.tensor(scores, dtype=torch.float64)
    iou, inter, area = iou_matrix(t)
    steps = nms_steps(iou, s, iou_threshold)
    n = len(given)
    chosen = parse_pair(pair, n)
    if chosen is None and n > 1:  # the most overlapping pair shows the formula best
        off = iou.clone().fill_diagonal_(-1.0)
        flat = int(torch.argmax(off).item())
        chosen = (flat // n, flat % n)
    shown = None
    if chosen is not None:
        i, j = chosen
        shown = {"boxes": [i, j], "inter": inter[i, j].item(), "area_a": area[i].item(),
                 "area_b": area[j].item(), "iou": iou[i, j].item()}
    scale_list, ratio_list = parse_list("scales", scales, SCALE_RANGE), parse_list(
        "ratios", ratios, RATIO_RANGE)
    return {
        "demo": "detection",
        "image": [IMAGE, IMAGE],
        "seed": seed if boxes is None else None,
        "boxes": [list(b) for b in given],
        "scores": list(scores),
        "iou_threshold": iou_threshold,
        "iou": iou.tolist(),
        "pair": shown,
        "nms": steps,
        "keep": [step["keep"] for step in steps],
        "scales": scale_list,
        "ratios": ratio_list,
        "anchor_centre": [IMAGE / 2, IMAGE / 2],
        "anchors": anchors(scale_list, ratio_list, (IMAGE / 2, IMAGE / 2)),
        "anchor_count": len(scale_list) * len(ratio_list),
    }


def frames(**params: Any) -> Iterator[Frame]:
    """One finished frame: a dozen boxes take microseconds."""
    yield Frame(run(**params), finished=True)
