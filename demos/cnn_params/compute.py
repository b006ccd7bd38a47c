"""cnn-params: a network's parameters layer by layer, each counted twice,
by its formula (`3x3x64x64 + 64 = 36,928`) and by torch (`p.numel()`).

Everything is built on the `meta` device: tensors have shapes but no
storage, so VGG19's 143 million parameters cost no memory, and one forward
pass with hooks gives every layer's output shape.

With no arch, layers or compare given, the demo shows VGG16: the lecture's
running example, where the 3x3 stacks and the huge first dense layer (fc6
alone holds 74% of the net) make the share bars tell the story.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

import torch
from torch import nn

from demos.cnn_params.archs import ARCHS, dense_block, transition
from demos.cnn_params.comparisons import COMPARISONS
from demos.cnn_params.spec import (
    ARCH_INPUT,
    DEFAULT_INPUT,
    LayerSpec,
    Shape,
    arch_input,
    output_shapes,
    parse_input,
    parse_layers,
)
from demos.frames import Frame, use_torch

DEFAULT_ARCH = "vgg16"
# Whether `count` runs the forward pass that finds each layer's output shape
# (off for the first frame: see `frames`).
SHAPES: ContextVar[bool] = ContextVar("SHAPES", default=True)
# Rows of a built-in net: layers with parameters, and the pools that shrink
# the map. ReLU, Dropout and Flatten change neither, so they would be noise.
POOLS = (nn.MaxPool2d, nn.AvgPool2d, nn.AdaptiveAvgPool2d)


def formula(module: nn.Module) -> tuple[str, int]:
    """The module's parameter count written out, and the count itself."""
    if isinstance(module, nn.Conv2d):
        kh, kw = module.kernel_size
        cin = module.in_channels // module.groups
        n = kh * kw * cin * module.out_channels
        text = f"{kh}x{kw}x{cin}x{module.out_channels}"
        if module.bias is not None:
            n += module.out_channels
            text += f" + {module.out_channels}"
        return f"{text} = {n:,}", n
    if isinstance(module, nn.Linear):
        n = module.in_features * module.out_features
        text = f"{module.in_features}x{module.out_features}"
        if module.bias is not None:
            n += module.out_features
            text += f" + {module.out_features}"
        return f"{text} = {n:,}", n
    if isinstance(module, nn.modules.batchnorm._BatchNorm) and module.affine:
        n = 2 * module.num_features  # gamma and beta; running stats are buffers
        return f"2x{module.num_features} = {n:,}", n
    if any(True for _ in module.parameters(recurse=False)):
        raise TypeError(f"no formula for {type(module).__name__}")
    return "-", 0


def _describe(module: nn.Module) -> tuple[str | None, int | None, int | None]:
    if isinstance(module, nn.Conv2d):
        kh, kw = module.kernel_size
        return f"{kh}x{kw}", module.in_channels, module.out_channels
    if isinstance(module, nn.Linear):
        return None, module.in_features, module.out_features
    if isinstance(module, nn.modules.batchnorm._BatchNorm):
        return None, module.num_features, module.num_features
    if isinstance(module, (nn.MaxPool2d, nn.AvgPool2d)):
        k = module.kernel_size
        k = k if isinstance(k, int) else k[0]
        return f"{k}x{k}", None, None
    return None, None, None


def count(model: nn.Module, shape: Shape, every_layer: bool) -> dict[str, Any]:
    """Rows for the leaf modules in the order the forward pass meets them."""
    calls: dict[nn.Module, Shape | None] = {}
    names = {m: name for name, m in model.named_modules()}
    leaves = [m for m in model.modules() if not any(True for _ in m.children())]
    if not SHAPES.get():
        calls = dict.fromkeys(leaves)  # in definition order, the shapes to come
        return _rows(model, calls, names, shape, every_layer)

    def hook(module: nn.Module, _inputs: Any, output: torch.Tensor) -> None:
        calls.setdefault(module, tuple(output.shape[1:]))

    handles = [m.register_forward_hook(hook) for m in leaves]
    try:
        model.eval()  # batch norm on a batch of one
        with torch.no_grad():
            model(torch.empty(1, *shape, device="meta"))
    finally:
        for h in handles:
            h.remove()
    return _rows(model, calls, names, shape, every_layer)


