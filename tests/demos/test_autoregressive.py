"""Autoregressive models: parameter counts against the lecture's formulas,
and every NLL and sampling probability recomputed here from the JSON alone,
with plain Python (no torch, no demo code): the counting models from the
training images, NADE from its published weights."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from demos.params import ParamError
from demos.registry import get_demo
from demos.runner import run_demo

SMALL = {"epochs": 40, "samples": 2}


@pytest.fixture(scope="module")
def result():
    return run_demo("autoregressive", SMALL)


def sigmoid(a: float) -> float:
    return 1 / (1 + math.exp(-a))


def nade_probs(weights, x) -> list[float]:
    """p(x_i = 1 | x_<i) for each i, straight from the NADE formula."""
    w, c, v, b = weights["W"], weights["c"], weights["V"], weights["b"]
    hidden, n = len(c), len(b)
    a = list(c)
    out = []
    for i in range(n):
        h = [sigmoid(a[k]) for k in range(hidden)]
        out.append(sigmoid(b[i] + sum(v[i][k] * h[k] for k in range(hidden))))
        for k in range(hidden):
            a[k] += w[k][i] * x[i]
    return out


def nll_of(probs_per_image, images) -> float:
    total = 0.0
    for probs, x in zip(probs_per_image, images, strict=True):
        total -= sum(math.log(p if xi else 1 - p) for p, xi in zip(probs, x, strict=True))
    return total / len(images)


def by_name(result):
    return {m["name"]: m for m in result["models"]}


def test_parameter_counts_follow_the_formulas(result):
    n, hidden = result["n"], result["nade"]["hidden"]
    models = by_name(result)
    assert models["joint"]["params"] == 2**n - 1
    assert models["independent"]["params"] == n
    assert models["markov"]["params"] == 2 * n - 1
    weights = result["nade"]["weights"]
    size = sum(len(row) if isinstance(row, list) else 1 for t in weights.values() for row in t)
    assert models["nade"]["params"] == size == 2 * n * hidden + n + hidden


def test_nade_nll_is_reproduced_from_its_weights_on_the_held_out_images(result):
    weights, test = result["nade"]["weights"], result["data"]["test"]
    expected = nll_of([nade_probs(weights, x) for x in test], test)
    assert by_name(result)["nade"]["nll"] == pytest.approx(expected, rel=1e-9)


def test_each_sample_probability_is_nades_conditional_at_that_pixel(result):
    weights = result["nade"]["weights"]
    assert len(result["samples"]) == SMALL["samples"]
    for sample in result["samples"]:
        assert sample["probs"] == pytest.approx(nade_probs(weights, sample["pixels"]),
                                                rel=1e-9)


def test_the_joint_table_is_add_one_smoothed_counts(result):
    train, test = result["data"]["train"], result["data"]["test"]
    counts = Counter(tuple(x) for x in train)
    cells = 2 ** result["n"]
    expected = -sum(math.log((counts[tuple(x)] + 1) / (len(train) + cells))
                    for x in test) / len(test)
    assert by_name(result)["joint"]["nll"] == pytest.approx(expected, rel=1e-12)
    assert not any(tuple(x) in counts for x in test)  # held out means never seen


def test_independent_and_markov_models_are_smoothed_counts(result):
    train, test = result["data"]["train"], result["data"]["test"]
    n, total = result["n"], len(train)
    p = [(sum(x[i] for x in train) + 1) / (total + 2) for i in range(n)]
    assert by_name(result)["independent"]["nll"] == pytest.approx(
        nll_of([p] * len(test), test), rel=1e-12)

    def after(i, v):  # p(x_i = 1 | x_{i-1} = v)
        rows = [x for x in train if x[i - 1] == v]
        return (sum(x[i] for x in rows) + 1) / (len(rows) + 2)

    first = (sum(x[0] for x in train) + 1) / (total + 2)
    probs = [[first] + [after(i, x[i - 1]) for i in range(1, n)] for x in test]
    assert by_name(result)["markov"]["nll"] == pytest.approx(nll_of(probs, test), rel=1e-12)


def test_default_run_teaches_the_lesson_nade_generalises_best():
    models = by_name(run_demo("autoregressive", {"samples": 1}))
    assert models["nade"]["nll"] < min(m["nll"] for k, m in models.items() if k != "nade")
    assert models["joint"]["nll_train"] < models["joint"]["nll"]  # the table pays on new data


def test_beyond_4x4_the_joint_has_no_table_but_its_count():
    models = by_name(run_demo("autoregressive", {"size": 5, "epochs": 2, "samples": 1}))
    assert models["joint"]["nll"] is None and models["joint"]["params"] == 2**25 - 1


def test_samples_grow_one_pixel_a_frame():
    from demos.runner import iter_frames

    frames = list(iter_frames("autoregressive", {"epochs": 3, "samples": 1}))
    grown = [len(f.data["samples"][0]["pixels"]) for f in frames if f.data["samples"]]
    assert grown == list(range(1, 17)) + [16]  # each pixel, then the finished frame
    # The sample's pixels are held for an animating face, never dropped.
    assert [f.hold for f in frames if f.data["samples"]] == [True] * 16 + [False]


def test_an_animating_face_sees_every_sample_grow_pixel_by_pixel():
    from demos.runner import iter_frames

    frames = list(iter_frames("autoregressive", {"epochs": 3, "samples": 3}, rate=1000))
    for k in range(3):
        grown = [len(f.data["samples"][k]["pixels"]) for f in frames
                 if len(f.data["samples"]) == k + 1 and not f.finished]
        assert grown == list(range(1, 17)), k


def test_same_seed_gives_the_same_result():
    assert run_demo("autoregressive", SMALL) == run_demo("autoregressive", SMALL)


@pytest.mark.parametrize(("given", "param"), [
    ({"size": 9}, "size"), ({"size": 3}, "size"), ({"hidden": 0}, "hidden"),
    ({"epochs": 0}, "epochs"), ({"samples": 9}, "samples"), ({"lr": 2}, "lr"),
])
def test_bad_parameters_are_refused_naming_the_parameter(given, param):
    with pytest.raises(ParamError) as error:
        get_demo("autoregressive").resolve(given)
    assert error.value.param == param
