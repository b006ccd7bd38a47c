"""The GAN and the VAE: the ELBO's identities at every logged step, the
loss terms against torch.distributions, the published weights replaying the
pictures' points, the same JSON for the same seed, and bad parameters."""

from __future__ import annotations

import io
import json

import pytest
import torch
from rich.console import Console

from demos.params import ParamError
from demos.registry import get_demo
from demos.runner import render_demo, run_demo, to_json
from demos.toy2d import PLOT

VAE = {"steps": 60, "beta": 2.5}
GAN = {"steps": 40, "k": 2}


def picture(name: str, result: dict) -> str:
    console = Console(record=True, width=100, color_system=None, file=io.StringIO())
    console.print(render_demo(name, result, lang="en", width=100, height=30, color=False))
    return " ".join(console.export_text().split())


@pytest.fixture(scope="module")
def vae():
    return run_demo("vae", VAE)


@pytest.fixture(scope="module")
def gan():
    return run_demo("gan", GAN)


def net(state: dict) -> torch.nn.Sequential:
    """Linear, ReLU, Linear, ReLU, Linear with the published weights."""
    sizes = [len(state["0.weight"][0]), len(state["0.weight"]), len(state["2.weight"]),
             len(state["4.weight"])]
    layers = [torch.nn.Linear(sizes[0], sizes[1]), torch.nn.ReLU(),
              torch.nn.Linear(sizes[1], sizes[2]), torch.nn.ReLU(),
              torch.nn.Linear(sizes[2], sizes[3])]
    model = torch.nn.Sequential(*layers).double()
    model.load_state_dict({k: torch.tensor(v, dtype=torch.float64) for k, v in state.items()})
    return model


def test_vae_logged_steps_keep_the_elbo_identities(vae):
    assert vae["beta"] == VAE["beta"] and len(vae["steps"]) >= 50
    for s in vae["steps"]:
        assert s["elbo"] == -(s["recon"] + s["kl"])
        assert s["loss"] == pytest.approx(s["recon"] + VAE["beta"] * s["kl"], rel=1e-12)
        assert s["kl"] >= 0


def test_vae_terms_match_torch_distributions():
    from demos.vae.compute import SIGMA_X, terms

    torch.manual_seed(0)
    encoder, decoder = (torch.nn.Sequential(torch.nn.Linear(2, 4)).double(),
                        torch.nn.Sequential(torch.nn.Linear(2, 2)).double())
    x, eps = torch.randn(50, 2, dtype=torch.float64), torch.randn(50, 2, dtype=torch.float64)
    recon, kl = terms(encoder, decoder, x, eps)
    stats = encoder(x)
    mu, sigma = stats[:, :2], torch.exp(0.5 * stats[:, 2:])
    q, prior = torch.distributions.Normal(mu, sigma), torch.distributions.Normal(0.0, 1.0)
    expected_kl = torch.distributions.kl_divergence(q, prior).sum(1).mean()
    x_hat = decoder(mu + sigma * eps)
    expected_recon = -torch.distributions.Normal(x_hat, SIGMA_X).log_prob(x).sum(1).mean()
    assert kl.item() == pytest.approx(expected_kl.item(), rel=1e-12)
    assert recon.item() == pytest.approx(expected_recon.item(), rel=1e-12)


def test_vae_weights_replay_the_latent_means_and_the_decoded_grid(vae):
    encoder, decoder = net(vae["weights"]["encoder"]), net(vae["weights"]["decoder"])
    with torch.no_grad():
        stats = encoder(torch.tensor(vae["points"], dtype=torch.float64))
        decoded = decoder(torch.tensor(vae["latent_grid"], dtype=torch.float64))
    assert torch.allclose(stats[:, :2], torch.tensor(vae["latent_mean"], dtype=torch.float64),
                          rtol=0, atol=1e-12)
    assert torch.allclose(decoded, torch.tensor(vae["decoded"], dtype=torch.float64),
                          rtol=0, atol=1e-12)


def test_gan_weights_replay_the_samples_and_the_discriminator_field(gan):
    generator, discriminator = (net(gan["weights"]["generator"]),
                                net(gan["weights"]["discriminator"]))
    with torch.no_grad():
        samples = generator(torch.tensor(gan["noise"], dtype=torch.float64))
    assert torch.allclose(samples, torch.tensor(gan["samples"], dtype=torch.float64),
                          rtol=0, atol=1e-12)
    values = gan["field"]["values"]
    rows, cols = len(values), len(values[0])
    lo, hi = PLOT
    for r, c in ((0, 0), (rows // 2, cols // 3), (rows - 1, cols - 1)):
        point = torch.tensor([[lo + (c + 0.5) / cols * (hi - lo),
                               hi - (r + 0.5) / rows * (hi - lo)]], dtype=torch.float64)
        with torch.no_grad():
            d = torch.sigmoid(discriminator(point)).item()
        assert values[r][c] == pytest.approx(d, abs=1e-12)


def test_gan_logged_steps_hold_the_losses_and_mean_outputs(gan):
    assert [s["step"] for s in gan["steps"]] == list(range(1, GAN["steps"] + 1))
    for s in gan["steps"]:
        assert 0 < s["d_real"] < 1 and 0 < s["d_fake"] < 1
        assert s["d_loss"] > 0 and s["g_loss"] > 0  # −log D(G(z)) for non-saturating
    minimax = run_demo("gan", {"steps": 5, "loss": "minimax"})
    assert all(s["g_loss"] < 0 for s in minimax["steps"])  # log(1 − D(G(z))) < 0


@pytest.mark.parametrize(("name", "params"), [("vae", {"steps": 20, "data": "moons"}),
                                              ("gan", {"steps": 10, "data": "grid"})])
def test_the_same_seed_and_parameters_give_identical_json(name, params):
    first, second = run_demo(name, params), run_demo(name, params)
    assert to_json(first) == to_json(second)
    other = run_demo(name, {**params, "seed": 1})
    assert to_json(other) != to_json(first)
    json.loads(to_json(first))  # strict JSON


def test_gan_on_ring_seed_1_shows_mode_collapse():
    result = run_demo("gan", {"seed": 1})
    got, total = result["coverage"]
    assert got < total
    assert f"only {got} of the {total} modes" in picture("gan", result)


def test_the_minimax_card_compares_the_two_losses_slopes_where_d_is_sure():
    result = run_demo("gan", {"loss": "minimax", "k": 5, "steps": 300})
    early = min(s["d_fake"] for s in result["steps"][:10])
    assert early < 0.4
    text = picture("gan", result)
    assert f"fell to {early:.2f}" in text
    assert f"1/(1 − D) = {1 / (1 - early):.2f}" in text and f"1/D = {1 / early:.2f}" in text


def test_vae_without_the_prior_term_says_so():
    result = run_demo("vae", {"beta": 0, "steps": 200})
    assert "plain autoencoder" in picture("vae", result)


@pytest.mark.parametrize(("name", "given", "param"), [
    ("gan", {"loss": "wasserstein"}, "loss"), ("gan", {"k": 0}, "k"),
    ("gan", {"steps": 5001}, "steps"), ("gan", {"lr": 0}, "lr"),
    ("gan", {"data": "spiral"}, "data"), ("vae", {"beta": -1}, "beta"),
    ("vae", {"beta": "nan"}, "beta"), ("vae", {"hidden": 2}, "hidden"),
])
def test_bad_parameters_are_refused_naming_the_parameter(name, given, param):
    with pytest.raises(ParamError) as error:
        get_demo(name).resolve(given)
    assert error.value.param == param
