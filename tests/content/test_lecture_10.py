"""Lecture 10 (generative models 2): coverage contract, and every numeric or
checkable answer recomputed with torch: the closed-form KL, the GAN optimum,
the JSD identity, the ELBO decomposition, the non-saturating gradients."""

from __future__ import annotations

import math

import pytest
import torch
from torch.distributions import Categorical, Normal, kl_divergence

from studytui.content.model import Lecture, Question
from tests.content.conftest import question

FILE = "10-generative-2.yaml"

REQUIRED_CARDS = {
    "maximum-likelihood-learning",
    "kl-divergence",
    "latent-variable-model",
    "intractable-posterior",
    "variational-inference",
    "variational-distribution",
    "elbo",
    "elbo-decomposition",
    "elbo-reconstruction-term",
    "elbo-prior-fitting-term",
    "variational-autoencoder",
    "reparameterization-trick",
    "vae-gaussian-kl",
    "vae-limitations",
    "adversarial-autoencoder",
    "gan",
    "gan-generator",
    "gan-discriminator",
    "gan-minimax-objective",
    "gan-optimal-discriminator",
    "gan-jensen-shannon",
    "gan-training-loop",
    "mode-collapse",
    "non-saturating-loss",
    "dcgan",
    "conditional-gan",
    "cycle-gan",
}


def choice_value(text: str) -> float:
    """A numeric choice, e.g. "0.5" or "−log 4 ≈ −1.386" (the number after ≈)."""
    return float(text.split("≈")[-1].replace("−", "-").strip())


def keyed_is_closest(q: Question, value: float, tol: float) -> None:
    values = [choice_value(c.en) for c in q.choices if c.en]
    assert isinstance(q.answer, int)
    closest = min(range(len(values)), key=lambda i: abs(values[i] - value))
    assert closest == q.answer - 1, f"{q.id}: keyed {values[q.answer - 1]}, torch {value}"
    assert abs(values[closest] - value) < tol, f"{q.id}: {values[closest]} vs torch {value}"


def gan_value(p_data: torch.Tensor, p_g: torch.Tensor, d: torch.Tensor) -> torch.Tensor:
    """V(D, G) for discrete distributions: Σ p_data log D + Σ p_g log(1 - D)."""
    return (p_data * d.log()).sum() + (p_g * (1 - d).log()).sum()


