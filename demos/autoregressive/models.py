"""The four models of binary images the lecture compares, in torch (float64):
the full joint as a table, independent pixels, a first-order Markov chain in
raster order, and NADE. The counting models use add-one smoothing, so no
image, seen or not, gets probability zero.

Each `*_nll` returns the mean negative log-likelihood in nats per image of
an (N, n) tensor of 0/1 floats.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from demos.frames import use_torch

JOINT_MAX_PIXELS = 16  # a table of 2^16 = 65,536 entries; 5x5 would need 33 million

FORMULAS = {"joint": "2^n − 1", "independent": "n", "markov": "2n − 1",
            "nade": "2nH + n + H"}


def param_counts(n: int, hidden: int) -> dict[str, int]:
    return {"joint": 2**n - 1, "independent": n, "markov": 2 * n - 1,
            "nade": 2 * n * hidden + n + hidden}


def joint_nll(train, data) -> float:
    """p(x) = (count(x) + 1) / (N + 2^n): the training images' table, smoothed."""
    torch = use_torch()
    n = train.shape[1]
    weights = 2 ** torch.arange(n - 1, -1, -1, dtype=torch.int64)
    counts = torch.bincount((train.long() * weights).sum(1), minlength=2**n)
    index = (data.long() * weights).sum(1)
    p = (counts[index].double() + 1) / (train.shape[0] + 2**n)
    return -torch.log(p).mean().item()


def _bernoulli_nll(p, data) -> float:
    torch = use_torch()
    return -(data * torch.log(p) + (1 - data) * torch.log1p(-p)).sum(1).mean().item()


def independent_nll(train, data) -> float:
    """p(x_i = 1) = (ones at i + 1) / (N + 2), each pixel on its own."""
    p = (train.sum(0) + 1) / (train.shape[0] + 2)
    return _bernoulli_nll(p.expand_as(data), data)


def markov_nll(train, data) -> float:
    """p(x_1) and p(x_i = 1 | x_{i-1} = v) for v in {0, 1}: 1 + 2(n - 1) numbers."""
    torch = use_torch()
    first = (train[:, 0].sum() + 1) / (train.shape[0] + 2)
    prev, cur = train[:, :-1], train[:, 1:]
    p_after_one = ((prev * cur).sum(0) + 1) / (prev.sum(0) + 2)
    p_after_zero = (((1 - prev) * cur).sum(0) + 1) / ((1 - prev).sum(0) + 2)
    p_rest = data[:, :-1] * p_after_one + (1 - data[:, :-1]) * p_after_zero
    p = torch.cat([first.expand(data.shape[0], 1), p_rest], dim=1)
    return _bernoulli_nll(p, data)


def nade_logits(weights: dict, data):
    """The logit of p(x_i = 1 | x_<i) for every pixel i of every image:
    h_i = σ(c + W[:, <i] x_<i), logit_i = b_i + V_i · h_i."""
    torch = use_torch()
    w, c, v, b = weights["W"], weights["c"], weights["V"], weights["b"]
    # a[:, i] = c + W[:, :i] x[:i]: a running sum over the pixels before i.
    contributions = data[:, :, None] * w.T[None, :, :]  # (N, n, H)
    before = torch.cumsum(contributions, dim=1) - contributions
    h = torch.sigmoid(c + before)
    return (h * v[None, :, :]).sum(2) + b


def nade_nll(weights: dict, data):
    """The mean NLL as a tensor (differentiable, for training)."""
    torch = use_torch()
    logits = nade_logits(weights, data)
    return torch.nn.functional.binary_cross_entropy_with_logits(
        logits, data, reduction="sum") / data.shape[0]


def nade_init(n: int, hidden: int, generator) -> dict:
    torch = use_torch()
    scale = 1 / math.sqrt(n)
    return {
        "W": (torch.randn(hidden, n, generator=generator, dtype=torch.float64) * scale),
        "c": torch.zeros(hidden, dtype=torch.float64),
        "V": (torch.randn(n, hidden, generator=generator, dtype=torch.float64) * scale),
        "b": torch.zeros(n, dtype=torch.float64),
    }


def nade_draw(weights: dict, n: int, generator) -> Iterator[tuple[list[int], list[float]]]:
    """One image drawn pixel by pixel: after each draw, (the pixels so far,
    p(x_i = 1 | x_<i) of each). Pixel i is 1 when a uniform draw u < p_i."""
    torch = use_torch()
    x = torch.zeros(1, n, dtype=torch.float64)
    pixels: list[int] = []
    probs: list[float] = []
    for i in range(n):
        p = torch.sigmoid(nade_logits(weights, x)[0, i]).item()
        u = torch.rand(1, generator=generator, dtype=torch.float64).item()
        x[0, i] = float(u < p)
        pixels.append(int(u < p))
        probs.append(p)
        yield list(pixels), list(probs)
