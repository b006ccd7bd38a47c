"""Autoregressive models of small binary images, with torch: the parameter
count and held-out NLL of the full joint, independent pixels, a Markov chain
and NADE (trained here, full-batch Adam, float64), then NADE's samples drawn
pixel by pixel.

The JSON replays: `data` holds the training and held-out images, `nade.weights`
the trained W, c, V, b; evaluating them on `data.test` (demos.autoregressive.models
.nade_nll, or the lecture's formula by hand) gives `models[nade].nll`, and on
a sample's pixels gives its `probs`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from demos.autoregressive import models
from demos.autoregressive.shapes import split
from demos.frames import Frame, finished, use_torch

FRAMES = 30  # training frames handed out, whatever the epoch count


def frames(size: int = 4, hidden: int = 16, epochs: int = 200, lr: float = 0.01,
           samples: int = 4, seed: int = 0) -> Iterator[Frame]:
    train_images, test_images = split(size, seed)
    n = size * size
    counts = models.param_counts(n, hidden)
    torch = use_torch()
    train = torch.tensor(train_images, dtype=torch.float64)
    test = torch.tensor(test_images, dtype=torch.float64)
    fitted = {
        "joint": ((models.joint_nll(train, train), models.joint_nll(train, test))
                  if n <= models.JOINT_MAX_PIXELS else (None, None)),
        "independent": (models.independent_nll(train, train),
                        models.independent_nll(train, test)),
        "markov": (models.markov_nll(train, train), models.markov_nll(train, test)),
    }
    generator = torch.Generator().manual_seed(seed)
    weights = models.nade_init(n, hidden, generator)
    for t in weights.values():
        t.requires_grad_(True)
    optimizer = torch.optim.Adam(list(weights.values()), lr=lr)
    curve: list[dict[str, Any]] = []
    drawn: list[dict[str, Any]] = []

    def result(done: bool) -> dict[str, Any]:
        with torch.no_grad():
            nade = (models.nade_nll(weights, train).item(), models.nade_nll(weights, test).item())
        rows = [{"name": name, "params": counts[name], "formula": models.FORMULAS[name],
                 "nll_train": fitted[name][0], "nll": fitted[name][1]} for name in fitted]
        rows.append({"name": "nade", "params": counts["nade"], "formula": models.FORMULAS["nade"],
                     "nll_train": nade[0], "nll": nade[1]})
        return {
            "demo": "autoregressive", "size": size, "n": n, "seed": seed, "epochs": epochs,
            "lr": lr, "smoothing": 1, "n_train": len(train_images), "n_test": len(test_images),
            "models": rows,
            "nade": {"hidden": hidden, "weights": (
                {k: v.detach().tolist() for k, v in weights.items()} if done else None)},
            "curve": list(curve),
            "samples": [dict(s) for s in drawn],
            "samples_wanted": samples,
            "data": {"train": [list(x) for x in train_images],
                     "test": [list(x) for x in test_images]} if done else None,
        }

    every = max(1, epochs // FRAMES)
    for epoch in range(1, epochs + 1):
        optimizer.zero_grad()
        loss = models.nade_nll(weights, train)
        loss.backward()
        optimizer.step()
        if epoch % every == 0 or epoch == epochs:
            with torch.no_grad():
                curve.append({"epoch": epoch, "train": models.nade_nll(weights, train).item(),
                              "test": models.nade_nll(weights, test).item()})
            yield Frame(result(False), epoch, epochs + samples * n)
    # Sampling: a frame after every pixel drawn, so a face can show it grow; every
    # sample's frames are held (see demos.frames.throttle), so an animating face
    # shows each sample pixel by pixel, at its frame rate (the defaults' 4 samples
    # of 16 pixels: about 5 s at the TUI's 12 frames a second).
    with torch.no_grad():
        for k in range(samples):
            drawn.append({"pixels": [], "probs": []})
            for pixels, probs in models.nade_draw(weights, n, generator):
                drawn[-1] = {"pixels": pixels, "probs": probs}
                yield Frame(result(False), epochs + k * n + len(pixels), epochs + samples * n,
                            hold=True)
    yield Frame(result(True), epochs + samples * n, epochs + samples * n, finished=True)


def run(**params: Any) -> dict[str, Any]:
    return finished(frames(**params)).data
