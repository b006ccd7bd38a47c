"""Issue 22: every card of lectures 6, 9 and 10 whose idea a demo shows opens
it, and the parameters each card gives make the demo show that idea."""

from __future__ import annotations

import pytest

from demos.registry import get_demo
from studytui.content.loader import load_deck

LINKED = {
    "detection": ["bounding-box", "intersection-over-union", "non-maximum-suppression",
                  "anchor-box"],
    "autoregressive": ["discrete-distribution-params", "joint-distribution-params",
                       "independence-assumption", "probability-chain-rule",
                       "conditional-independence", "joint-markov-assumption",
                       "autoregressive-generative-model", "nade",
                       "autoregressive-sampling-cost"],
    "vae": ["variational-autoencoder", "elbo", "elbo-decomposition",
            "elbo-reconstruction-term", "elbo-prior-fitting-term", "reparameterization-trick",
            "vae-gaussian-kl"],
    "gan": ["gan", "gan-generator", "gan-discriminator", "gan-minimax-objective",
            "gan-optimal-discriminator", "gan-training-loop", "mode-collapse",
            "non-saturating-loss"],
}


@pytest.fixture(scope="module")
def deck():
    return load_deck(strict=True)


@pytest.mark.parametrize(("demo", "card"), [(d, c) for d, cards in LINKED.items()
                                             for c in cards])
def test_the_card_opens_its_demo_with_valid_parameters(deck, demo, card):
    link = deck.cards[card].demo
    assert link is not None and link.name == demo
    get_demo(demo).resolve(link.params)


def test_the_rpn_card_keeps_its_parameter_count_demo(deck):
    # One demo a card: the RPN's own card counts its head's parameters; its
    # anchors are drawn from the anchor-box card.
    assert deck.cards["region-proposal-network"].demo.name == "cnn-params"


def test_card_parameters_show_their_lesson(deck):
    from demos.runner import run_demo

    iou = run_demo("detection", deck.cards["intersection-over-union"].demo.params)
    assert iou["pair"]["iou"] == pytest.approx(1 / 7)  # the card's quiz: (0,0,4,4), (2,2,6,6)
    assert deck.cards["elbo-prior-fitting-term"].demo.params == {"beta": 0}
    assert deck.cards["gan-minimax-objective"].demo.params["loss"] == "minimax"
