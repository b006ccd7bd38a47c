"""lstm: the gates and states the picture shows, recomputed from the JSON's
`weights` with the equations of PyTorch's documentation, equal the module's
output; the gradient norms replay with torch (relative tolerance: they span
many orders of magnitude); every lesson shown is true of its run."""

from __future__ import annotations

import json
import re

import pytest
import torch
from rich.console import Console

from demos.lstm.lessons import lessons, reach
from demos.runner import render_demo, run_demo, to_json
from tests.demos.refusals import assert_refused

MODULES = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}
CASES = [{"cell": "lstm"}, {"cell": "gru", "hidden": 3, "sequence": "2 -1 0.5 0 1 3"},
         {"cell": "rnn", "hidden": 5}, {"cell": "lstm", "sentence": "나는 오늘 나는 배운다",
                                        "features": 2, "seed": 7, "length": 30}]


def _t(x) -> torch.Tensor:
    return torch.tensor(x, dtype=torch.float64)


def _module(cell: str, weights: dict) -> torch.nn.Module:
    features = len(weights["weight_ih_l0"][0])
    hidden = len(weights["weight_hh_l0"][0])
    module = MODULES[cell](features, hidden, batch_first=True).double()
    module.load_state_dict({k: _t(v) for k, v in weights.items()})
    return module


def _by_the_book(cell: str, w: dict, xs: torch.Tensor) -> list[dict]:
    """PyTorch's documented equations, written out independently of the demo."""
    W_ih, W_hh, b_ih, b_hh = (_t(w[k]) for k in ("weight_ih_l0", "weight_hh_l0",
                                                   "bias_ih_l0", "bias_hh_l0"))
    n = W_hh.shape[1]
    h, c, out = torch.zeros(n, dtype=torch.float64), torch.zeros(n, dtype=torch.float64), []
    for x in xs:
        if cell == "rnn":
            h = torch.tanh(W_ih @ x + b_ih + W_hh @ h + b_hh)
            out.append({"h": h})
        elif cell == "lstm":
            z = W_ih @ x + b_ih + W_hh @ h + b_hh
            i, f, g, o = (torch.sigmoid(z[:n]), torch.sigmoid(z[n:2 * n]),
                          torch.tanh(z[2 * n:3 * n]), torch.sigmoid(z[3 * n:]))
            c = f * c + i * g
            h = o * torch.tanh(c)
            out.append({"i": i, "f": f, "g": g, "o": o, "c": c, "h": h})
        else:
            gi, gh = W_ih @ x + b_ih, W_hh @ h + b_hh
            r = torch.sigmoid(gi[:n] + gh[:n])
            z = torch.sigmoid(gi[n:2 * n] + gh[n:2 * n])
            nn_ = torch.tanh(gi[2 * n:] + r * gh[2 * n:])
            h = (1 - z) * nn_ + z * h
            out.append({"r": r, "z": z, "n": nn_, "h": h})
    return out


@pytest.mark.parametrize("params", CASES)
def test_gates_and_states_match_the_documented_equations_and_the_module(params):
    data = json.loads(to_json(run_demo("lstm", params)))
    xs = _t(data["inputs"])
    expected = _by_the_book(data["cell"], data["weights"], xs)
    with torch.no_grad():
        module_h = _module(data["cell"], data["weights"])(xs[None])[0][0]
    for t, (step, book) in enumerate(zip(data["steps"], expected, strict=True)):
        assert set(step) - {"h_from_gates"} == set(book)
        for name, values in book.items():
            assert torch.allclose(_t(step[name]), values, atol=1e-9, rtol=0), (t, name)
        assert torch.allclose(_t(step["h"]), module_h[t], atol=1e-6, rtol=0)


@pytest.mark.parametrize("params", [CASES[0], CASES[3]])
def test_gradient_norms_replay_with_torch(params):
    data = json.loads(to_json(run_demo("lstm", params)))
    xs = _t(data["grad_inputs"])
    for cell, norms in data["grad_norms"].items():
        module = _module(cell, data["grad_weights"][cell])
        jac = torch.autograd.functional.jacobian(lambda x, m=module: m(x[None])[0][0, -1], xs)
        expected = jac.pow(2).sum(dim=(0, 2)).sqrt()  # ||d h_T / d x_t||_F per t
        assert len(norms) == data["length"]
        assert torch.allclose(_t(norms), expected, rtol=1e-5, atol=0), cell


def test_the_picture_shows_the_gate_values_it_computed():
    result = run_demo("lstm", {"cell": "gru", "hidden": 2})
    console = Console(record=True, width=100, color_system=None, file=open("/dev/null", "w"))
    console.print(render_demo("lstm", result, lang="en", width=100))
    text = console.export_text()
    for step in result["steps"]:
        for name in ("r", "z", "n", "h"):
            shown = "  ".join(f"{v:6.3f}" for v in step[name]).split()
            assert re.search(rf"^\s+{name}\s+" + r"\s+".join(map(re.escape, shown)) + r"\s*$",
                             text, flags=re.M), (name, shown)


@pytest.mark.parametrize("params", CASES)
def test_each_lesson_shown_is_true_of_its_run(params):
    result = run_demo("lstm", params)
    for key, values in lessons(result):
        if key.endswith(".forget"):
            fs = [v for s in result["steps"] for v in s["f"]]
            assert float(values["f"]) == pytest.approx(sum(fs) / len(fs), abs=0.005)
        elif key.endswith(".update"):
            zs = [v for s in result["steps"] for v in s["z"]]
            assert float(values["z"]) == pytest.approx(sum(zs) / len(zs), abs=0.005)
        elif key.endswith(".reach"):
            norms = result["grad_norms"][values["cell"]]
            assert float(values["ratio"]) == pytest.approx(norms[0] / norms[-1], rel=0.06)
        elif key.endswith(".further"):
            cell = values["cell"].lower()
            assert reach(result["grad_norms"][cell]) > reach(result["grad_norms"]["rnn"])
        else:
            pytest.fail(f"unchecked lesson {key}")


def test_the_plain_rnn_vanishes_fastest_by_default():
    norms = run_demo("lstm", {})["grad_norms"]
    assert reach(norms["rnn"]) < reach(norms["lstm"]) and reach(norms["rnn"]) < reach(norms["gru"])


@pytest.mark.parametrize(("argv", "fragment"), [
    (["--cell", "transformer"], "cell: unknown value 'transformer': one of rnn, lstm, gru"),
    (["--hidden", "17"], "hidden: 17 is out of range: a number from 1 to 16"),
    (["--sequence", "1 two 3"], "sequence: item 2: 'two' is not a number"),
    (["--sequence", "1 2", "--sentence", "a b"], "sentence: give a sequence or a sentence"),
    (["--sequence", " ".join(["1"] * 17)], "sequence: has 17 numbers: give 1 to 16"),
    (["--length", "5"], "length: 5 is out of range: a number from 10 to 200"),
])
def test_bad_parameters_exit_2_with_one_line_naming_the_parameter(argv, fragment, capsys):
    assert_refused(["lstm", *argv], fragment, capsys)


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_render_matches_its_snapshot(width, lang, snapshot):
    result = run_demo("lstm", {"cell": "gru", "hidden": 3, "sequence": "1 -1 2"})
    console = Console(record=True, width=width, color_system=None, file=open("/dev/null", "w"))
    console.print(render_demo("lstm", result, lang=lang, width=width, height=24, color=False))
    assert console.export_text() == snapshot
