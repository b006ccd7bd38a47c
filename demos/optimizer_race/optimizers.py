"""The racers: which torch.optim class each name means, with which fixed
arguments, and the tuned default learning rates. Pure Python, no torch.
"""

from __future__ import annotations

from typing import Any

# name -> (torch.optim class name, constructor arguments besides lr)
OPTIMIZERS: dict[str, tuple[str, dict[str, Any]]] = {
    "sgd": ("SGD", {}),
    "momentum": ("SGD", {"momentum": 0.9}),
    "nesterov": ("SGD", {"momentum": 0.9, "nesterov": True}),
    "adagrad": ("Adagrad", {}),
    "adadelta": ("Adadelta", {}),
    "rmsprop": ("RMSprop", {}),
    "adam": ("Adam", {}),
}

# Default learning rates per surface and optimizer.
#
# How they were chosen (run `python -m demos.optimizer_race.tune` to redo it):
# for every surface and optimizer, each lr on the grid TUNE_GRID raced 300
# steps from the surface's default start; runs that diverged were dropped and
# the lr with the lowest mean log10(loss - minimum + 1e-12) over all 301
# recorded losses won. That area-under-the-log-curve criterion rewards getting
# close early *and* staying close, so a racer is shown at its own best pace
# and the race compares methods, not badly chosen step sizes.
# The saddle has no minimum to measure, so it is not tuned: every racer gets
# lr 0.01 (Adadelta its torch default 1.0, a scale factor rather than a step
# size) so that only the method decides who escapes first.
TUNE_GRID: tuple[float, ...] = (
    1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0,
)

DEFAULT_LR: dict[str, dict[str, float]] = {
    "rosenbrock": {
        "sgd": 1e-3, "momentum": 5e-4, "nesterov": 5e-4, "adagrad": 2.0,
        "adadelta": 10.0, "rmsprop": 0.2, "adam": 1.0,
    },
    "beale": {
        "sgd": 2e-2, "momentum": 5e-3, "nesterov": 5e-3, "adagrad": 2.0,
        "adadelta": 10.0, "rmsprop": 0.1, "adam": 0.5,
    },
    "rastrigin": {
        "sgd": 2e-3, "momentum": 5e-3, "nesterov": 2e-3, "adagrad": 1.0,
        "adadelta": 5.0, "rmsprop": 0.1, "adam": 0.5,
    },
    "saddle": {
        "sgd": 1e-2, "momentum": 1e-2, "nesterov": 1e-2, "adagrad": 1e-2,
        "adadelta": 1.0, "rmsprop": 1e-2, "adam": 1e-2,
    },
    "valley": {
        "sgd": 0.5, "momentum": 0.2, "nesterov": 0.5, "adagrad": 5.0,
        "adadelta": 10.0, "rmsprop": 0.2, "adam": 1.0,
    },
}


# Racers whose torch class takes a momentum the learner may change.
WITH_MOMENTUM = ("sgd", "momentum", "nesterov", "rmsprop")


def constructor_kwargs(name: str, lr: float, momentum: float | None = None) -> dict[str, Any]:
    """The exact keyword arguments the racer `name` is built with; `momentum`
    replaces its own (Nesterov at momentum 0 is plain SGD, which torch
    refuses to build as Nesterov, so it is built as SGD)."""
    kwargs = {"lr": lr, **OPTIMIZERS[name][1]}
    if momentum is not None and name in WITH_MOMENTUM:
        kwargs["momentum"] = momentum
        if kwargs.get("nesterov") and momentum == 0:
            kwargs.pop("nesterov")
    return kwargs
