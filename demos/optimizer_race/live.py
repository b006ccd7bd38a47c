"""The race, live (demos.live): pick an optimizer (the `focus`), turn its
learning rate or momentum, step through the race or play it."""

from __future__ import annotations

from typing import Any

from demos.live import Knob, Live, on_grid
from demos.optimizer_race.notice import notice
from demos.optimizer_race.optimizers import DEFAULT_LR, OPTIMIZERS, TUNE_GRID, WITH_MOMENTUM

MOMENTUM_GRID = (0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99)
Values = dict[str, Any]


def lr_of(values: Values, name: str) -> float:
    return (values.get("lr") or {}).get(name, DEFAULT_LR[values["function"]][name])


def momentum_of(values: Values, name: str) -> float | None:
    if name not in WITH_MOMENTUM:
        return None
    return (values.get("momentum") or {}).get(name, OPTIMIZERS[name][1].get("momentum", 0.0))


def turn_lr(values: Values, name: str, direction: int) -> Values:
    lr = on_grid(lr_of(values, name), direction, TUNE_GRID)
    return {**values, "lr": {**(values.get("lr") or {}), name: lr}}


def turn_momentum(values: Values, name: str, direction: int) -> Values | None:
    now = momentum_of(values, name)
    if now is None:
        return None
    turned = on_grid(now, direction, MOMENTUM_GRID)
    return {**values, "momentum": {**(values.get("momentum") or {}), name: turned}}


def _show(value: float | None) -> str | None:
    return None if value is None else f"{value:g}"


def race_steps(result: dict[str, Any]) -> int:
    return result["steps"]


LIVE = Live(
    steps=race_steps,
    play_seconds=5.0,
    subject="focus",
    subjects=lambda values: tuple(values["optimizers"]),
    knobs=(
        Knob("lr", turn_lr, lambda values, name: _show(lr_of(values, name))),
        Knob("momentum", turn_momentum, lambda values, name: _show(momentum_of(values, name))),
    ),
    reuses=True,
    notice=notice,
)
