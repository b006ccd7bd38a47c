"""A VAE on 2-D data with a 2-D latent, in torch (float64, full-batch Adam).

Encoder q(z|x) = N(μ(x), diag σ²(x)); decoder p(x|z) = N(x̂(z), SIGMA_X² I);
prior p(z) = N(0, I). Per point, with one z = μ + σ ⊙ ε, ε ~ N(0, I)
(the reparameterisation, so gradients flow through μ and σ):
  recon = −log p(x|z) = |x − x̂(z)|² / (2 SIGMA_X²) + log(2π SIGMA_X²)
  kl    = KL(q(z|x) ‖ p(z)) = ½ Σ (μ² + σ² − 1 − log σ²)      (closed form, ≥ 0)
Logged per step, as means over the data: recon, kl, elbo = −(recon + kl)
and loss = recon + β·kl, the value the optimizer minimised at that step.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from demos import toy2d
from demos.frames import Frame, finished, use_torch

LOGGED = 100
SIGMA_X = 0.2  # the decoder's fixed standard deviation
LATENT = 2
GRID = 9  # decoded samples from a GRID x GRID grid of latent points
GRID_SPAN = 2.0  # ... spaced over [-GRID_SPAN, GRID_SPAN]², two prior σ each way


def latent_grid(torch):
    ticks = torch.linspace(-GRID_SPAN, GRID_SPAN, GRID, dtype=torch.float64)
    grid_y, grid_x = torch.meshgrid(ticks, ticks, indexing="ij")
    return torch.stack([grid_x.reshape(-1), grid_y.reshape(-1)], dim=1)


def terms(encoder, decoder, x, eps):
    """(recon, kl) as means over the points of x, with noise eps."""
    torch = use_torch()
    stats = encoder(x)
    mu, log_var = stats[:, :LATENT], stats[:, LATENT:]
    z = mu + torch.exp(0.5 * log_var) * eps
    x_hat = decoder(z)
    recon = ((x - x_hat) ** 2).sum(1) / (2 * SIGMA_X**2) + math.log(2 * math.pi * SIGMA_X**2)
    kl = 0.5 * (mu**2 + log_var.exp() - 1 - log_var).sum(1)
    return recon.mean(), kl.mean()


def frames(data: str = "ring", beta: float = 1.0, steps: int = 1000, lr: float = 0.005,
           hidden: int = 32, seed: int = 0) -> Iterator[Frame]:
    torch = use_torch()
    generator = torch.Generator().manual_seed(seed)
    x = toy2d.sample(data, generator)
    encoder = toy2d.mlp([2, hidden, hidden, 2 * LATENT], generator)
    decoder = toy2d.mlp([LATENT, hidden, hidden, 2], generator)
    params = list(encoder.parameters()) + list(decoder.parameters())
    optimizer = torch.optim.Adam(params, lr=lr, foreach=True)
    grid = latent_grid(torch)
    logged: list[dict[str, Any]] = []

    def result(step: int, done: bool) -> dict[str, Any]:
        with torch.no_grad():
            stats = encoder(x)
            decoded = decoder(grid)
            recon_x = decoder(stats[:, :LATENT])
        return {
            "demo": "vae", "data": data, "beta": beta, "lr": lr, "hidden": hidden,
            "seed": seed, "sigma_x": SIGMA_X, "steps_total": steps, "step": step,
            "steps": list(logged),
            "points": x.tolist(),
            "latent_mean": stats[:, :LATENT].tolist(),
            "latent_log_var": stats[:, LATENT:].tolist() if done else None,
            "reconstructions": recon_x.tolist(),
            "latent_grid": grid.tolist(),
            "decoded": decoded.tolist(),
            "weights": ({"encoder": toy2d.weights_of(encoder),
                         "decoder": toy2d.weights_of(decoder)} if done else None),
        }

    yield Frame(result(0, False), 0, steps)
    every = max(1, steps // LOGGED)
    for step in range(1, steps + 1):
        eps = torch.randn(x.shape[0], LATENT, generator=generator, dtype=torch.float64)
        recon, kl = terms(encoder, decoder, x, eps)
        loss = recon + beta * kl
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % every == 0 or step == steps:
            r, k = recon.item(), kl.item()
            logged.append({"step": step, "elbo": -(r + k), "recon": r, "kl": k,
                           "loss": loss.item()})
            if step < steps:
                yield Frame(result(step, False), step, steps)
    yield Frame(result(steps, True), steps, steps, finished=True)


def run(**params: Any) -> dict[str, Any]:
    return finished(frames(**params)).data
