"""The convolution demo's inputs in pure Python (no torch), so a card's
`demo:` link is checked at start-up: the input grid (a seeded pattern or
rows given by hand), the kernel (a named one or rows), the layer stack of
the receptive-field view, and the output-size formulas.

    rows   := row (";" row)*        row := number ("," | " ") number ...
    stack  := layer ("," layer)*    layer := K "x" K ["s" S] | "pool"
"""

from __future__ import annotations

import random
import re
from typing import Any

from demos.params import ParamError

MAX_SIDE = 16  # input rows and columns
MAX_KERNEL = 7
MAX_VALUE = 1000.0
MAX_STACK = 8
PATTERNS = ("square", "cross", "ring", "diagonal", "seven", "noise")
KERNELS: dict[str, list[list[float]]] = {
    "edge-h": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],  # Sobel: responds to horizontal edges
    "edge-v": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],  # Sobel: responds to vertical edges
    "blur": [[1 / 9] * 3 for _ in range(3)],
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    "identity": [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
}
_LAYER = re.compile(r"(\d+)x(\d+)(?:s(\d+))?|pool")


def parse_rows(param: str, text: str, most: int) -> list[list[float]]:
    """`text` as a rectangular grid of at most `most` x `most` numbers."""
    rows = [r.replace(",", " ").split() for r in text.split(";") if r.strip()]
    if not rows:
        raise ParamError(param, "needs at least one row: numbers separated by spaces or commas, "
                                "rows by ';'")
    if len({len(r) for r in rows}) != 1:
        lengths = ", ".join(str(len(r)) for r in rows)
        raise ParamError(param, f"rows have different lengths ({lengths}); every row needs "
                                "the same count")
    if len(rows) > most or len(rows[0]) > most:
        raise ParamError(param, f"is {len(rows)}x{len(rows[0])}: at most {most}x{most}")
    out = []
    for r, row in enumerate(rows, 1):
        values = []
        for c, cell in enumerate(row, 1):
            try:
                v = float(cell)
            except ValueError:
                raise ParamError(param, f"row {r}, column {c}: {cell[:20]!r} is not a number"
                                 ) from None
            if not abs(v) <= MAX_VALUE:  # also refuses nan
                raise ParamError(param, f"row {r}, column {c}: {cell[:20]} is out of range: "
                                        f"numbers from -{MAX_VALUE:g} to {MAX_VALUE:g}")
            values.append(v)
        out.append(values)
    return out


def pattern(name: str, size: int, seed: int) -> list[list[float]]:
    """A size x size 0/1 picture; `noise` (and the others' stray pixels) come from `seed`."""
    rng = random.Random(seed)
    lo, hi = size // 4, size - 1 - size // 4
    mid = size // 2

    def on(r: int, c: int) -> bool:
        if name == "square":
            return lo <= r <= hi and lo <= c <= hi
        if name == "cross":
            return r == mid or c == mid
        if name == "ring":
            return (lo <= r <= hi and lo <= c <= hi) and (r in (lo, hi) or c in (lo, hi))
        if name == "diagonal":
            return r == c
        if name == "seven":  # a digit 7: a top bar and a slanted stroke
            return (r == lo and lo <= c <= hi) or (r > lo and c == hi - (r - lo) // 2
                                                   and r <= hi + 1)
        return rng.random() < 0.35

    return [[1.0 if on(r, c) else 0.0 for c in range(size)] for r in range(size)]


def kernel_of(text: str) -> list[list[float]]:
    key = text.strip().lower()
    if key in KERNELS:
        return [list(row) for row in KERNELS[key]]
    if not any(ch.isdigit() for ch in key):
        raise ParamError("kernel", f"unknown kernel {text[:30]!r}: one of {', '.join(KERNELS)}"
                                   ", or rows such as \"0 1 0; 1 -4 1; 0 1 0\"")
    return parse_rows("kernel", text, MAX_KERNEL)


