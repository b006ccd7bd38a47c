"""A GAN on 2-D data, with torch: generator G(z) and discriminator D(x),
small MLPs (float64), trained with Adam (betas 0.5, 0.999, as in DCGAN) on
batches of BATCH: per generator step, `k` discriminator steps, each on BATCH
real points drawn at random and BATCH fresh noise vectors, then one
generator step on fresh noise.

D outputs a logit; D(x) = σ(logit). The losses, written as minimised:
  d_loss = −[mean log D(x) + mean log(1 − D(G(z)))]
  g_loss = mean log(1 − D(G(z)))      (minimax: the original objective)
  g_loss = −mean log D(G(z))          (non-saturating)
Each logged step holds the values the optimizers saw at that step: d_loss,
d_real (mean D(x)) and d_fake (mean D(G(z))) from its last D step, g_loss
from its G step. The same seed and parameters give the same JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from demos import toy2d
from demos.frames import Frame, finished, use_torch

LOGGED = 100  # steps logged (and frames handed out), whatever the step count
FIELD = (48, 48)  # D's output on this grid over the plot, for the picture
NOISE = 2  # the generator's input size
BATCH = 128  # points a step: a quarter of the data keeps a default run near a second


def field_points(torch):
    """The FIELD grid's points over the plot, row by row from the top."""
    lo, hi = toy2d.PLOT
    cols, rows = FIELD
    xs = torch.tensor([lo + (c + 0.5) / cols * (hi - lo) for c in range(cols)],
                      dtype=torch.float64)
    ys = torch.tensor([hi - (r + 0.5) / rows * (hi - lo) for r in range(rows)],
                      dtype=torch.float64)
    grid_y, grid_x = torch.meshgrid(ys, xs, indexing="ij")
    return torch.stack([grid_x.reshape(-1), grid_y.reshape(-1)], dim=1)


def frames(data: str = "ring", loss: str = "non-saturating", steps: int = 1000, k: int = 1,
           lr: float = 0.002, hidden: int = 32, seed: int = 0) -> Iterator[Frame]:
    torch = use_torch()
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    generator = torch.Generator().manual_seed(seed)
    real = toy2d.sample(data, generator)
    g_net = toy2d.mlp([NOISE, hidden, hidden, 2], generator)
    d_net = toy2d.mlp([2, hidden, hidden, 1], generator)
    g_opt = torch.optim.Adam(g_net.parameters(), lr=lr, betas=(0.5, 0.999), foreach=True)
    d_opt = torch.optim.Adam(d_net.parameters(), lr=lr, betas=(0.5, 0.999), foreach=True)
    shown_noise = torch.randn(toy2d.POINTS, NOISE, generator=generator, dtype=torch.float64)
    grid = field_points(torch)
    ones = torch.ones(BATCH, 1, dtype=torch.float64)
    zeros = torch.zeros(BATCH, 1, dtype=torch.float64)
    logged: list[dict[str, Any]] = []

    def result(step: int, done: bool) -> dict[str, Any]:
        with torch.no_grad():
            fake = g_net(shown_noise)
            d_field = torch.sigmoid(d_net(grid)).reshape(FIELD[1], FIELD[0])
        samples = fake.tolist()
        return {
            "demo": "gan", "data": data, "loss": loss, "k": k, "lr": lr, "hidden": hidden,
            "seed": seed, "steps_total": steps, "step": step,
            "steps": list(logged),
            "real": real.tolist(),
            "noise": shown_noise.tolist() if done else None,
            "samples": samples,
            "coverage": toy2d.coverage(data, samples),
            "field": {"x_range": list(toy2d.PLOT), "y_range": list(toy2d.PLOT),
                      "values": d_field.tolist()},
            "weights": ({"generator": toy2d.weights_of(g_net),
                         "discriminator": toy2d.weights_of(d_net)} if done else None),
        }

    yield Frame(result(0, False), 0, steps)
    every = max(1, steps // LOGGED)
    for step in range(1, steps + 1):
        for _ in range(k):
            batch = real[torch.randint(toy2d.POINTS, (BATCH,), generator=generator)]
            z = torch.randn(BATCH, NOISE, generator=generator, dtype=torch.float64)
            with torch.no_grad():
                fake = g_net(z)
            real_logit, fake_logit = d_net(batch), d_net(fake)
            d_loss = bce(real_logit, ones) + bce(fake_logit, zeros)
            d_opt.zero_grad()
            d_loss.backward()
            d_opt.step()
        z = torch.randn(BATCH, NOISE, generator=generator, dtype=torch.float64)
        fake_logit_g = d_net(g_net(z))
        if loss == "minimax":
            g_loss = -bce(fake_logit_g, zeros)  # mean log(1 − D(G(z)))
        else:
            g_loss = bce(fake_logit_g, ones)  # −mean log D(G(z))
        g_opt.zero_grad()
        g_loss.backward()
        g_opt.step()
        if step % every == 0 or step == steps:
            logged.append({
                "step": step, "d_loss": d_loss.item(), "g_loss": g_loss.item(),
                "d_real": torch.sigmoid(real_logit).mean().item(),
                "d_fake": torch.sigmoid(fake_logit).mean().item()})
            if step < steps:
                yield Frame(result(step, False), step, steps)
    yield Frame(result(steps, True), steps, steps, finished=True)


def run(**params: Any) -> dict[str, Any]:
    return finished(frames(**params)).data
