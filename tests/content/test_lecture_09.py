"""Lecture 9 (generative models 1): coverage contract, and every counting answer
recomputed: parameter counts by counting the conditional probability tables of
each factorization, NADE's count and normalization with a torch NADE."""

from __future__ import annotations

import itertools
import math

import pytest
import torch
from torch import nn

from studytui.content.model import BiText, Lecture
from tests.content.conftest import assert_answer_is, question

FILE = "09-generative-1.yaml"

REQUIRED_CARDS = {
    "generative-model",
    "discriminative-vs-generative",
    "generation-sampling",
    "density-estimation",
    "unsupervised-representation-learning",
    "explicit-model",
    "implicit-model",
    "discrete-distribution-params",
    "joint-distribution-params",
    "independence-assumption",
    "probability-chain-rule",
    "conditional-independence",
    "joint-markov-assumption",
    "autoregressive-generative-model",
    "nade",
    "nade-continuous",
    "pixel-rnn",
    "autoregressive-sampling-cost",
}


def table_params(parents: list[list[int]], values: int = 2) -> int:
    """Free parameters of a factorization Π p(x_i | parents_i) over discrete
    variables: each conditional table has one row per joint value of the
    parents, and each row has values-1 free entries (it sums to 1)."""
    return sum(values ** len(p) * (values - 1) for p in parents)


def chain_rule(n: int) -> list[list[int]]:
    return [list(range(i)) for i in range(n)]


def independent(n: int) -> list[list[int]]:
    return [[] for _ in range(n)]


def markov(n: int, order: int = 1) -> list[list[int]]:
    return [list(range(max(0, i - order), i)) for i in range(n)]


def outcomes(n: int) -> int:
    return sum(1 for _ in itertools.product((0, 1), repeat=n))


class NADE(nn.Module):
    """NADE as the card writes it: h_i = σ(W[:, <i] x_<i + c),
    p(x_i = 1 | x_<i) = σ(V_i · h_i + b_i)."""

    def __init__(self, n: int, hidden: int):
        super().__init__()
        self.W = nn.Parameter(torch.randn(hidden, n) * 0.5)
        self.c = nn.Parameter(torch.randn(hidden) * 0.5)
        self.V = nn.Parameter(torch.randn(n, hidden) * 0.5)
        self.b = nn.Parameter(torch.randn(n) * 0.5)

    def log_prob(self, x: torch.Tensor) -> torch.Tensor:
        contrib = x[:, None, :] * self.W[None]  # (B, H, n): W[:, j] x_j
        before = torch.cumsum(contrib, dim=2) - contrib  # only j < i
        h = torch.sigmoid(self.c[None, :, None] + before)  # (B, H, n)
        logits = (self.V.T[None] * h).sum(dim=1) + self.b  # (B, n)
        bce = nn.functional.binary_cross_entropy_with_logits(logits, x, reduction="none")
        return -bce.sum(dim=1)


def test_every_required_concept_has_a_card(lecture: Lecture) -> None:
    missing = REQUIRED_CARDS - {c.id for c in lecture.cards}
    assert not missing, f"lecture 9 lacks cards: {sorted(missing)}"


@pytest.mark.parametrize("n", range(1, 11))
def test_counting_arguments_behind_the_cards(n: int) -> None:
    # Unrestricted joint = outcomes - 1; the chain rule alone keeps that count;
    # independence gives n; the Markov assumption gives 2n - 1.
    assert table_params(chain_rule(n)) == outcomes(n) - 1
    assert table_params(independent(n)) == n
    assert table_params(markov(n)) == 2 * n - 1


def test_joint_params_short_answer(lecture: Lecture) -> None:
    q = question(lecture, "q9-joint-params-10")
    assert isinstance(q.answer, BiText)
    expected = str(outcomes(10) - 1)
    assert q.answer.en == expected and q.answer.ko == expected


