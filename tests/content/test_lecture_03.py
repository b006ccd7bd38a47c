"""Lecture 3 (optimization): coverage contract, optimizer demo links, and every
numeric answer recomputed with torch, so a wrong number in the YAML fails CI."""

from __future__ import annotations

import math
import re

import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from studytui.content.model import Lecture
from tests.content.conftest import card, keyed_choice, question, short_number

FILE = "03-optimization.yaml"

# The notes' lecture-3 terms plus what the lecture needs and the notes skip
# (generalization gap, under/overfitting, bias-variance, learning rate, early
# stopping, weight decay, data augmentation).
REQUIRED_CARDS = {
    "gradient-descent",
    "generalization",
    "generalization-gap",
    "underfitting",
    "overfitting",
    "bias-variance-tradeoff",
    "cross-validation",
    "bootstrapping",
    "bagging",
    "boosting",
    "stochastic-gradient-descent",
    "batch-gradient-descent",
    "mini-batch-gradient-descent",
    "flat-vs-sharp-minimum",
    "learning-rate",
    "momentum",
    "nesterov-accelerated-gradient",
    "adagrad",
    "adadelta",
    "rmsprop",
    "adam",
    "regularization",
    "early-stopping",
    "weight-decay",
    "data-augmentation",
    "noise-robustness",
    "label-smoothing",
    "mixup",
    "cutmix",
    "dropout",
    "batch-normalization",
}

# Each optimizer card opens the optimizer race with itself in front.
OPTIMIZER_CARDS = {
    "momentum": "momentum",
    "nesterov-accelerated-gradient": "nesterov",
    "adagrad": "adagrad",
    "adadelta": "adadelta",
    "rmsprop": "rmsprop",
    "adam": "adam",
}


def test_every_required_concept_has_a_card(lecture: Lecture) -> None:
    missing = REQUIRED_CARDS - {c.id for c in lecture.cards}
    assert not missing, f"lecture 3 lacks cards: {sorted(missing)}"


@pytest.mark.parametrize("card_id, optimizer", sorted(OPTIMIZER_CARDS.items()))
def test_optimizer_card_has_rule_and_opens_race_focused_on_itself(
    lecture: Lecture, card_id: str, optimizer: str
) -> None:
    optimizer_card = card(lecture, card_id)
    demo = optimizer_card.demo
    assert optimizer_card.formula and "θ" in optimizer_card.formula, f"{card_id} lacks its rule"
    assert demo is not None and demo.name == "optimizer-race"
    assert demo.params["focus"] == optimizer
    assert optimizer in demo.params["optimizers"]


def test_adam_first_step_matches_torch(lecture: Lecture) -> None:
    theta = nn.Parameter(torch.tensor(1.0))
    opt = torch.optim.Adam([theta], lr=0.1, betas=(0.9, 0.999), eps=1e-8)
    (4 * theta).backward()
    opt.step()
    (keyed,) = keyed_choice(question(lecture, "q3-adam-first-step"))
    assert keyed == pytest.approx(theta.item(), abs=1e-6)


def test_momentum_step_limit_matches_torch(lecture: Lecture) -> None:
    theta = nn.Parameter(torch.tensor(0.0, dtype=torch.float64))
    opt = torch.optim.SGD([theta], lr=1.0, momentum=0.9)
    for _ in range(400):  # constant gradient 1; 0.9**400 is negligible
        before = theta.item()
        opt.zero_grad()
        theta.backward()
        opt.step()
    step = before - theta.item()  # step length in units of lr·g = 1
    (keyed,) = keyed_choice(question(lecture, "q3-momentum-limit"))
    assert keyed == pytest.approx(step, rel=1e-6)


def test_learning_rate_divergence_threshold_matches_torch(lecture: Lecture) -> None:
    (threshold,) = keyed_choice(question(lecture, "q3-lr-diverge"))

    def final_distance(lr: float) -> float:
        x = nn.Parameter(torch.tensor(1.0, dtype=torch.float64))
        opt = torch.optim.SGD([x], lr=lr)
        for _ in range(1000):
            opt.zero_grad()
            (x**2).backward()
            opt.step()
        return abs(x.item())

    assert final_distance(threshold * 0.99) < 1e-3  # just below: converges
    assert final_distance(threshold * 1.01) > 1e3  # just above: diverges


