"""The binary images the autoregressive demo learns: every axis-aligned bar
and filled rectangle, and every hollow rectangle, on a size x size grid.
Generated here (nothing is downloaded), pure Python, and split into training
and held-out images by a seeded shuffle.
"""

from __future__ import annotations

import random

HELD_OUT = 0.3  # the share of the images the models never see in training

Image = tuple[int, ...]  # size*size pixels in raster order, 0 or 1


def _rectangle(size: int, x: int, y: int, w: int, h: int, hollow: bool) -> Image:
    pixels = [0] * (size * size)
    for r in range(y, y + h):
        for c in range(x, x + w):
            edge = r in (y, y + h - 1) or c in (x, x + w - 1)
            if edge or not hollow:
                pixels[r * size + c] = 1
    return tuple(pixels)


def shapes(size: int) -> list[Image]:
    """Every distinct shape, in a fixed order: filled rectangles of at least
    two pixels (bars included), then hollow rectangles of at least 3x3."""
    seen: dict[Image, None] = {}
    for hollow, smallest in ((False, 1), (True, 3)):
        for h in range(smallest, size + 1):
            for w in range(smallest, size + 1):
                if w * h < 2:
                    continue
                for y in range(size - h + 1):
                    for x in range(size - w + 1):
                        seen.setdefault(_rectangle(size, x, y, w, h, hollow))
    return list(seen)


def split(size: int, seed: int) -> tuple[list[Image], list[Image]]:
    """(training images, held-out images): a seeded shuffle, HELD_OUT held out."""
    images = shapes(size)
    random.Random(seed).shuffle(images)
    cut = round(len(images) * HELD_OUT)
    return images[cut:], images[:cut]
