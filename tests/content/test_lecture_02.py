"""Lecture 2 (neural networks, MLP): coverage contract, and every numeric
answer recomputed with torch, so a wrong number in the YAML fails CI."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import torch
from torch import nn

from studytui.model import Lecture, Question

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

NUMBER = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?")


@pytest.fixture
def lecture(load_lecture: Callable[[str], Lecture]) -> Lecture:
    return load_lecture(FILE)


def question(lecture: Lecture, qid: str) -> Question:
    matches = [q for q in lecture.questions if q.id == qid]
    assert matches, f"question {qid} is missing"
    return matches[0]


def numbers_in(text: str) -> list[float]:
    """Every number in `text`, with thousands separators and − signs read."""
    return [float(m.replace(",", "").replace("−", "-")) for m in NUMBER.findall(text)]


def keyed_choice(q: Question) -> list[float]:
    """The numbers in the keyed choice, after checking that the languages agree
    and that no distractor holds the same numbers."""
    assert isinstance(q.answer, int) and not isinstance(q.answer, bool)
    choices = [numbers_in(c.en or "") for c in q.choices]
    assert [numbers_in(c.ko or "") for c in q.choices] == choices, f"{q.id}: ko/en differ"
    keyed = choices[q.answer - 1]
    assert choices.count(keyed) == 1, f"{q.id}: a distractor equals the keyed answer"
    return keyed


def short_number(q: Question) -> float:
    assert q.type == "short" and q.answer.ko == q.answer.en  # type: ignore[union-attr]
    return float(q.answer.en)  # type: ignore[union-attr]


def n_params(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def test_lecture_identity(lecture: Lecture) -> None:
    assert (lecture.id, lecture.number) == ("02-mlp", 2)


def test_every_required_concept_has_a_card(lecture: Lecture) -> None:
    missing = REQUIRED_CARDS - {c.id for c in lecture.cards}
    assert not missing, f"lecture 2 lacks cards: {sorted(missing)}"


def test_quiz_size_types_and_ids(lecture: Lecture) -> None:
    assert len(lecture.questions) >= 15
    assert len({q.type for q in lecture.questions}) >= 4
    assert all(q.id.startswith("q2-") for q in lecture.questions)
    cards = {c.id for c in lecture.cards}
    assert all(q.card in cards for q in lecture.questions)
    assert all(q.accept for q in lecture.questions if q.type in ("short", "cloze"))


def test_no_demo_links_until_a_lecture_2_demo_exists(lecture: Lecture) -> None:
    assert all(c.demo is None for c in lecture.cards)


def test_linear_layer_params_match_torch(lecture: Lecture) -> None:
    (keyed,) = keyed_choice(question(lecture, "q2-linear-params"))
    assert keyed == n_params(nn.Linear(784, 256))


def test_mlp_params_match_torch(lecture: Lecture) -> None:
    mlp = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    assert short_number(question(lecture, "q2-mlp-params")) == n_params(mlp)


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
