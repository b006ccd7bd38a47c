"""The race, live: its "what to notice" is true of the run it describes, the
default runs give a finish, a knob recomputes only the optimizer it turns,
and momentum is a parameter like the learning rate."""

from __future__ import annotations

import math

import pytest

from demos.frames import finished
from demos.live import on_grid
from demos.optimizer_race.compute import frames, run
from demos.optimizer_race.functions import SURFACES
from demos.optimizer_race.live import LIVE, turn_lr, turn_momentum
from demos.optimizer_race.notice import facts, notice
from demos.registry import get_demo


@pytest.fixture(scope="module")
def races():
    return {f: run(function=f) for f in SURFACES}


def gradient(function: str, x: float, y: float, h: float = 1e-6) -> float:
    f = SURFACES[function].value
    return math.hypot((f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h))


@pytest.mark.parametrize("function", ["rosenbrock", "beale"])
def test_the_defaults_reach_the_tolerance_within_the_default_steps(races, function):
    race = races[function]
    reached = [r["name"] for r in race["runs"] if r["first_step_at_target"] is not None]
    assert len(reached) >= 2, reached
    assert all(r["first_step_at_target"] <= race["steps"] for r in race["runs"]
               if r["first_step_at_target"] is not None)
    # and the notice names them, with the step each arrived at
    text = notice(race, None, "en")
    for r in race["runs"]:
        if r["first_step_at_target"] is not None:
            assert f"{r['name']} (step {r['first_step_at_target']})" in text


def local_minimum_below(function: str, x: float, y: float) -> tuple[float, float]:
    """Where plain small-step descent from (x, y) settles: the minimum whose basin holds it."""
    for _ in range(20_000):
        if gradient(function, x, y) < 1e-6:
            break
        f, h = SURFACES[function].value, 1e-6
        gx = (f(x + h, y) - f(x - h, y)) / (2 * h)
        gy = (f(x, y + h) - f(x, y - h)) / (2 * h)
        x, y = x - 1e-3 * gx, y - 1e-3 * gy
    return x, y


def test_on_rastrigin_every_optimizer_ends_trapped_at_a_local_minimum_as_the_notice_says(races):
    race = races["rastrigin"]
    for r in race["runs"]:
        minimum = local_minimum_below("rastrigin", *r["trajectory"][-1])
        assert math.hypot(*minimum) > 0.5, r["name"]  # a local minimum, not (0,0)
        # the last 20 points all lie close around it: trapped (settled or bouncing)
        assert all(math.dist(p, minimum) < 0.6 for p in r["trajectory"][-20:]), r["name"]
    assert "every optimizer ends trapped around a local minimum" in notice(race, None, "en")
    assert "모든 옵티마이저가" in notice(race, None, "ko")


def test_on_the_saddle_the_notice_names_who_escapes_and_who_diverges(races):
    race = races["saddle"]
    text = notice(race, None, "en")
    escaped = [r["name"] for r in race["runs"]
               if not r["diverged"] and min(r["losses"]) <= race["target"]]
    diverged = [r["name"] for r in race["runs"] if r["diverged"]]
    assert escaped and diverged  # the default run shows both
    escaped_part = text.split("escaped")[1].split(";")[0]
    diverged_part = text.split("diverged:")[1].split(";")[0]
    assert sorted(n for n in escaped if n in escaped_part) == sorted(escaped)
    assert sorted(n for n in diverged if n in diverged_part) == sorted(diverged)
    assert not any(n in diverged_part for n in escaped)


def test_the_notice_is_of_the_step_shown(races):
    race = races["beale"]
    first = min(r["first_step_at_target"] for r in race["runs"]
                if r["first_step_at_target"] is not None)
    assert facts(race, first - 1)["reached"] == []
    assert facts(race, first)["reached"] != []
    assert "nobody" in notice(race, first - 1, "en")


def test_a_knob_recomputes_only_the_optimizer_it_turns():
    base = finished(frames(function="beale", steps=50)).data
    values = {"function": "beale", "optimizers": tuple(r["name"] for r in base["runs"]),
              "lr": {}, "momentum": {}, "start": None, "steps": 50, "focus": None}
    turned = turn_lr(values, "adam", +1)
    assert turned["lr"] == {"adam": 1.0}  # 0.5 -> the next grid value
    again = finished(frames(**{**turned, "focus": "adam"}, previous=base)).data
    by_name = {r["name"]: r for r in again["runs"]}
    assert again["runs"][0]["name"] == "adam"
    assert by_name["adam"]["kwargs"]["lr"] == 1.0
    fresh = finished(frames(function="beale", steps=50, lr={"adam": 1.0})).data
    assert by_name["adam"]["trajectory"] == next(
        r for r in fresh["runs"] if r["name"] == "adam")["trajectory"]
    for r in base["runs"]:
        if r["name"] != "adam":
            assert by_name[r["name"]] is r  # taken as it was, not run again


def test_momentum_turns_for_the_optimizers_that_have_one():
    values = {"function": "rosenbrock", "lr": {}, "momentum": {}}
    assert turn_momentum(values, "adam", +1) is None
    assert turn_momentum(values, "momentum", +1)["momentum"] == {"momentum": 0.95}
    assert turn_momentum(values, "sgd", -1)["momentum"] == {"sgd": 0.0}
    # nesterov at momentum 0 is plain SGD, built as SGD (torch refuses nesterov=True there)
    race = finished(frames(function="beale", steps=5, optimizers=("nesterov",),
                           momentum={"nesterov": 0.0})).data
    assert race["runs"][0]["kwargs"] == {"lr": 5e-3, "momentum": 0.0}


def test_the_race_declares_its_knobs_and_steps():
    spec = get_demo("optimizer-race")
    assert spec.live == "demos.optimizer_race.live:LIVE"
    assert [k.name for k in LIVE.knobs] == ["lr", "momentum"]
    assert LIVE.subject == "focus" and LIVE.reuses


def test_grid_steps_stop_at_the_ends():
    grid = (0.1, 0.2, 0.5)
    assert on_grid(0.2, +1, grid) == 0.5 and on_grid(0.5, +1, grid) == 0.5
    assert on_grid(0.3, -1, grid) == 0.2 and on_grid(0.1, -1, grid) == 0.1
