"""mlp-playground: the JSON's `weights`, loaded into the `layers` it lists,
reproduce its `grid` and `accuracy` with torch; XOR stays unsolved without
an activation and is solved with one; every lesson shown is true of its run."""

from __future__ import annotations

import json

import pytest
import torch
from rich.console import Console

from demos.mlp_playground.lessons import lessons
from demos.runner import iter_frames, render_demo, run_demo, to_json
from tests.demos.refusals import assert_refused

ACTS = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "sigmoid": torch.nn.Sigmoid,
        "none": torch.nn.Identity}
CASES = [{}, {"activation": "none"}, {"dataset": "circles", "activation": "relu", "hidden": "16"},
         {"dataset": "moons", "hidden": "", "steps": 50},
         {"dataset": "spiral", "hidden": "16,16,16", "steps": 150, "seed": 3},
         {"dataset": "linear", "activation": "sigmoid", "noise": 0.0, "points": 40}]
RESULTS: dict[str, dict] = {}


def result_of(params: dict) -> dict:
    key = repr(sorted(params.items()))
    if key not in RESULTS:
        RESULTS[key] = json.loads(to_json(run_demo("mlp-playground", params)))
    return RESULTS[key]


def _replayed(data: dict) -> torch.nn.Sequential:
    layers, modules = data["layers"], []
    for i in range(len(layers) - 1):
        modules.append(torch.nn.Linear(layers[i], layers[i + 1]).double())
        if i + 2 < len(layers):
            modules.append(ACTS[data["activation"]]())
    net = torch.nn.Sequential(*modules)
    net.load_state_dict({k: torch.tensor(v, dtype=torch.float64)
                         for k, v in data["weights"].items()})
    return net


@pytest.mark.parametrize("params", CASES)
def test_weights_loaded_into_the_listed_layers_reproduce_grid_and_accuracy(params):
    data = result_of(params)
    net = _replayed(data)
    xs, ys = (torch.tensor(data["grid"][k], dtype=torch.float64) for k in ("x", "y"))
    with torch.no_grad():
        for i, y in enumerate(ys):
            row = torch.sigmoid(net(torch.stack([xs, y.expand_as(xs)], 1)))[:, 0]
            assert torch.allclose(row, torch.tensor(data["grid"]["p"][i], dtype=torch.float64),
                                  atol=1e-12, rtol=0)
        logits = net(torch.tensor(data["points"], dtype=torch.float64))[:, 0]
    labels = torch.tensor(data["labels"], dtype=torch.float64)
    assert ((logits > 0).double() == labels).double().mean().item() == data["accuracy"]
    assert len(data["losses"]) == data["steps"]
    loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, labels).item()
    assert loss <= data["losses"][0]  # training lowered the loss it reports


def test_xor_is_unsolved_without_an_activation_and_solved_with_one():
    assert 0.4 <= result_of({"activation": "none"})["accuracy"] <= 0.75
    for act in ("tanh", "relu"):
        assert result_of({"activation": act})["accuracy"] >= 0.95


def _straight_line_miss_by_lstsq(grid: dict) -> float:
    xs, ys = (torch.tensor(grid[k], dtype=torch.float64) for k in ("x", "y"))
    yy, xx = torch.meshgrid(ys, xs, indexing="ij")
    sign = torch.where(torch.tensor(grid["p"]) > 0.5, 1.0, -1.0).double().reshape(-1)
    a = torch.stack([xx.reshape(-1), yy.reshape(-1), torch.ones(xx.numel(),
                                                                 dtype=torch.float64)], 1)
    if sign.abs().sum() == abs(sign.sum()):
        return 0.0
    w = torch.linalg.lstsq(a, sign[:, None]).solution
    return ((a @ w)[:, 0] > 0).ne(sign > 0).double().mean().item()


@pytest.mark.parametrize("params", CASES)
def test_each_lesson_shown_is_true_of_its_run(params):
    data = result_of(params)
    linear = data["activation"] == "none" or len(data["layers"]) == 2
    for key, values in lessons(data):
        if key.endswith(".affine"):
            assert linear
            assert _straight_line_miss_by_lstsq(data["grid"]) < 0.03  # a straight boundary
        elif key.endswith(".xor_unsolved"):
            assert data["dataset"] == "xor" and linear and data["accuracy"] < 0.95
        elif key.endswith(".solved"):
            assert not linear and data["accuracy"] >= 0.95
        elif key.endswith(".not_yet"):
            assert data["accuracy"] < 0.95
        elif key.endswith(".bends"):
            miss = _straight_line_miss_by_lstsq(data["grid"])
            assert miss > 0.03 and float(values["pct"]) == pytest.approx(100 * miss, abs=0.6)
        elif key.endswith(".capacity"):
            assert values["total"] == sum(p.numel() for p in _replayed(data).parameters())
        else:
            pytest.fail(f"unchecked lesson {key}")


def test_training_is_handed_out_in_frames_with_falling_loss():
    frames = list(iter_frames("mlp-playground", {"steps": 120}))
    assert frames[0].step == 0 and frames[-1].finished and len(frames) > 10
    assert [f.step for f in frames] == sorted(f.step for f in frames)
    assert frames[-1].data["losses"][-1] < frames[1].data["losses"][0]


def test_the_picture_shows_the_parameter_formula_per_layer():
    data = result_of({})
    console = Console(record=True, width=100, color_system=None, file=open("/dev/null", "w"))
    console.print(render_demo("mlp-playground", data, lang="en", width=100, height=30))
    text = console.export_text()
    for line in ("Linear1 2→8: 2·8 + 8 = 24", "Linear2 8→8: 8·8 + 8 = 72",
                 "Linear3 8→1: 8·1 + 1 = 9", "total 105"):
        assert line in text


@pytest.mark.parametrize(("argv", "fragment"), [
    (["--dataset", "mnist"], "dataset: unknown value 'mnist': one of xor, circles"),
    (["--hidden", "8,x"], "hidden: 'x' is not a layer size"),
    (["--hidden", "8,8,8,8,8"], "hidden: has 5 layers: at most 4"),
    (["--hidden", "65"], "hidden: '65' is not a layer size: whole numbers from 1 to 64"),
    (["--lr", "5"], "lr: 5 is out of range: a number from 1e-05 to 1"),
    (["--steps", "0"], "steps: 0 is out of range: a number from 1 to 3000"),
    (["--activation", "gelu"], "activation: unknown value 'gelu'"),
])
def test_bad_parameters_exit_2_with_one_line_naming_the_parameter(argv, fragment, capsys):
    assert_refused(["mlp-playground", *argv], fragment, capsys)


@pytest.mark.parametrize("size", [(80, 24), (120, 30)])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_render_matches_its_snapshot(size, lang, snapshot):
    width, height = size
    data = result_of({"activation": "none"})
    console = Console(record=True, width=width, color_system=None, file=open("/dev/null", "w"))
    console.print(render_demo("mlp-playground", data, lang=lang, width=width, height=height,
                              color=False))
    assert console.export_text() == snapshot
