"""The custom-stack grammar of cnn-params, parsed and shape-checked in pure
Python (no torch), so a card's `demo:` link is validated at start-up.

    layers := item ("," item)*
    item   := "conv" K "x" K ":" C   a KxK convolution to C channels
                                     (stride 1, padding K//2, with bias)
            | "pool"                 a 2x2 max pool, stride 2
            | "bn"                   batch norm (2d on maps, 1d after fc)
            | "relu"
            | "fc:" N                a linear layer to N features
                                     (flattening first when needed)
    input  := C "x" H "x" W          default 3x32x32 for a custom stack
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from demos.params import ParamError

MAX_LAYERS = 64
MAX_KERNEL = 11
MAX_CHANNELS = 4096
MAX_FEATURES = 100_000
MAX_INPUT_CHANNELS = 1024
MAX_SIDE = 1024
# Built-in nets take RGB images; below 64 pixels AlexNet's pools run out of map.
ARCH_SIDE = (64, 512)
DEFAULT_INPUT = (3, 32, 32)
ARCH_INPUT = (3, 224, 224)

GRAMMAR = "convKxK:C, pool, bn, relu, fc:N"

_CONV = re.compile(r"conv(\d+)x(\d+):(\d+)")
_FC = re.compile(r"fc:(\d+)")
_INPUT = re.compile(r"(\d+)x(\d+)x(\d+)")

Shape = tuple[int, ...]  # (C, H, W) for feature maps, (N,) after a linear layer


@dataclass(frozen=True)
class LayerSpec:
    kind: str  # "conv", "pool", "bn", "relu", "fc"
    kernel: int = 0
    out: int = 0
    padding: int | None = None  # conv only; None means the grammar's K//2

    @property
    def pad(self) -> int:
        return self.kernel // 2 if self.padding is None else self.padding


def _bounded(param: str, what: str, value: int, high: int, low: int = 1) -> int:
    if not low <= value <= high:
        raise ParamError(param, f"{what} {value} is out of range: from {low} to {high}")
    return value


def parse_layers(text: str) -> list[LayerSpec]:
    items = [item.strip().lower() for item in text.split(",")]
    if not any(items):
        raise ParamError("layers", f"is empty: give a comma-separated list of {GRAMMAR}")
    if len(items) > MAX_LAYERS:
        raise ParamError("layers", f"has {len(items)} layers: at most {MAX_LAYERS}")
    specs = []
    for i, item in enumerate(items, start=1):
        if item in ("pool", "bn", "relu"):
            specs.append(LayerSpec(item))
        elif m := _CONV.fullmatch(item):
            k, k2, c = (int(g) for g in m.groups())
            if k != k2:
                raise ParamError("layers", f"item {i} {item!r}: only square kernels (KxK)")
            specs.append(LayerSpec("conv", _bounded("layers", "kernel", k, MAX_KERNEL),
                                   _bounded("layers", "channels", c, MAX_CHANNELS)))
        elif m := _FC.fullmatch(item):
            n = _bounded("layers", "features", int(m.group(1)), MAX_FEATURES)
            specs.append(LayerSpec("fc", out=n))
        else:
            raise ParamError("layers", f"item {i} {item!r} is not one of {GRAMMAR}")
    return specs


def parse_input(text: str, param: str = "input") -> Shape:
    m = _INPUT.fullmatch(text.strip().lower())
    if not m:
        raise ParamError(param, f"{text!r} is not CxHxW, e.g. 3x32x32")
    c, h, w = (int(g) for g in m.groups())
    _bounded(param, "channels", c, MAX_INPUT_CHANNELS)
    _bounded(param, "height", h, MAX_SIDE)
    _bounded(param, "width", w, MAX_SIDE)
    return (c, h, w)


def output_shapes(specs: list[LayerSpec], shape: Shape) -> list[Shape]:
    """Each layer's output shape, or ParamError("layers") at the first misfit."""
    shapes = []
    for i, spec in enumerate(specs, start=1):
        where = f"item {i} ({spec.kind})"
        if spec.kind in ("conv", "pool") and len(shape) != 3:
            raise ParamError("layers", f"{where} needs a feature map but gets the flat "
                             f"vector of a linear layer; put fc layers last")
        if spec.kind == "conv":
            c, h, w = shape
            h, w = (side + 2 * spec.pad - spec.kernel + 1 for side in (h, w))
            if h < 1 or w < 1:
                raise ParamError("layers", f"{where}: kernel {spec.kernel} is larger than "
                                 f"its {shape[1]}x{shape[2]} input")
            shape = (spec.out, h, w)
        elif spec.kind == "pool":
            c, h, w = shape
            if h < 2 or w < 2:
                raise ParamError("layers", f"{where}: a 2x2 pool needs at least 2x2, "
                                 f"gets {h}x{w}")
            shape = (c, h // 2, w // 2)
        elif spec.kind == "fc":
            shape = (spec.out,)
        shapes.append(shape)
    return shapes


def check_spec(layers: str | None, input_shape: str | None) -> None:
    """ParamError naming `layers` or `input` if the pair cannot be built."""
    if layers is None:
        if input_shape is not None:
            arch_input(input_shape)
        return
    shape = parse_input(input_shape) if input_shape is not None else DEFAULT_INPUT
    output_shapes(parse_layers(layers), shape)


def arch_input(text: str) -> Shape:
    """An input shape for a built-in net: 3 channels, sides within ARCH_SIDE."""
    c, h, w = parse_input(text)
    low, high = ARCH_SIDE
    if c != 3 or not (low <= h <= high and low <= w <= high):
        raise ParamError("input", f"{text!r} does not fit a built-in net: 3xHxW with H and W "
                         f"from {low} to {high}")
    return (c, h, w)
