"""cnn-params, drawn with Rich (no torch): a row per layer with its formula,
count, output shape and a bar of its share; totals from both counts."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from demos.draw.fit import first_that_fits, too_narrow
from demos.draw.palette import OKABE_ITO
from studytui.words import pick, say

BAR = 6
SHORT_TYPES = {
    "Conv2d": "conv", "Linear": "fc", "BatchNorm2d": "bn", "BatchNorm1d": "bn",
    "MaxPool2d": "maxpool", "AvgPool2d": "avgpool", "AdaptiveAvgPool2d": "adapt.pool",
    "ReLU": "relu", "Flatten": "flatten",
}
ARCH_TITLES = {
    "alexnet": "AlexNet", "vgg11": "VGG11", "vgg16": "VGG16", "vgg19": "VGG19",
    "resnet18": "ResNet-18", "resnet50": "ResNet-50", "googlenet": "GoogLeNet",
    "densenet121": "DenseNet-121",
}


def _shape(shape: list[int] | None) -> str:
    # None: the first frame, drawn before the forward pass that finds the shapes.
    return "…" if shape is None else "x".join(str(n) for n in shape)


def _bar(share: float, bar: bool) -> Text:
    percent = Text(f"{share * 100:5.1f}%")
    if not bar:
        return percent
    full = share * BAR
    cells = int(full)
    # Anything above zero shows at least a sliver, so no layer looks free.
    text = "█" * cells + ("▌" if full - cells >= 0.5 or (share > 0 and cells == 0) else "")
    return Text(text.ljust(BAR), style=OKABE_ITO[1]) + " " + percent


ABBREVIATIONS = (("features.", ""), ("denseblock", "block"), ("denselayer", "layer"),
                 ("transition", "trans"), ("inception", "incep"), ("classifier", "fc"))


def _name(name: str, width: int = 20) -> str:
    for long, short in ABBREVIATIONS:
        name = name.replace(long, short)
    # Keep the tail: "...layer6.conv2" says more than "block1.lay...".
    return name if len(name) <= width else "…" + name[-(width - 1):]


def _kind(row: dict[str, Any]) -> str:
    kind = SHORT_TYPES.get(row["type"], row["type"])
    if row["kernel"]:
        kind += f" {row['kernel']}"
    if row["in_channels"] is None:
        return kind
    if row["in_channels"] == row["out_channels"]:
        return f"{kind} {row['in_channels']}"
    return f"{kind} {row['in_channels']}->{row['out_channels']}"


# Layouts from the richest to the plainest: (name cells, share: "bar" | "percent" |
# None, type column wraps). The numbers (formula, count, shape, share) never wrap:
# the name is shortened, the type wraps and the decorative bar goes first.
LAYOUTS = ((20, "bar", False), (20, "percent", False), (14, "percent", True),
           (10, None, True), (8, None, True))
MIN_WIDTH = 48


def layer_table(counted: dict[str, Any], lang: str, layout: tuple = LAYOUTS[0]) -> Table:
    name_cells, share, wrap_type = layout
    sep = "\n" if lang == "both" else ""
    # padding 0: the SIMPLE_HEAD box's one-space column divider is the gap.
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0), show_edge=False)
    table.add_column(say("demos.cnn_params.layer", lang, sep=sep), no_wrap=True)
    table.add_column(say("demos.cnn_params.type_kernel_in_out", lang, sep=sep),
                     no_wrap=not wrap_type)
    table.add_column(say("demos.cnn_params.formula", lang, sep=sep), justify="right", no_wrap=True)
    table.add_column(say("demos.cnn_params.params", lang, sep=sep), justify="right", no_wrap=True)
    table.add_column(say("demos.cnn_params.output", lang, sep=sep), justify="right", no_wrap=True)
    if share:
        table.add_column(say("demos.cnn_params.share", lang, sep=sep), no_wrap=True,
                         justify="right")
    total = counted["total_params"] or 1
    for row in counted["layers"]:
        formula = row["formula"].rpartition(" = ")[0] if row["params"] else ""
        params = f"= {row['params']:,}" if row["params"] else "0"
        cells = [_name(row["name"], name_cells), _kind(row), formula, params,
                 _shape(row["output_shape"])]
        if share:
            cells.append(_bar(row["params"] / total, share == "bar"))
        table.add_row(*cells, style=None if row["params"] else "dim")
    return table


def fitted_table(counted: dict[str, Any], lang: str, width: int) -> tuple[Table | None, int]:
    """The richest layer table whose numbers all fit `width` whole (None if
    none does), and the width the plainest one needs."""
    return first_that_fits([lambda layout=layout: layer_table(counted, lang, layout)
                            for layout in LAYOUTS], width)





def totals(counted: dict[str, Any], lang: str) -> Text:
    agree = counted["agree"]
    verdict = (say("demos.cnn_params.agree", lang) if agree
               else say("demos.cnn_params.disagree", lang))
    return Text.assemble(
        (say("demos.cnn_params.total", lang) + f": {counted['total_params']:,}", "bold"),
        "   " + say("demos.cnn_params.trainable", lang) + f": {counted['trainable_params']:,}\n",
        say("demos.cnn_params.sum_of_formulas", lang) + f" {counted['formula_total']:,}"
        + "  vs  torch sum(p.numel()) " + f"{counted['torch_total']:,}: ",
        (verdict, "bold green" if agree else "bold red"),
    )


def render(result: dict[str, Any], lang: str = "both", step: int | None = None,
           width: int = 100, height: int = 30, color: bool = True) -> RenderableType:
    """The count in `width` columns (the table runs as long as it needs; `step`
    is ignored: nothing animates)."""
    head = say("demos.cnn_params.cnn_parameter_counter", lang)
    if width < MIN_WIDTH:
        return too_narrow(head, MIN_WIDTH, width, lang)
    if result["mode"] == "compare":
        return _render_compare(result, lang, head, width, height)
    what = (ARCH_TITLES.get(result["arch"], result["arch"]) if result["mode"] == "arch"
            else say("demos.cnn_params.custom_stack", lang) + f' "{result["spec"]}"')
    title = Text.assemble((head, "bold"), f": {what}",
                          "   " + say("demos.cnn_params.input", lang)
                          + f" {_shape(result['input'])}")
    table, need = fitted_table(result, lang, width)
    if table is None:
        return too_narrow(head, need, width, lang)
    return Group(title, table, totals(result, lang))


def _render_compare(result: dict[str, Any], lang: str, head: str, width: int, height: int
                    ) -> RenderableType:
    parts: list[RenderableType] = [
        Text.assemble((head, "bold"), ": " + pick(lang, result["title_ko"], result["title_en"])),
        Text(pick(lang, result["lesson_ko"], result["lesson_en"], "\n"), style="italic"),
    ]
    stacks = result["stacks"]
    for letter, stack in zip("ABCD", stacks, strict=False):
        table, need = fitted_table(stack, lang, width)
        if table is None:
            return too_narrow(head, need, width, lang)
        parts += [
            Text(""),
            Text.assemble((f"{letter}. ", "bold"),
                          (pick(lang, stack["label_ko"], stack["label_en"]), "bold"),
                          f"   {stack['spec']}   " + say("demos.cnn_params.input", lang)
                          + f" {_shape(stack['input'])}"),
            table,
            totals(stack, lang),
        ]
    if len(stacks) == 2:
        a, b = stacks[0]["total_params"], stacks[1]["total_params"]
        parts += [Text(""), Text(
            f"B / A = {b:,} / {a:,} = {b / a:.1%}", style="bold")]
    if "channels" in result["facts"]:
        channels = result["facts"]["channels"]
        parts += [Text(""), Text(
            say("demos.cnn_params.channels", lang) + ": " + " -> ".join(map(str, channels[:-1]))
            + "  |" + say("demos.cnn_params.transition", lang) + "| -> " + str(channels[-1]),
            style="bold")]
    return Group(*parts)