@pytest.mark.parametrize("qid, var", [("q9-joint-formula", "n"), ("q9-categorical-params", "m")])
def test_symbolic_answers_evaluate_to_the_count(lecture: Lecture, qid: str, var: str) -> None:
    q = question(lecture, qid)
    assert isinstance(q.answer, BiText) and q.answer.en
    expr = q.answer.en.replace("^", "**").replace("ⁿ", "**n").replace("−", "-")
    for k in range(2, 9):
        value = eval(expr, {"__builtins__": {}}, {var: k})  # noqa: S307 - our own YAML
        # n binary variables have 2^k outcomes; a categorical over m values has m.
        count = outcomes(k) if var == "n" else table_params([[]], values=k) + 1
        assert value == count - 1, (qid, k)


def test_rgb_pixel_answer(lecture: Lecture) -> None:
    colours = math.prod(torch.empty(3).fill_(256).long().tolist())
    assert_answer_is(question(lecture, "q9-rgb-pixel-params"), table_params([[]], colours))
    # The independent-channel distractor really is 3 x 255.
    independent_channels = table_params(independent(3), values=256)
    q = question(lecture, "q9-rgb-pixel-params")
    assert str(independent_channels) in [c.en for c in q.choices]


def test_independence_answer(lecture: Lecture) -> None:
    assert_answer_is(question(lecture, "q9-independence-params"), table_params(independent(784)))


def test_chain_rule_answer(lecture: Lecture) -> None:
    assert_answer_is(question(lecture, "q9-chain-rule-params"), table_params(chain_rule(4)))


def test_markov_answer(lecture: Lecture) -> None:
    q = question(lecture, "q9-markov-params")
    assert_answer_is(q, table_params(markov(784)))
    # The second-order distractor is what its explanation says it is.
    assert f"{table_params(markov(784, order=2)):,}" in [c.en for c in q.choices]


def test_nade_parameter_answer(lecture: Lecture) -> None:
    count = sum(p.numel() for p in NADE(784, 500).parameters())
    assert_answer_is(question(lecture, "q9-nade-params"), count)


def test_nade_density_is_normalized_for_any_weights(lecture: Lecture) -> None:
    torch.manual_seed(0)
    n = 6
    every_x = torch.tensor(list(itertools.product((0.0, 1.0), repeat=n)))
    total = NADE(n, hidden=5).log_prob(every_x).exp().sum().item()
    is_normalized = abs(total - 1.0) < 1e-5
    assert question(lecture, "q9-nade-normalized").answer is is_normalized
    assert is_normalized


def test_sampling_steps_answer(lecture: Lecture) -> None:
    image = torch.empty(3, 32, 32)  # one conditional per channel value
    assert_answer_is(question(lecture, "q9-sampling-steps"), image.numel())


def test_bayes_posterior_answer_is_computed(lecture: Lecture) -> None:
    from fractions import Fraction

    q = question(lecture, "q9-bayes-posterior")
    likelihood, prior, evidence = (Fraction(str(v)) for v in (0.9, 0.01, 0.05))
    assert all(str(v) in (q.prompt.en or "") for v in ("0.9", "0.01", "0.05"))
    assert Fraction(q.answer.en) == likelihood * prior / evidence  # type: ignore[union-attr]


def test_pixelcnn_mask_lets_each_output_see_only_earlier_pixels() -> None:
    # The card's claim: with the later kernel weights zeroed, one convolution pass
    # gives every pixel a function of the pixels before it (raster order) only.
    k = 5
    mask = torch.ones(k, k)
    mask[k // 2, k // 2:] = 0  # the centre and everything to its right
    mask[k // 2 + 1:] = 0  # every row below
    conv = nn.Conv2d(1, 1, k, padding=k // 2, bias=False)
    with torch.no_grad():
        conv.weight.copy_(torch.rand(1, 1, k, k) * mask)
    x = torch.rand(1, 1, 6, 6, requires_grad=True)
    conv(x)[0, 0, 3, 3].backward()
    seen = x.grad[0, 0].nonzero().tolist()  # type: ignore[index]
    assert seen and all((r, c) < (3, 3) for r, c in seen)
