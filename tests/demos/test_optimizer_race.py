"""optimizer-race: replays against torch.optim, the JSON contract, divergence."""

from __future__ import annotations

import math

import pytest
import torch

from demos.optimizer_race.compute import run
from demos.optimizer_race.functions import SURFACES
from demos.optimizer_race.optimizers import DEFAULT_LR, OPTIMIZERS
from demos.optimizer_race.tune import best_lr
from demos.registry import get_demo

RUN_KEYS = {"name", "optimizer", "kwargs", "trajectory", "losses", "final_loss", "diverged"}


def replay(function: str, optimizer: str, kwargs: dict, start: list[float], steps: int):
    """The issue's replay recipe, written out independently of compute.py."""
    surface = SURFACES[function]
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, optimizer)([p], **kwargs)
    points, losses = [list(start)], []
    for _ in range(steps):
        opt.zero_grad()
        loss = surface.f(p[0], p[1], cos=torch.cos)
        loss.backward()
        opt.step()
        losses.append(loss.item())
        points.append(p.detach().tolist())
    return points, losses


@pytest.mark.parametrize("name", list(OPTIMIZERS))
@pytest.mark.parametrize("function", ["rosenbrock", "rastrigin"])
def test_replay_with_torch_optim_reproduces_every_optimizers_trajectory(name, function):
    result = run(function=function, optimizers=(name,), steps=60)
    (racer,) = result["runs"]
    assert not racer["diverged"]
    points, losses = replay(function, racer["optimizer"], racer["kwargs"], result["start"], 60)
    assert racer["trajectory"] == points  # bit for bit
    assert racer["losses"][:60] == losses


def test_json_contract_has_every_field_with_steps_plus_one_points():
    result = run(function="beale", steps=25)
    assert {"function", "start", "minimum", "steps", "runs"} <= result.keys()
    assert result["minimum"] == [3.0, 0.5]
    assert [r["name"] for r in result["runs"]] == list(OPTIMIZERS)
    for racer in result["runs"]:
        assert RUN_KEYS <= racer.keys()
        assert len(racer["trajectory"]) == len(racer["losses"]) == 26
        assert racer["final_loss"] == racer["losses"][-1]
        x, y = racer["trajectory"][-1]
        assert racer["final_loss"] == pytest.approx(SURFACES["beale"].value(x, y), rel=1e-12)


def test_kwargs_are_the_exact_constructor_arguments_including_fixed_ones():
    result = run(function="valley", optimizers=("nesterov", "adam"), lr={"adam": 0.05}, steps=3)
    nesterov, adam = result["runs"]
    assert nesterov["optimizer"] == "SGD"
    assert nesterov["kwargs"] == {"lr": DEFAULT_LR["valley"]["nesterov"], "momentum": 0.9,
                                  "nesterov": True}
    assert adam["kwargs"] == {"lr": 0.05}


def test_diverging_optimizer_is_marked_and_keeps_its_finite_path():
    result = run(function="rosenbrock", optimizers=("sgd", "adam"), lr={"sgd": 1.0}, steps=300)
    sgd, adam = result["runs"]
    assert sgd["diverged"] and not adam["diverged"]
    assert 1 < len(sgd["trajectory"]) < 301
    assert len(sgd["losses"]) == len(sgd["trajectory"])
    assert all(math.isfinite(v) for point in sgd["trajectory"] for v in point)
    assert all(math.isfinite(v) for v in sgd["losses"])
    assert len(adam["trajectory"]) == 301


def test_focus_optimizer_runs_first():
    result = run(function="valley", focus="adagrad", steps=5)
    assert [r["name"] for r in result["runs"]][0] == "adagrad"
    assert result["focus"] == "adagrad"


@pytest.mark.parametrize("function", ["rosenbrock", "beale", "rastrigin", "valley"])
def test_default_learning_rates_do_not_diverge_from_the_default_start(function):
    result = run(function=function)
    assert not any(r["diverged"] for r in result["runs"])


def test_default_learning_rates_of_the_valley_are_what_the_tuner_picks():
    assert {name: best_lr("valley", name)[0] for name in OPTIMIZERS} == DEFAULT_LR["valley"]


@pytest.mark.parametrize("function", [n for n, s in SURFACES.items() if s.minimum is not None])
def test_each_surface_takes_its_minimum_value_at_its_minimum(function):
    surface = SURFACES[function]
    x, y = surface.minimum
    assert surface.value(x, y) == pytest.approx(surface.min_value, abs=1e-12)
    for dx, dy in ((1e-3, 0), (0, 1e-3), (-1e-3, 0), (0, -1e-3)):
        assert surface.value(x + dx, y + dy) > surface.min_value


def test_first_step_at_target_is_the_first_loss_within_tolerance():
    result = run(function="valley", optimizers=("adam",), steps=200)
    (adam,) = result["runs"]
    hit = adam["first_step_at_target"]
    assert hit is not None
    assert adam["losses"][hit] <= result["target"] < min(adam["losses"][:hit])


@pytest.mark.parametrize(("given", "param", "fragment"), [
    ({"optimizers": "adam,lbfgs"}, "optimizers", "rmsprop, adam"),
    ({"lr": "adam=0"}, "lr", "from 1e-06 to 10"),
    ({"steps": 5000}, "steps", "from 1 to 2000"),
    ({"function": "himmelblau"}, "function", "rosenbrock, beale"),
    ({"start": "1"}, "start", "two numbers"),
])
def test_bad_parameters_are_rejected_naming_the_parameter(given, param, fragment):
    from demos.params import ParamError

    with pytest.raises(ParamError) as error:
        get_demo("optimizer-race").resolve(given)
    assert error.value.param == param
    assert fragment in str(error.value)
