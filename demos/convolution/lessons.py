"""What a convolution run teaches, each lesson with the condition that makes
it true of that run (pure Python on the result, so a test can hold every
line shown to the numbers it stands on)."""

from __future__ import annotations

from typing import Any


def _kernel_sum(result: dict[str, Any]) -> float:
    return sum(sum(row) for row in result["kernel"])


def lessons(result: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(catalogue key, values) of every lesson that holds for `result`."""
    out: list[tuple[str, dict[str, Any]]] = []
    (h, w), (oh, ow) = result["input_shape"], result["output_shape"]
    kh, kw = len(result["kernel"]), len(result["kernel"][0])
    s, p, d = result["stride"], result["padding"], result["dilation"]
    total = _kernel_sum(result)
    if result["transposed"]:
        if oh > h and ow > w:  # heavy padding can make even a transposed output smaller
            out.append(("demos.convolution.lesson.transposed",
                        {"h": h, "w": w, "oh": oh, "ow": ow, "s": s}))
    elif abs(total) < 1e-9:
        out.append(("demos.convolution.lesson.sum_zero", {}))
    elif abs(total - 1) < 1e-9:
        out.append(("demos.convolution.lesson.sum_one", {}))
    if not result["transposed"] and (oh, ow) == (h, w):
        out.append(("demos.convolution.lesson.same", {"p": p, "h": h, "w": w}))
    elif not result["transposed"] and p == 0 and s == 1:
        out.append(("demos.convolution.lesson.shrinks", {"h": h, "w": w, "oh": oh, "ow": ow}))
    if not result["transposed"] and s > 1:
        out.append(("demos.convolution.lesson.stride", {"s": s, "oh": oh, "ow": ow}))
    if d > 1:
        out.append(("demos.convolution.lesson.dilation", {
            "kh": kh, "kw": kw, "d": d, "sh": d * (kh - 1) + 1, "sw": d * (kw - 1) + 1}))
    if result["stack"]:
        last = result["stack"][-1]
        out.append(("demos.convolution.lesson.field", {"n": len(result["stack"]),
                                                       "r": last["field"]}))
    return out
