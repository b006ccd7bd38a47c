"""convolution: the output equals F.conv2d / F.conv_transpose2d on the JSON's
own tensors, the multiply-add the picture writes out adds up (by hand) to
torch's number for that cell, and every lesson shown is true of its run."""

from __future__ import annotations

import json
import re

import pytest
import torch
import torch.nn.functional as F
from rich.console import Console

from demos.convolution.lessons import lessons
from demos.runner import render_demo, run_demo, to_json
from tests.demos.refusals import assert_refused

CASES = [
    {},
    {"kernel": "blur", "padding": 1, "pattern": "seven"},
    {"kernel": "edge-h", "stride": 2, "padding": 1, "size": 11, "pattern": "ring"},
    {"kernel": "sharpen", "dilation": 2, "pattern": "noise", "seed": 5, "size": 12},
    {"input": "1 2; 3 4", "kernel": "1 1; 1 1", "stride": 2, "transposed": True},
    {"input": "1 -2 3; 0 5 1", "kernel": "1 0 -1; 2 1 0", "stride": 2, "padding": 1,
     "dilation": 2, "transposed": True},
    {"input": "3 1 4 1 5; 9 2 6 5 3; 5 8 9 7 9", "kernel": "2 -1; 0 3", "padding": 2,
     "stride": 3},
    {"input": "1 2 3; 4 5 6; 7 8 9", "kernel": "1 1; 1 1", "transposed": True, "stride": 3,
     "padding": 3},
]


def _text(renderable, width: int = 120) -> str:
    console = Console(record=True, width=width, color_system=None, file=open("/dev/null", "w"))
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize("params", CASES)
def test_json_replays_with_torch_to_the_same_output(params):
    data = json.loads(to_json(run_demo("convolution", params)))
    x = torch.tensor(data["input"], dtype=torch.float64)[None, None]
    w = torch.tensor(data["kernel"], dtype=torch.float64)[None, None]
    op = F.conv_transpose2d if data["transposed"] else F.conv2d
    expected = op(x, w, stride=data["stride"], padding=data["padding"],
                  dilation=data["dilation"])[0, 0]
    assert list(expected.shape) == data["output_shape"]
    assert torch.allclose(torch.tensor(data["output"], dtype=torch.float64), expected,
                          atol=1e-12, rtol=0)


@pytest.mark.parametrize("params", [p for p in CASES if "blur" not in p.values()])
def test_the_multiply_add_shown_adds_up_to_torchs_value_for_that_cell(params):
    # Integer kernels and inputs: the written-out numbers are exact, so the
    # sum of the products read off the screen must equal torch's output.
    result = run_demo("convolution", params)
    text = _text(render_demo("convolution", result, lang="en", width=160))
    line = next(ln for ln in text.splitlines() if ln.startswith("out["))
    r, c = map(int, re.match(r"out\[(\d+),(\d+)\]", line).groups())
    products = re.findall(r"(-?[\d.]+)·\(?(-?[\d.]+)\)?", line.split(":", 1)[1])
    by_hand = sum(float(a) * float(b) for a, b in products)
    x = torch.tensor(result["input"], dtype=torch.float64)[None, None]
    w = torch.tensor(result["kernel"], dtype=torch.float64)[None, None]
    op = F.conv_transpose2d if result["transposed"] else F.conv2d
    torch_value = op(x, w, stride=result["stride"], padding=result["padding"],
                     dilation=result["dilation"])[0, 0, r, c].item()
    assert by_hand == pytest.approx(torch_value, abs=1e-9)
    assert line.rstrip().endswith(f"= {torch_value:g}")


def test_every_output_cell_is_the_sum_of_its_terms():
    from demos.convolution.compute import terms

    for params in CASES:
        result = run_demo("convolution", params)
        for oy, row in enumerate(result["output"]):
            for ox, value in enumerate(row):
                ts = terms(result["input"], result["kernel"], oy, ox, result["stride"],
                           result["padding"], result["dilation"], result["transposed"])
                assert sum(t["x"] * t["w"] for t in ts) == pytest.approx(value, abs=1e-9)


def test_transposed_stride_2_turns_2x2_into_4x4():
    result = run_demo("convolution", {"input": "1 2; 3 4", "kernel": "1 1; 1 1",
                                      "stride": 2, "transposed": True})
    assert result["output"] == [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]]


