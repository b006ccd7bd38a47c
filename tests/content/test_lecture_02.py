"""Lecture 2 (neural networks, MLP): coverage contract, and every numeric
answer recomputed with torch, so a wrong number in the YAML fails CI."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from studytui.content.model import Lecture
from tests.content.conftest import keyed_choice, numbers_in, params, question, short_number

FILE = "02-mlp.yaml"

# The notes' lecture-2 terms (neural network as function approximator, why
# not mimic the brain) plus what the lecture needs.
REQUIRED_CARDS = {
    "neural-network",
    "biological-inspiration",
    "affine-transformation",
    "linear-regression",
    "artificial-neuron",
    "need-for-nonlinearity",
    "activation-function",
    "relu",
    "sigmoid",
    "tanh",
    "hidden-layer",
    "multilayer-perceptron",
    "universal-approximation-theorem",
    "loss-function",
    "mean-squared-error",
    "cross-entropy",
    "negative-log-likelihood",
    "softmax",
    "forward-pass",
    "backpropagation",
    "chain-rule",
}


def test_every_required_concept_has_a_card(lecture: Lecture) -> None:
    missing = REQUIRED_CARDS - {c.id for c in lecture.cards}
    assert not missing, f"lecture 2 lacks cards: {sorted(missing)}"


def test_linear_layer_params_match_torch(lecture: Lecture) -> None:
    (keyed,) = keyed_choice(question(lecture, "q2-linear-params"))
    assert keyed == params(nn.Linear(784, 256))


def test_mlp_params_match_torch(lecture: Lecture) -> None:
    mlp = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    assert short_number(question(lecture, "q2-mlp-params")) == params(mlp)


def test_relu_output_matches_torch(lecture: Lecture) -> None:
    q = question(lecture, "q2-relu-output")
    given = numbers_in(q.prompt.en or "")
    assert keyed_choice(q) == torch.relu(torch.tensor(given)).tolist()


def test_sigmoid_max_derivative_matches_autograd(lecture: Lecture) -> None:
    x = torch.linspace(-10, 10, 20001, dtype=torch.float64, requires_grad=True)
    torch.sigmoid(x).sum().backward()
    (keyed,) = keyed_choice(question(lecture, "q2-sigmoid-max-derivative"))
    assert keyed == pytest.approx(x.grad.max().item(), abs=1e-9)  # type: ignore[union-attr]


def test_uniform_cross_entropy_matches_torch(lecture: Lecture) -> None:
    q = question(lecture, "q2-cross-entropy-uniform")
    assert "4 classes" in (q.prompt.en or "")
    loss = nn.CrossEntropyLoss()(torch.zeros(1, 4), torch.tensor([0]))
    (keyed,) = keyed_choice(q)
    assert keyed == round(loss.item(), 3)


def test_softmax_of_equal_logits_matches_torch(lecture: Lecture) -> None:
    q = question(lecture, "q2-softmax-uniform")
    logits = torch.tensor(numbers_in(q.prompt.en or ""))
    assert short_number(q) == pytest.approx(torch.softmax(logits, dim=0)[0].item())


def test_chain_rule_value_matches_autograd(lecture: Lecture) -> None:
    x = torch.tensor(1.0, requires_grad=True)
    ((3 * x + 1) ** 2).backward()
    assert short_number(question(lecture, "q2-chain-rule-value")) == x.grad.item()  # type: ignore[union-attr]


def test_stacked_linear_layers_collapse_to_one_affine_map(lecture: Lecture) -> None:
    # The truefalse question says ten activation-free layers equal one; check it.
    assert question(lecture, "q2-linear-collapse").answer is True
    torch.manual_seed(0)
    stack = nn.Sequential(*(nn.Linear(8, 8) for _ in range(10))).double()
    x = torch.randn(5, 8, dtype=torch.float64)
    bias = stack(torch.zeros(1, 8, dtype=torch.float64))
    weight = stack(torch.eye(8, dtype=torch.float64)) - bias  # rows: images of the basis
    assert torch.allclose(stack(x), x @ weight + bias)


def test_vanishing_gradient_factor_matches_autograd(lecture: Lecture) -> None:
    # Ten sigmoid layers at their steepest point (input 0): the gradient through
    # the activations alone is the keyed 0.25¹⁰.
    x = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    h = x
    for _ in range(10):
        h = torch.sigmoid(h) - 0.5  # stay at the steepest point, input 0, every layer
    h.backward()
    q = question(lecture, "q2-vanishing-sigmoid")
    keyed = q.choices[q.answer - 1].en or ""  # type: ignore[operator]
    assert keyed.startswith("0.25¹⁰ ≈ 9.5×10⁻⁷")
    assert x.grad.item() == pytest.approx(0.25**10)  # type: ignore[union-attr]
    assert f"{0.25**10:.1e}" == "9.5e-07"
