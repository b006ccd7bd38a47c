"""Re-derive the default learning rates in `optimizers.DEFAULT_LR`.

    python -m demos.optimizer_race.tune

Prints, per surface and optimizer, the grid lr with the lowest mean
log10(loss - minimum + 1e-12) over a 300-step race from the surface's
default start, runs that diverged or left the picture excluded (see the comment on DEFAULT_LR).
Takes about half a minute; it is run by hand, never at start-up.
"""

from __future__ import annotations

import math

from demos.optimizer_race.compute import race_one
from demos.optimizer_race.functions import SURFACES
from demos.optimizer_race.optimizers import OPTIMIZERS, TUNE_GRID, constructor_kwargs

STEPS = 300


def score(losses: list[float], min_value: float) -> float:
    return sum(math.log10(max(v - min_value, 0.0) + 1e-12) for v in losses) / len(losses)


def stays_in_view(trajectory: list[list[float]], surface) -> bool:
    """The whole path lies within the plotted region widened by half on each
    side: a path that flies off the picture teaches nothing."""
    (x0, x1), (y0, y1) = surface.x_range, surface.y_range
    mx, my = (x1 - x0) / 2, (y1 - y0) / 2
    return all(x0 - mx <= x <= x1 + mx and y0 - my <= y <= y1 + my for x, y in trajectory)


def best_lr(function: str, name: str) -> tuple[float, float]:
    surface = SURFACES[function]
    assert surface.min_value is not None
    best = (math.inf, math.nan)
    for lr in TUNE_GRID:
        run = race_one(surface, OPTIMIZERS[name][0], constructor_kwargs(name, lr),
                       surface.start, STEPS)
        if not run["diverged"] and stays_in_view(run["trajectory"], surface):
            best = min(best, (score(run["losses"], surface.min_value), lr))
    return best[1], best[0]


def main() -> None:
    for function, surface in SURFACES.items():
        if surface.minimum is None:
            continue
        row = {name: best_lr(function, name) for name in OPTIMIZERS}
        print(f"{function}: " + ", ".join(
            f"{name}={lr:g} ({s:.2f})" for name, (lr, s) in row.items()))


if __name__ == "__main__":
    main()