def _rows(model: nn.Module, calls: dict[nn.Module, Shape | None], names: dict[nn.Module, str],
          shape: Shape, every_layer: bool) -> dict[str, Any]:
    rows = []
    for module, out_shape in calls.items():
        own = sum(p.numel() for p in module.parameters(recurse=False))
        if not (every_layer or own or isinstance(module, POOLS)):
            continue
        text, n = formula(module)
        kernel, cin, cout = _describe(module)
        rows.append({
            "name": names[module], "type": type(module).__name__, "kernel": kernel,
            "in_channels": cin, "out_channels": cout, "formula": text, "params": n,
            "torch_params": own,
            "output_shape": list(out_shape) if out_shape is not None else None,
        })
    torch_total = sum(p.numel() for p in model.parameters())
    formula_total = sum(row["params"] for row in rows)
    return {
        "input": list(shape),
        "layers": rows,
        "total_params": torch_total,
        "trainable_params": sum(p.numel() for p in model.parameters() if p.requires_grad),
        "formula_total": formula_total,
        "torch_total": torch_total,
        "agree": formula_total == torch_total
        and all(row["params"] == row["torch_params"] for row in rows),
    }


def build_stack(specs: list[LayerSpec], shape: Shape) -> nn.Sequential:
    """The custom stack as an nn.Sequential, with names like conv1, pool2, fc1."""
    outputs = output_shapes(specs, shape)  # ParamError before any torch work
    modules: OrderedDict[str, nn.Module] = OrderedDict()
    seen: dict[str, int] = {}

    def add(kind: str, module: nn.Module) -> None:
        seen[kind] = seen.get(kind, 0) + 1
        modules[f"{kind}{seen[kind]}"] = module

    for spec, before in zip(specs, [shape, *outputs[:-1]], strict=True):
        if spec.kind == "conv":
            add("conv", nn.Conv2d(before[0], spec.out, spec.kernel, padding=spec.pad))
        elif spec.kind == "pool":
            add("pool", nn.MaxPool2d(2))
        elif spec.kind == "bn":
            add("bn", nn.BatchNorm2d(before[0]) if len(before) == 3
                else nn.BatchNorm1d(before[0]))
        elif spec.kind == "relu":
            add("relu", nn.ReLU())
        elif spec.kind == "fc":
            features = before[0]
            if len(before) == 3:
                add("flatten", nn.Flatten())
                features = before[0] * before[1] * before[2]
            add("fc", nn.Linear(features, spec.out))
    return nn.Sequential(modules)


def count_arch(arch: str, shape: Shape = ARCH_INPUT) -> dict[str, Any]:
    with torch.device("meta"):
        model = ARCHS[arch]()
    return count(model, shape, every_layer=False)


def count_stack(text: str, shape: Shape = DEFAULT_INPUT) -> dict[str, Any]:
    return count_specs(parse_layers(text), shape)


def count_specs(specs: list[LayerSpec], shape: Shape) -> dict[str, Any]:
    with torch.device("meta"):
        model = build_stack(specs, shape)
    return count(model, shape, every_layer=True)


def count_dense_block(shape: Shape, layers: int, growth: int) -> dict[str, Any]:
    channels = shape[0] + layers * growth
    with torch.device("meta"):
        model = nn.Sequential(OrderedDict({
            "denseblock": dense_block(shape[0], layers, growth),
            "transition": transition(channels, channels // 2),
        }))
    return count(model, shape, every_layer=False)


def run(arch: str | None = None, layers: str | None = None, input: str | None = None,
        compare: str | None = None) -> dict[str, Any]:
    if compare is not None:
        lesson = COMPARISONS[compare]
        stacks = []
        for stack in lesson.stacks:
            if stack.dense is not None:
                counted = count_dense_block(stack.input, *stack.dense)
            else:
                counted = count_specs(stack.specs, stack.input)
            stacks.append({"label_ko": stack.label_ko, "label_en": stack.label_en,
                           "spec": stack.text, **counted})
        return {"demo": "cnn-params", "mode": "compare", "compare": compare, "arch": None,
                "spec": None, "title_ko": lesson.title_ko, "title_en": lesson.title_en,
                "lesson_ko": lesson.lesson_ko, "lesson_en": lesson.lesson_en,
                "facts": lesson.facts, "stacks": stacks}
    if layers is not None:
        shape = parse_input(input) if input is not None else DEFAULT_INPUT
        return {"demo": "cnn-params", "mode": "layers", "compare": None, "arch": None,
                "spec": layers, **count_stack(layers, shape)}
    name = arch or DEFAULT_ARCH
    shape = arch_input(input) if input is not None else ARCH_INPUT
    return {"demo": "cnn-params", "mode": "arch", "compare": None, "arch": name,
            "spec": None, **count_arch(name, shape)}


def frames(**params: Any) -> Iterator[Frame]:
    """Two frames: the layers and their counts, then the same with every
    output shape. The shapes need a forward pass on the meta device, whose
    first use loads torch's meta kernels and sympy (seconds, once a process):
    the table comes first, the shapes follow."""
    use_torch()
    token = SHAPES.set(False)
    try:
        yield Frame(run(**params))
    finally:
        SHAPES.reset(token)
    yield Frame(run(**params), finished=True)
