"""Optimizer race: torch.optim optimizers descending a 2-D surface.

Every runner does exactly `opt.zero_grad(); loss = f(p); loss.backward();
opt.step()` on a float64 tensor of shape (2,), with no clipping, so anyone
replaying `getattr(torch.optim, optimizer)([p], **kwargs)` gets the same
trajectory, bit for bit.

The runners advance in lockstep, one step each, so `frames` can hand out the
race as it stands every few steps (see demos.frames). Its first frame (the
surface and the start) is made before torch is imported: a face can draw it
at once while torch loads.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from demos.frames import Frame, finished, use_torch
from demos.optimizer_race.functions import SURFACES, Surface
from demos.optimizer_race.optimizers import DEFAULT_LR, OPTIMIZERS, constructor_kwargs

# A runner that leaves this box (|x| or |y| beyond it) is marked diverged:
# it is a hundred times past every plotted region, where all the surfaces
# but the saddle only grow, and the saddle is unbounded below anyway.
DIVERGE_RADIUS = 1e3
FRAMES = 60  # frames a race is handed out in, whatever its step count


def loss_fn(surface: Surface, torch):
    """The surface as a function of a (2,) tensor, differentiable by autograd."""

    def f(p):
        return surface.f(p[0], p[1], cos=torch.cos)

    return f


class Runner:
    """One optimizer on the surface. `losses[i]` is the loss at `trajectory[i]`;
    both stop at the last finite point when the runner diverges."""

    def __init__(self, surface: Surface, optimizer: str, kwargs: dict[str, Any],
                 start: tuple[float, float]) -> None:
        torch = use_torch()
        self.torch = torch
        self.f = loss_fn(surface, torch)
        self.p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
        self.opt = getattr(torch.optim, optimizer)([self.p], **kwargs)
        self.trajectory: list[list[float]] = [[float(start[0]), float(start[1])]]
        self.losses: list[float] = []
        self.stopped = False  # left the box: no more steps
        self.blew_up = False  # a loss or a point stopped being finite

    def step(self) -> None:
        if self.stopped or self.blew_up:
            return
        self.opt.zero_grad()
        loss = self.f(self.p)
        loss.backward()
        self.opt.step()
        value = loss.item()
        if not math.isfinite(value):
            self.trajectory.pop()
            self.blew_up = True
            return
        self.losses.append(value)
        point = self.p.detach().tolist()
        if not all(math.isfinite(v) for v in point):
            self.blew_up = True
            return
        self.trajectory.append(point)
        if max(abs(v) for v in point) > DIVERGE_RADIUS:
            self.stopped = True

    def so_far(self) -> dict[str, Any]:
        """The path up to the last point whose loss is known (for a frame)."""
        n = max(1, len(self.losses))
        return _runner(self.trajectory[:n], list(self.losses), diverged=self.blew_up)

    def finish(self, steps: int) -> dict[str, Any]:
        if self.blew_up:
            return _runner(self.trajectory, self.losses, diverged=True)
        with self.torch.no_grad():
            value = self.f(self.p).item()
        if math.isfinite(value):
            self.losses.append(value)
        else:
            self.trajectory.pop()
        diverged = (max(abs(v) for v in self.trajectory[-1]) > DIVERGE_RADIUS
                    or len(self.losses) < steps + 1)
        return _runner(self.trajectory, self.losses, diverged=diverged)


def race_one(surface: Surface, optimizer: str, kwargs: dict[str, Any],
             start: tuple[float, float], steps: int) -> dict[str, Any]:
    """One runner alone: its trajectory and losses until `steps` or divergence."""
    runner = Runner(surface, optimizer, kwargs, start)
    for _ in range(steps):
        runner.step()
    return runner.finish(steps)


def _runner(trajectory: list[list[float]], losses: list[float], diverged: bool) -> dict:
    return {"trajectory": trajectory, "losses": losses, "diverged": diverged}


def first_hit(losses: list[float], target: float) -> int | None:
    return next((i for i, v in enumerate(losses) if v <= target), None)


def _entry(surface: Surface, name: str, kwargs: dict[str, Any], run: dict) -> dict[str, Any]:
    losses, final = run["losses"], run["trajectory"][-1]
    return {
        "name": name,
        "optimizer": OPTIMIZERS[name][0],
        "kwargs": kwargs,
        **run,
        "final_loss": losses[-1] if losses else None,
        "distance_to_minimum": (
            math.dist(final, surface.minimum) if surface.minimum is not None else None),
        "first_step_at_target": first_hit(losses, surface.target),
    }


def frames(
    function: str = "rosenbrock",
    optimizers: tuple[str, ...] = tuple(OPTIMIZERS),
    lr: dict[str, float] | None = None,
    start: tuple[float, float] | None = None,
    steps: int | None = None,
    focus: str | None = None,
    momentum: dict[str, float] | None = None,
    previous: dict[str, Any] | None = None,
) -> Iterator[Frame]:
    """The race, a frame every few steps. With `previous` (an earlier finished
    race), runners built exactly as there are taken from it and only the
    others run: a knob turned on one optimizer costs that optimizer alone."""
    surface = SURFACES[function]
    start = tuple(start) if start is not None else surface.start
    steps = steps if steps is not None else surface.steps
    lr, momentum = lr or {}, momentum or {}
    names = list(dict.fromkeys(optimizers))
    if focus is not None:
        names = [focus] + [n for n in names if n != focus]
    kwargs = {n: constructor_kwargs(n, lr.get(n, DEFAULT_LR[function][n]), momentum.get(n))
              for n in names}

    def result(runs: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "demo": "optimizer-race",
            "function": function,
            "formula": surface.formula,
            "start": list(start),
            "minimum": list(surface.minimum) if surface.minimum is not None else None,
            "min_value": surface.min_value,
            "target": surface.target,
            "steps": steps,
            "focus": focus,
            "runs": runs,
        }

    reusable = _reusable(previous, function, start, steps)
    if previous is not None and reusable is not None:
        runs = [reusable[n] if n in reusable and reusable[n]["kwargs"] == kwargs[n]
                else _entry(surface, n, kwargs[n],
                            race_one(surface, OPTIMIZERS[n][0], kwargs[n], start, steps))
                for n in names]
        yield Frame(result(runs), steps, steps, finished=True)
        return
    # Step 0 needs no torch: every runner at the start, its loss in plain Python.
    at_start = _runner([list(start)], [surface.value(*start)], diverged=False)
    yield Frame(result([_entry(surface, n, kwargs[n], at_start) for n in names]), 0, steps)
    runners = {n: Runner(surface, OPTIMIZERS[n][0], kwargs[n], start) for n in names}
    every = max(1, steps // FRAMES)
    for step in range(1, steps + 1):
        for runner in runners.values():
            runner.step()
        if step % every == 0 and step < steps:
            yield Frame(result([_entry(surface, n, kwargs[n], r.so_far())
                                for n, r in runners.items()]), step, steps)
    done = [_entry(surface, n, kwargs[n], r.finish(steps)) for n, r in runners.items()]
    yield Frame(result(done), steps, steps, finished=True)


def _reusable(previous: dict[str, Any] | None, function: str, start: tuple[float, float],
              steps: int) -> dict[str, dict[str, Any]] | None:
    """The runs of `previous` by name, when it raced the same surface from the
    same start for as many steps; else None."""
    if (previous is None or previous.get("demo") != "optimizer-race"
            or previous.get("function") != function or previous.get("steps") != steps
            or list(previous.get("start", ())) != list(start)):
        return None
    return {run["name"]: run for run in previous["runs"]}


def run(**params: Any) -> dict[str, Any]:
    """The whole race (the finished frame's data)."""
    return finished(frames(**params)).data
