"""The 2-D test surfaces of the optimizer race. Pure Python, no torch.

Each formula is written with arithmetic operators only (plus an injected
`cos`), so the very same expression runs on floats (the render draws the
contour map from it) and on torch scalars (compute differentiates it).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Cos = Callable[[Any], Any]


def rosenbrock(x: Any, y: Any, cos: Cos = math.cos) -> Any:
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def beale(x: Any, y: Any, cos: Cos = math.cos) -> Any:
    return (
        (1.5 - x + x * y) ** 2
        + (2.25 - x + x * y**2) ** 2
        + (2.625 - x + x * y**3) ** 2
    )


def rastrigin(x: Any, y: Any, cos: Cos = math.cos) -> Any:
    a = 10
    return 2 * a + x**2 - a * cos(2 * math.pi * x) + y**2 - a * cos(2 * math.pi * y)


def saddle(x: Any, y: Any, cos: Cos = math.cos) -> Any:
    return x**2 - y**2


def valley(x: Any, y: Any, cos: Cos = math.cos) -> Any:
    # The ill-conditioned bowl of "Deep Learning from Scratch" (ch. 6): curvature
    # 20 times steeper across the valley (y) than along it (x).
    return x**2 / 20 + y**2


@dataclass(frozen=True)
class Surface:
    name: str
    title_ko: str
    title_en: str
    formula: str
    f: Callable[..., Any]
    start: tuple[float, float]
    minimum: tuple[float, float] | None  # None: no minimum (the saddle)
    min_value: float | None
    # Loss at or below which a runner has "arrived": the minimum plus a
    # tolerance, or for the saddle a loss well below the saddle point's 0.
    target: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    # Steps a race runs unless told: enough for the best runners to reach
    # `target` (Rosenbrock's long curved valley takes adam and momentum
    # some 500 to 650 steps; every other surface is decided within 300).
    steps: int = 300

    def value(self, x: float, y: float) -> float:
        return float(self.f(x, y))


SURFACES: dict[str, Surface] = {
    s.name: s
    for s in (
        Surface("rosenbrock", "로젠브록", "Rosenbrock", "(1-x)^2 + 100(y-x^2)^2",
                rosenbrock, (-2.0, 2.0), (1.0, 1.0), 0.0, 1e-3, (-2.5, 2.0), (-1.0, 3.0),
                steps=1000),
        Surface("beale", "빌", "Beale",
                "(1.5-x+xy)^2 + (2.25-x+xy^2)^2 + (2.625-x+xy^3)^2",
                beale, (1.0, 1.5), (3.0, 0.5), 0.0, 1e-3, (-1.0, 4.5), (-1.5, 2.0)),
        Surface("rastrigin", "라스트리긴", "Rastrigin",
                "20 + x^2 - 10cos(2 pi x) + y^2 - 10cos(2 pi y)",
                rastrigin, (-2.4, 2.6), (0.0, 0.0), 0.0, 1e-3, (-3.0, 3.0), (-3.0, 3.0)),
        Surface("saddle", "안장점", "Saddle", "x^2 - y^2",
                saddle, (1.5, 1e-3), None, None, -1.0, (-2.0, 2.0), (-2.0, 2.0)),
        Surface("valley", "좁은 골짜기", "Ill-conditioned valley", "x^2/20 + y^2",
                valley, (-7.0, 2.0), (0.0, 0.0), 0.0, 1e-3, (-10.0, 10.0), (-3.0, 3.0)),
    )
}
