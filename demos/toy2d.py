"""The 2-D data the GAN and the VAE learn: a ring of eight Gaussians, a 3x3
grid of Gaussians, or two moons, drawn once from a seeded generator. The
modes are known, so a picture can count how many a generator covers."""

from __future__ import annotations

import math

from demos.frames import use_torch

POINTS = 512
PLOT = (-3.0, 3.0)  # both axes of every data-space picture
STD = 0.1  # of each Gaussian of the ring and the grid
MOON_NOISE = 0.1


def modes(name: str) -> list[tuple[float, float]]:
    """The centres of the mixture's Gaussians (none for the moons)."""
    if name == "ring":
        return [(2 * math.cos(2 * math.pi * k / 8), 2 * math.sin(2 * math.pi * k / 8))
                for k in range(8)]
    if name == "grid":
        return [(float(x), float(y)) for y in (-2, 0, 2) for x in (-2, 0, 2)]
    return []


def sample(name: str, generator):
    """POINTS points of data set `name` as a (POINTS, 2) float64 tensor."""
    torch = use_torch()
    if name in ("ring", "grid"):
        centres = torch.tensor(modes(name), dtype=torch.float64)
        pick = torch.randint(len(centres), (POINTS,), generator=generator)
        noise = torch.randn(POINTS, 2, generator=generator, dtype=torch.float64) * STD
        return centres[pick] + noise
    # Two moons: upper half circle at the origin, lower one shifted, scaled to the plot.
    t = torch.rand(POINTS, generator=generator, dtype=torch.float64) * math.pi
    upper = torch.rand(POINTS, generator=generator, dtype=torch.float64) < 0.5
    x = torch.where(upper, torch.cos(t), 1 - torch.cos(t))
    y = torch.where(upper, torch.sin(t), 0.5 - torch.sin(t))
    points = torch.stack([x - 0.5, y - 0.25], dim=1) * 2
    return points + torch.randn(POINTS, 2, generator=generator, dtype=torch.float64) * (
        MOON_NOISE * 2)


def coverage(name: str, points: list[list[float]]) -> tuple[int, int] | None:
    """(modes holding at least a fair share's fifth of `points` within 3 std,
    all modes), or None for data without modes."""
    centres = modes(name)
    if not centres:
        return None
    share = len(points) / len(centres) / 5
    near = [sum(1 for x, y in points if math.dist((x, y), c) < 3 * STD) for c in centres]
    return sum(1 for k in near if k >= share), len(centres)


def mlp(sizes: list[int], generator):
    """Linear layers with ReLU between them, float64, initialised from
    `generator` (PyTorch's default scheme, drawn from our generator)."""
    torch = use_torch()
    layers = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:], strict=False)):
        linear = torch.nn.Linear(a, b, dtype=torch.float64)
        bound = 1 / math.sqrt(a)
        with torch.no_grad():
            linear.weight.uniform_(-bound, bound, generator=generator)
            linear.bias.uniform_(-bound, bound, generator=generator)
        layers.append(linear)
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def weights_of(module) -> dict[str, list]:
    """A module's state as plain lists, keyed as torch's state_dict."""
    return {k: v.tolist() for k, v in module.state_dict().items()}