def test_bootstrap_fraction_matches_torch_sampling(lecture: Lecture) -> None:
    n = 100_000
    gen = torch.Generator().manual_seed(0)
    drawn = torch.randint(n, (n,), generator=gen)
    simulated = torch.unique(drawn).numel() / n
    exact = 1 - (1 - 1 / n) ** n
    assert simulated == pytest.approx(exact, abs=0.005)
    (keyed,) = keyed_choice(question(lecture, "q3-bootstrap-unique"))
    assert keyed == pytest.approx(100 * exact, abs=0.05)
    assert exact == pytest.approx(1 - 1 / math.e, abs=1e-4)


def test_updates_per_epoch_matches_dataloader(lecture: Lecture) -> None:
    q = question(lecture, "q3-minibatch-steps")
    prompt = q.prompt.en or ""
    n = int(re.search(r"on (\d+) examples", prompt).group(1))  # type: ignore[union-attr]
    batch = int(re.search(r"batch size (\d+)", prompt).group(1))  # type: ignore[union-attr]
    loader = DataLoader(TensorDataset(torch.zeros(n, 1)), batch_size=batch, drop_last=False)
    assert short_number(q) == len(loader)


def test_label_smoothing_target_matches_torch_loss(lecture: Lecture) -> None:
    q = question(lecture, "q3-label-smoothing-target")
    classes, eps = 5, 0.1
    assert f"{classes} classes" in (q.prompt.en or "") and f"ε = {eps}" in (q.prompt.en or "")
    correct = short_number(q)
    target = torch.full((classes,), (1 - correct) / (classes - 1), dtype=torch.float64)
    target[2] = correct
    logits = torch.randn(classes, generator=torch.Generator().manual_seed(1), dtype=torch.float64)
    expected = nn.CrossEntropyLoss(label_smoothing=eps)(logits[None], torch.tensor([2]))
    by_hand = -(target * torch.log_softmax(logits, dim=0)).sum()
    assert by_hand.item() == pytest.approx(expected.item(), abs=1e-12)


def test_dropout_survivor_value_matches_torch(lecture: Lecture) -> None:
    q = question(lecture, "q3-dropout-scale")
    torch.manual_seed(0)
    out = nn.Dropout(p=0.2).train()(torch.ones(10_000))
    survivors = torch.unique(out[out != 0])
    assert survivors.numel() == 1
    assert short_number(q) == pytest.approx(survivors.item(), abs=1e-6)


def test_group_norm_with_one_group_or_one_per_channel_is_layer_or_instance_norm(
    lecture: Lecture,
) -> None:
    # The normalization-variants card: one group = layer norm over (C, H, W);
    # one group per channel = instance norm over (H, W).
    notes = card(lecture, "normalization-variants").notes.en or ""
    assert "Group norm with one group is layer norm" in notes
    torch.manual_seed(0)
    x = torch.randn(2, 6, 5, 5)
    layer = nn.LayerNorm([6, 5, 5], elementwise_affine=False)(x)
    instance = nn.InstanceNorm2d(6)(x)
    assert torch.allclose(nn.GroupNorm(1, 6, affine=False)(x), layer, atol=1e-5)
    assert torch.allclose(nn.GroupNorm(6, 6, affine=False)(x), instance, atol=1e-5)
    # The layer-norm question: statistics of one sample alone, so a batch of one works.
    q = question(lecture, "q3-layer-norm-which")
    assert q.choices[q.answer - 1].en == "Layer normalization"  # type: ignore[operator]
    assert torch.allclose(nn.GroupNorm(1, 6, affine=False)(x[:1]), layer[:1], atol=1e-5)


def test_batch_gradient_descent_updates_once_per_epoch(lecture: Lecture) -> None:
    q = question(lecture, "q3-batch-gd-updates")
    assert "60,000" in (q.prompt.en or "")
    assert short_number(q) == math.ceil(60000 / 60000)
    assert "⌈60000/128⌉ = 469" in (q.explanation.en or "") and math.ceil(60000 / 128) == 469