def jsd(p: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    m = (p + q) / 2
    return 0.5 * kl_divergence(Categorical(p), Categorical(m)) + 0.5 * kl_divergence(
        Categorical(q), Categorical(m)
    )


def random_distribution(n: int, seed: int) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.softmax(torch.randn(n, generator=g, dtype=torch.float64) * 2, dim=0)


def test_every_required_concept_has_a_card(lecture: Lecture) -> None:
    missing = REQUIRED_CARDS - {c.id for c in lecture.cards}
    assert not missing, f"lecture 10 lacks cards: {sorted(missing)}"


def test_closed_form_gaussian_kl_matches_torch() -> None:
    # The vae-gaussian-kl card's formula, against torch's own KL.
    torch.manual_seed(0)
    mu, sigma = torch.randn(16, dtype=torch.float64), torch.rand(16, dtype=torch.float64) + 0.2
    by_card = 0.5 * (sigma**2 + mu**2 - 1 - torch.log(sigma**2)).sum()
    by_torch = kl_divergence(Normal(mu, sigma), Normal(0.0, 1.0)).sum()
    assert torch.isclose(by_card, by_torch)


def test_vae_kl_value_answer(lecture: Lecture) -> None:
    kl = kl_divergence(Normal(1.0, 1.0), Normal(0.0, 1.0)).item()
    keyed_is_closest(question(lecture, "q10-vae-kl-value"), kl, tol=1e-6)


def test_kl_is_not_symmetric_answer(lecture: Lecture) -> None:
    p, q = Normal(0.0, 1.0), Normal(0.0, 2.0)  # the explanation's example
    symmetric = math.isclose(kl_divergence(p, q).item(), kl_divergence(q, p).item())
    assert question(lecture, "q10-kl-symmetric").answer is symmetric


def test_max_likelihood_minimizes_forward_kl(lecture: Lecture) -> None:
    # A bimodal data distribution fitted by a one-mode model family: the
    # likelihood's argmax is the forward KL's argmin, not the reverse KL's.
    states = torch.arange(9, dtype=torch.float64)
    p_data = torch.tensor([0.02, 0.5, 0.02, 0.01, 0.01, 0.01, 0.02, 0.39, 0.02],
                          dtype=torch.float64)
    means = torch.linspace(0, 8, 161, dtype=torch.float64)
    models = torch.softmax(-((states[None] - means[:, None]) ** 2) / (2 * 0.7**2), dim=1)
    loglik = (p_data * models.log()).sum(dim=1)
    forward = kl_divergence(Categorical(p_data), Categorical(models))
    reverse = kl_divergence(Categorical(models), Categorical(p_data))
    assert loglik.argmax() == forward.argmin()
    assert loglik.argmax() != reverse.argmin()
    q = question(lecture, "q10-mle-kl")
    assert isinstance(q.answer, int)
    assert q.choices[q.answer - 1].en == "KL(p_data ‖ p_θ)"


def test_elbo_decomposition_and_bound(lecture: Lecture) -> None:
    # Conjugate model with known evidence and posterior: p(z) = N(0,1),
    # p(x|z) = N(z,1) => p(x) = N(0,2), p(z|x) = N(x/2, 1/2).
    x = torch.tensor(1.3, dtype=torch.float64)
    log_px = Normal(0.0, math.sqrt(2.0)).log_prob(x)
    posterior = Normal(x / 2, math.sqrt(0.5))
    bounds = []
    for m, s in [(0.0, 1.0), (0.65, 0.7071), (-1.0, 0.3), (2.0, 1.5)]:
        q = Normal(torch.tensor(m, dtype=torch.float64), torch.tensor(s, dtype=torch.float64))
        # E_q[log N(x; z, 1)] in closed form: -½log 2π - ½((x - m)² + s²).
        recon = -0.5 * math.log(2 * math.pi) - 0.5 * ((x - m) ** 2 + s**2)
        elbo = recon - kl_divergence(q, Normal(0.0, 1.0))  # the ELBO card's form
        gap = kl_divergence(q, posterior)
        assert torch.isclose(elbo + gap, log_px)  # log p(x) = ELBO + KL
        bounds.append(bool(elbo <= log_px + 1e-12))
    assert question(lecture, "q10-elbo-bound").answer is all(bounds)


def test_reparameterized_sample_carries_gradients() -> None:
    # reparameterization-trick card: rsample() is differentiable, sample() is not.
    mu = torch.tensor(0.5, requires_grad=True)
    sigma = torch.tensor(2.0, requires_grad=True)
    dist = Normal(mu, sigma)
    assert dist.sample().grad_fn is None
    z = dist.rsample()
    z.backward()
    assert mu.grad is not None and mu.grad.item() == pytest.approx(1.0)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_optimal_discriminator_and_jsd_identity(seed: int) -> None:
    p_data, p_g = random_distribution(12, seed), random_distribution(12, seed + 100)
    d_star = p_data / (p_data + p_g)
    v_star = gan_value(p_data, p_g, d_star)
    # V(D*, G) = 2·JSD - log 4 (the gan-jensen-shannon card's formula).
    assert torch.isclose(v_star, 2 * jsd(p_data, p_g) - math.log(4))
    # D* really is the maximizer: any perturbation lowers V.
    g = torch.Generator().manual_seed(seed)
    for _ in range(20):
        noise = torch.randn(12, generator=g, dtype=torch.float64) * 0.05
        other = (d_star + noise).clamp(1e-6, 1 - 1e-6)
        assert gan_value(p_data, p_g, other) <= v_star


def test_optimal_discriminator_answer(lecture: Lecture) -> None:
    q = question(lecture, "q10-optimal-d")
    assert isinstance(q.answer, int)
    assert q.choices[q.answer - 1].en == "p_data(x) / (p_data(x) + p_G(x))"
    # And the keyed formula beats the "probability of fake" distractor on V.
    p_data, p_g = random_distribution(8, 3), random_distribution(8, 4)
    keyed = gan_value(p_data, p_g, p_data / (p_data + p_g))
    swapped = gan_value(p_data, p_g, p_g / (p_data + p_g))
    assert keyed > swapped


def test_optimum_value_answer(lecture: Lecture) -> None:
    p = random_distribution(10, 7)
    value = gan_value(p, p, p / (p + p)).item()  # p_G = p_data
    keyed_is_closest(question(lecture, "q10-optimum-value"), value, tol=1e-3)


def test_non_saturating_gradient_answer(lecture: Lecture) -> None:
    logit = torch.tensor(math.log(0.01 / 0.99), requires_grad=True)  # D(G(z)) = 0.01
    (saturating,) = torch.autograd.grad(torch.log(1 - torch.sigmoid(logit)), logit)
    (non_saturating,) = torch.autograd.grad(-torch.log(torch.sigmoid(logit)), logit)
    much_smaller = abs(saturating.item()) * 10 < abs(non_saturating.item())
    assert question(lecture, "q10-non-saturating").answer is much_smaller
    assert much_smaller


def test_stargan_generator_counts_are_computed(lecture: Lecture) -> None:
    from itertools import permutations

    q = question(lecture, "q10-stargan-generators")
    directions = len(list(permutations(range(5), 2)))
    assert f"{directions} in all" in (q.prompt.en or "") and directions == 5 * 4
    assert q.answer.en == "1"  # type: ignore[union-attr]


def test_progressive_gan_doublings_reach_1024(lecture: Lecture) -> None:
    size, doublings = 4, 0
    while size < 1024:
        size, doublings = size * 2, doublings + 1
    assert f"4·2⁸ = {size}" in (question(lecture, "q10-progressive-gan").explanation.en or "")
    assert doublings == 8
