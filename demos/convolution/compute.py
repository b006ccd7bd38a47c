"""Convolution at work: F.conv2d (or F.conv_transpose2d) on one small input
and one kernel, in float64, with the multiply-adds behind each output cell.

The output comes from torch; each cell's terms (which input value meets
which kernel weight) come from the index rule both functions document, so
the picture can write a cell out as a sum and a test can hold that sum to
torch's number:

    conv2d:            out[o] = sum_k x[o*s - p + k*d] * w[k]
    conv_transpose2d:  out[o] = sum over i, k with i*s - p + k*d = o of x[i] * w[k]

(per axis; cells outside the input are the zero padding). One frame per
output cell, filled in row by row; the finished frame explains the cell
asked for, or the one with the strongest response.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from demos.convolution.spec import (
    KERNELS,
    cell_of,
    conv_size,
    grid_of,
    kernel_of,
    parse_stack,
    receptive_field,
    transposed_size,
)
from demos.frames import Frame, finished, use_torch
from demos.pace import step_delay, wait


def terms(x: list[list[float]], w: list[list[float]], oy: int, ox: int, stride: int,
          padding: int, dilation: int, transposed: bool) -> list[dict[str, Any]]:
    """The products summed into output cell (oy, ox): input row/column (None in
    the padding), input value, kernel row/column, weight."""
    h, wd = len(x), len(x[0])
    out = []
    for ky, row in enumerate(w):
        for kx, weight in enumerate(row):
            if transposed:
                ny, nx = oy + padding - ky * dilation, ox + padding - kx * dilation
                if ny % stride or nx % stride:
                    continue
                iy, ix = ny // stride, nx // stride
                if not (0 <= iy < h and 0 <= ix < wd):
                    continue
            else:
                iy = oy * stride - padding + ky * dilation
                ix = ox * stride - padding + kx * dilation
            inside = 0 <= iy < h and 0 <= ix < wd
            out.append({"row": iy if inside else None, "col": ix if inside else None,
                        "x": x[iy][ix] if inside else 0.0, "ky": ky, "kx": kx, "w": weight})
    return out


def _stack_view(stack: str | None) -> list[dict[str, Any]] | None:
    return None if stack is None else receptive_field(parse_stack(stack))


def frames(pattern: str = "square", size: int = 8, seed: int = 0, input: str | None = None,  # noqa: A002
           kernel: str = "edge-v", stride: int = 1, padding: int = 0, dilation: int = 1,
           transposed: bool = False, stack: str | None = None, cell: str | None = None,
           animate: bool = False) -> Iterator[Frame]:
    grid = grid_of({"input": input, "pattern": pattern, "size": size, "seed": seed})
    weights = kernel_of(kernel)
    torch = use_torch()
    import torch.nn.functional as F  # noqa: N812 - torch's own name

    x = torch.tensor(grid, dtype=torch.float64)[None, None]
    w = torch.tensor(weights, dtype=torch.float64)[None, None]
    op = F.conv_transpose2d if transposed else F.conv2d
    output = op(x, w, stride=stride, padding=padding, dilation=dilation)[0, 0].tolist()
    size_of = transposed_size if transposed else conv_size
    oh, ow = len(output), len(output[0])
    assert (oh, ow) == (size_of(len(grid), len(weights), stride, padding, dilation),
                        size_of(len(grid[0]), len(weights[0]), stride, padding, dilation))
    base = {
        "demo": "convolution", "input": grid, "kernel": weights,
        # A named kernel by its name; rows given by hand are drawn as the kernel grid itself.
        "kernel_name": kernel.strip().lower() if kernel.strip().lower() in KERNELS else "custom",
        "stride": stride, "padding": padding, "dilation": dilation, "transposed": transposed,
        "output": output, "output_shape": [oh, ow],
        "input_shape": [len(grid), len(grid[0])], "stack": _stack_view(stack),
    }

    def at(oy: int, ox: int, filled: int) -> dict[str, Any]:
        return {**base, "filled": filled, "focus": [oy, ox],
                "terms": terms(grid, weights, oy, ox, stride, padding, dilation, transposed)}

    cells = oh * ow
    delay = step_delay(cells, animate)
    for i in range(cells - 1):
        yield Frame(at(i // ow, i % ow, i + 1), i + 1, cells)
        wait(delay)
    if cell is not None:
        oy, ox = cell_of(cell, (oh, ow))
    else:  # the strongest response (the first, reading row by row) is worth explaining
        best = max(range(cells), key=lambda i: (abs(output[i // ow][i % ow]), -i))
        oy, ox = divmod(best, ow)
    yield Frame(at(oy, ox, cells), cells, cells, finished=True)


def run(**params: Any) -> dict[str, Any]:
    """The whole run (the finished frame's data)."""
    return finished(frames(**params)).data
