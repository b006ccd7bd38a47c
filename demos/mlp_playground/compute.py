"""MLP playground: a small torch.nn MLP (float64) learns a seeded 2-D toy
set with full-batch Adam on BCEWithLogitsLoss, and the probability it gives
every point of a grid is taken every few steps, so a face can redraw the
decision surface as it trains.

The network is nn.Sequential(Linear, act, Linear, act, ..., Linear) with
nn.Identity as the act of `activation none`, so the state_dict keys are
"0.weight", "0.bias", "2.weight", ... whatever the activation; loading the
result's `weights` into the same stack reproduces `grid` and `accuracy`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from demos.frames import Frame, finished, use_torch
from demos.mlp_playground.spec import parse_hidden

GRID = 48  # grid points a side in the result (the picture samples them)
FRAMES = 60  # frames a run is handed out in, whatever its step count
ACTIVATIONS = {"relu": "ReLU", "tanh": "Tanh", "sigmoid": "Sigmoid", "none": "Identity"}


def make_dataset(torch, name: str, n: int, noise: float, seed: int):
    """(points n x 2, labels n) drawn from `seed`."""
    g = torch.Generator().manual_seed(seed)

    def u(*shape):
        return torch.rand(*shape, generator=g, dtype=torch.float64)

    half = torch.arange(n) % 2  # balanced classes
    if name == "xor":
        x = u(n, 2) * 2 - 1
        y = (x[:, 0] * x[:, 1] > 0).long()
    elif name == "linear":
        x = u(n, 2) * 2 - 1
        y = (x[:, 0] + 0.5 * x[:, 1] > 0).long()
    elif name == "circles":
        t = u(n) * 2 * math.pi
        r = torch.where(half == 1, 0.4, 1.0)
        x, y = torch.stack([r * torch.cos(t), r * torch.sin(t)], 1), half
    elif name == "moons":
        t = u(n) * math.pi
        top = torch.stack([torch.cos(t), torch.sin(t)], 1)
        bottom = torch.stack([1 - torch.cos(t), 0.5 - torch.sin(t)], 1)
        x = torch.where(half[:, None] == 1, bottom, top) - torch.tensor([0.5, 0.25])
        y = half
    else:  # spiral: two arms, a half turn apart
        t = u(n) * 3 * math.pi + 0.5
        angle = t + math.pi * half
        radius = (t / (3 * math.pi))[:, None] * 1.2
        x, y = torch.stack([torch.cos(angle), torch.sin(angle)], 1) * radius, half
    x = x + torch.randn(n, 2, generator=g, dtype=torch.float64) * noise * 0.5
    return x, y.double()


def network(torch, layers: list[int], activation: str, seed: int):
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        modules = []
        for i, (a, b) in enumerate(zip(layers, layers[1:], strict=False)):
            modules.append(torch.nn.Linear(a, b))
            if i + 2 < len(layers):
                modules.append(getattr(torch.nn, ACTIVATIONS[activation])())
        return torch.nn.Sequential(*modules).double()


def grid_axes(x) -> list[float]:
    """GRID coordinates covering every point with a margin, the same on both axes."""
    reach = float(x.abs().max()) * 1.1 or 1.0
    return [-reach + 2 * reach * (i + 0.5) / GRID for i in range(GRID)]


def probabilities(torch, model, coords: list[float]) -> list[list[float]]:
    """p(class 1) at (coords[j], coords[i]) as rows i (y rising), columns j."""
    c = torch.tensor(coords, dtype=torch.float64)
    yy, xx = torch.meshgrid(c, c, indexing="ij")
    with torch.no_grad():
        p = torch.sigmoid(model(torch.stack([xx.reshape(-1), yy.reshape(-1)], 1)))
    return p.reshape(GRID, GRID).tolist()


def accuracy(torch, model, x, y) -> float:
    with torch.no_grad():
        return float(((model(x)[:, 0] > 0).double() == y).double().mean())


def frames(dataset: str = "xor", hidden: str = "8,8", activation: str = "tanh",
           lr: float = 0.03, steps: int = 300, seed: int = 0, noise: float = 0.1,
           points: int = 200) -> Iterator[Frame]:
    torch = use_torch()
    activation = activation or "none"  # the parameter reads "none" as None
    name = dataset
    x, y = make_dataset(torch, name, points, noise, seed)
    layers = [2, *parse_hidden(hidden), 1]
    model = network(torch, layers, activation, seed)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    coords = grid_axes(x)
    losses: list[float] = []

    def result(step: int) -> dict[str, Any]:
        return {
            "demo": "mlp-playground", "dataset": name, "points": x.tolist(),
            "labels": [int(v) for v in y.tolist()], "layers": layers, "activation": activation,
            "lr": lr, "steps": steps, "step": step, "seed": seed, "noise": noise,
            "optimizer": "Adam", "loss": "BCEWithLogitsLoss", "losses": list(losses),
            "accuracy": accuracy(torch, model, x, y),
            "weights": {k: v.tolist() for k, v in model.state_dict().items()},
            "grid": {"x": coords, "y": coords, "p": probabilities(torch, model, coords)},
        }

    yield Frame(result(0), 0, steps)
    # After the first frame: building an optimizer imports torch._dynamo (~0.8 s once).
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    every = max(1, steps // FRAMES)
    for step in range(1, steps + 1):
        opt.zero_grad()
        loss = loss_fn(model(x)[:, 0], y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
        if step % every == 0 and step < steps:
            yield Frame(result(step), step, steps)
    yield Frame(result(steps), steps, steps, finished=True)


def run(**params: Any) -> dict[str, Any]:
    """The whole run (the finished frame's data)."""
    return finished(frames(**params)).data
