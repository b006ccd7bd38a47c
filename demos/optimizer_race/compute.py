"""Optimizer race: torch.optim optimizers descending a 2-D surface.

Every runner does exactly `opt.zero_grad(); loss = f(p); loss.backward();
opt.step()` on a float64 tensor of shape (2,), with no clipping, so anyone
replaying `getattr(torch.optim, optimizer)([p], **kwargs)` gets the same
trajectory, bit for bit.
"""

from __future__ import annotations

import math
from typing import Any

import torch

from demos.optimizer_race.functions import SURFACES, Surface
from demos.optimizer_race.optimizers import DEFAULT_LR, OPTIMIZERS, constructor_kwargs

# A runner that leaves this box (|x| or |y| beyond it) is marked diverged:
# it is a hundred times past every plotted region, where all the surfaces
# but the saddle only grow, and the saddle is unbounded below anyway.
DIVERGE_RADIUS = 1e3


def loss_fn(surface: Surface):
    """The surface as a function of a (2,) tensor, differentiable by autograd."""

    def f(p: torch.Tensor) -> torch.Tensor:
        return surface.f(p[0], p[1], cos=torch.cos)

    return f


def race_one(
    surface: Surface, optimizer: str, kwargs: dict[str, Any], start: tuple[float, float],
    steps: int,
) -> dict[str, Any]:
    """One runner: its trajectory and losses until `steps` or divergence.

    `losses[i]` is the loss at `trajectory[i]`; both stop at the last finite
    point when the runner diverges.
    """
    f = loss_fn(surface)
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, optimizer)([p], **kwargs)
    trajectory: list[list[float]] = [[float(start[0]), float(start[1])]]
    losses: list[float] = []
    for _ in range(steps):
        opt.zero_grad()
        loss = f(p)
        loss.backward()
        opt.step()
        value = loss.item()
        if not math.isfinite(value):
            trajectory.pop()
            return _runner(trajectory, losses, diverged=True)
        losses.append(value)
        point = p.detach().tolist()
        if not all(math.isfinite(v) for v in point):
            return _runner(trajectory, losses, diverged=True)
        trajectory.append(point)
        if max(abs(v) for v in point) > DIVERGE_RADIUS:
            break
    with torch.no_grad():
        value = f(p).item()
    if math.isfinite(value):
        losses.append(value)
    else:
        trajectory.pop()
    diverged = max(abs(v) for v in trajectory[-1]) > DIVERGE_RADIUS or len(losses) < steps + 1
    return _runner(trajectory, losses, diverged=diverged)


def _runner(trajectory: list[list[float]], losses: list[float], diverged: bool) -> dict:
    return {"trajectory": trajectory, "losses": losses, "diverged": diverged}


def first_hit(losses: list[float], target: float) -> int | None:
    return next((i for i, v in enumerate(losses) if v <= target), None)


def run(
    function: str = "rosenbrock",
    optimizers: tuple[str, ...] = tuple(OPTIMIZERS),
    lr: dict[str, float] | None = None,
    start: tuple[float, float] | None = None,
    steps: int = 300,
    focus: str | None = None,
) -> dict[str, Any]:
    surface = SURFACES[function]
    start = tuple(start) if start is not None else surface.start
    lr = lr or {}
    names = list(dict.fromkeys(optimizers))
    if focus is not None:
        names = [focus] + [n for n in names if n != focus]
    runs = []
    for name in names:
        kwargs = constructor_kwargs(name, lr.get(name, DEFAULT_LR[function][name]))
        cls = OPTIMIZERS[name][0]
        result = race_one(surface, cls, kwargs, start, steps)
        losses = result["losses"]
        final = result["trajectory"][-1]
        runs.append({
            "name": name,
            "optimizer": cls,
            "kwargs": kwargs,
            **result,
            "final_loss": losses[-1] if losses else None,
            "distance_to_minimum": (
                math.dist(final, surface.minimum) if surface.minimum is not None else None
            ),
            "first_step_at_target": first_hit(losses, surface.target),
        })
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
