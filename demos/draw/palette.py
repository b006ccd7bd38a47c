"""Colour-blind-safe colours for the demo pictures, and their fallbacks.

Fields and heatmaps use viridis (perceptually uniform, its lightness rises
monotonically, so it also reads in greyscale and to red-green colour-blind
eyes). Categories (one colour per optimizer) use the Okabe-Ito set, with
white in place of its black, which would vanish on the dark end of a field.
Colour is never the only carrier: every category also has a marker letter.
"""

from __future__ import annotations

from functools import lru_cache

RGB = tuple[int, int, int]

# viridis sampled at 0, 1/8, ..., 1 (matplotlib's table); interpolated linearly.
VIRIDIS: tuple[RGB, ...] = (
    (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
    (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
)

# Okabe & Ito (2008), "Color Universal Design": orange, sky blue, bluish
# green, yellow, vermillion, reddish purple, white (for black), blue.
OKABE_ITO: tuple[str, ...] = (
    "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#d55e00", "#cc79a7", "#ffffff", "#0072b2",
)


@lru_cache(maxsize=1024)
def viridis(t: float, dim: float = 1.0) -> RGB:
    """The colour at `t` in [0, 1] (clamped), darkened by `dim` (1: as is)."""
    t = min(1.0, max(0.0, t)) * (len(VIRIDIS) - 1)
    i = min(int(t), len(VIRIDIS) - 2)
    f = t - i
    a, b = VIRIDIS[i], VIRIDIS[i + 1]
    return tuple(round((x + (y - x) * f) * dim) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def hex_colour(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def text_on(rgb: RGB) -> str:
    """Black or white, whichever reads better on `rgb` (relative luminance)."""
    r, g, b = rgb
    return "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 140 else "white"