def conv_size(n: int, k: int, stride: int, padding: int, dilation: int) -> int:
    """floor((n + 2p - d(k-1) - 1) / s) + 1, as torch.nn.Conv2d documents it."""
    return (n + 2 * padding - dilation * (k - 1) - 1) // stride + 1


def transposed_size(n: int, k: int, stride: int, padding: int, dilation: int) -> int:
    """(n-1)s - 2p + d(k-1) + 1, torch.nn.ConvTranspose2d's (output_padding 0)."""
    return (n - 1) * stride - 2 * padding + dilation * (k - 1) + 1


def parse_stack(text: str) -> list[dict[str, Any]]:
    """Layers of the receptive-field view: kernel size and stride each."""
    layers = []
    for item in (part.strip().lower() for part in text.split(",")):
        m = _LAYER.fullmatch(item)
        if m is None:
            raise ParamError("stack", f"{item[:20]!r} is not a layer: write KxK, KxKsS "
                                      "(stride S) or pool, e.g. \"3x3,3x3,pool\"")
        if item == "pool":
            layers.append({"name": "pool", "kernel": 2, "stride": 2})
            continue
        k, k2, s = int(m[1]), int(m[2]), int(m[3] or 1)
        if k != k2 or not 1 <= k <= MAX_KERNEL or not 1 <= s <= 4:
            raise ParamError("stack", f"{item!r}: square kernels 1x1 to {MAX_KERNEL}x{MAX_KERNEL}, "
                                      "stride 1 to 4")
        layers.append({"name": item, "kernel": k, "stride": s})
    if not 1 <= len(layers) <= MAX_STACK:
        raise ParamError("stack", f"has {len(layers)} layers: give 1 to {MAX_STACK}")
    return layers


def receptive_field(layers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per layer, the input cells one output cell sees (r) and the input step
    between neighbouring outputs (jump): r += (k-1)*jump; jump *= s."""
    r, jump, out = 1, 1, []
    for layer in layers:
        r += (layer["kernel"] - 1) * jump
        jump *= layer["stride"]
        out.append({**layer, "field": r, "jump": jump})
    return out


def grid_of(values: dict[str, Any]) -> list[list[float]]:
    if values["input"] is not None:
        return parse_rows("input", values["input"], MAX_SIDE)
    return pattern(values["pattern"], values["size"], values["seed"])


def check(values: dict[str, Any]) -> None:
    """Everything torch would refuse, refused first with the parameter named."""
    grid = grid_of(values)
    kernel = kernel_of(values["kernel"])
    if values["stack"] is not None:
        parse_stack(values["stack"])
    h, w, kh, kw = len(grid), len(grid[0]), len(kernel), len(kernel[0])
    s, p, d = values["stride"], values["padding"], values["dilation"]
    size = transposed_size if values["transposed"] else conv_size
    oh, ow = size(h, kh, s, p, d), size(w, kw, s, p, d)
    if oh < 1 or ow < 1:
        raise ParamError("padding" if values["transposed"] else "kernel",
                         f"leaves no output ({oh}x{ow}) for a {h}x{w} input, a {kh}x{kw} kernel,"
                         f" stride {s}, padding {p}, dilation {d}")
    if values["cell"] is not None:
        cell_of(values["cell"], (oh, ow))


def cell_of(text: str, shape: tuple[int, int]) -> tuple[int, int]:
    """"row,col" of an output cell, counted from 0, inside `shape`."""
    parts = text.replace(" ", ",").split(",")
    parts = [p for p in parts if p]
    ok = len(parts) == 2 and all(p.isascii() and p.isdigit() and len(p) <= 3 for p in parts)
    if not ok or not (int(parts[0]) < shape[0] and int(parts[1]) < shape[1]):
        raise ParamError("cell", f"{text[:20]!r} is not an output cell: row,col with row from 0 "
                                 f"to {shape[0] - 1} and col from 0 to {shape[1] - 1}")
    return int(parts[0]), int(parts[1])