def test_receptive_field_matches_the_gradient_of_a_torch_stack():
    result = run_demo("convolution", {"stack": "3x3,3x3s2,pool,5x5"})
    x = torch.zeros(1, 1, 64, 64, requires_grad=True)
    y = x
    for layer in result["stack"]:
        k, s = layer["kernel"], layer["stride"]
        y = (F.avg_pool2d(y, k, s) if layer["name"] == "pool"
             else F.conv2d(y, torch.ones(1, 1, k, k), stride=s))
    y[0, 0, 0, 0].backward()
    seen = (x.grad[0, 0] != 0).nonzero()
    side = int(seen[:, 0].max() - seen[:, 0].min() + 1)
    assert side == result["stack"][-1]["field"]


@pytest.mark.parametrize("params", CASES + [{"stack": "3x3,3x3,pool"}])
def test_each_lesson_shown_is_true_of_its_run(params):
    result = run_demo("convolution", params)
    shown = dict(lessons(result))
    total = sum(map(sum, result["kernel"]))
    (h, w), (oh, ow) = result["input_shape"], result["output_shape"]
    if "demos.convolution.lesson.sum_zero" in shown:
        assert total == pytest.approx(0)
        flat = run_demo("convolution", {**params, "input": "1 1 1 1 1 1 1; " * 6 + "1 1 1 1 1 1 1",
                                        "padding": 0, "transposed": False})
        assert all(abs(v) < 1e-9 for row in flat["output"] for v in row)
    if "demos.convolution.lesson.sum_one" in shown:
        assert total == pytest.approx(1)
    if "demos.convolution.lesson.same" in shown:
        assert (oh, ow) == (h, w)
    if "demos.convolution.lesson.shrinks" in shown:
        assert oh < h and ow < w
    if "demos.convolution.lesson.transposed" in shown:
        assert oh > h and ow > w
    if "demos.convolution.lesson.stride" in shown:
        s = result["stride"]
        assert oh <= -(-(h + 2 * result["padding"]) // s)
    if "demos.convolution.lesson.field" in shown:
        assert shown["demos.convolution.lesson.field"]["r"] == result["stack"][-1]["field"]


@pytest.mark.parametrize(("argv", "fragment"), [
    (["--size", "17"], "size: 17 is out of range: a number from 3 to 16"),
    (["--stride", "0"], "stride: 0 is out of range"),
    (["--kernel", "gauss"], "kernel: unknown kernel 'gauss'"),
    (["--kernel", "1 2; 3"], "kernel: rows have different lengths"),
    (["--input", "1 x; 2 3"], "input: row 1, column 2: 'x' is not a number"),
    (["--input", "1 2; 3 4", "--kernel", "edge-v"], "kernel: leaves no output"),
    (["--stack", "3x3,conv"], "stack: 'conv' is not a layer"),
    (["--input", "; ".join(["1 " * 17] * 2)], "input: is 2x17: at most 16x16"),
])
def test_bad_parameters_exit_2_with_one_line_naming_the_parameter(argv, fragment, capsys):
    assert_refused(["convolution", *argv], fragment, capsys)


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_render_matches_its_snapshot(width, lang, snapshot):
    result = run_demo("convolution", {"stack": "3x3,3x3,pool", "padding": 1})
    assert _text(render_demo("convolution", result, lang=lang, width=width,
                             color=False), width) == snapshot


def test_the_cell_asked_for_is_the_one_written_out():
    result = run_demo("convolution", {"cell": "0,5"})
    assert result["focus"] == [0, 5]
    text = _text(render_demo("convolution", result, lang="en", width=120))
    assert "out[0,5]: " in text


@pytest.mark.parametrize("cell", ["6,0", "0,-1", "a,b", "1"])
def test_a_cell_outside_the_output_is_refused_with_its_range(cell, capsys):
    assert_refused(["convolution", "--cell", cell], "is not an output cell: row,col with row "
                   "from 0 to 5 and col from 0 to 5", capsys)


def test_dilation_lesson_names_both_sides_of_a_non_square_kernel():
    result = run_demo("convolution", {"kernel": "1 0 -1; 2 0 -2", "dilation": 2, "size": 12})
    values = dict(lessons(result))["demos.convolution.lesson.dilation"]
    assert (values["sh"], values["sw"]) == (3, 5)
    kh, kw = len(result["kernel"]), len(result["kernel"][0])
    assert (result["input_shape"][0] - result["output_shape"][0],
            result["input_shape"][1] - result["output_shape"][1]) == (2 * (kh - 1), 2 * (kw - 1))
