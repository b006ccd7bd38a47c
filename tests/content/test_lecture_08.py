"""Lecture 8 (Transformer): coverage contract, demo links, and every numeric
answer recomputed with torch, so a wrong number in the YAML fails CI."""

from __future__ import annotations

import math

import pytest
import torch
from torch import nn

from demos.registry import get_demo
from studytui.content.model import Lecture
from tests.content.conftest import (
    assert_answer_is,
    card,
    choice_numbers,
    params,
    question,
    short_number,
)

FILE = "08-transformer.yaml"

# The concepts lecture 8 must teach: the notes' terms plus what the lecture needs.
REQUIRED_CARDS = {
    "sequence-transduction",
    "transformer",
    "transformer-encoder",
    "transformer-decoder",
    "self-attention",
    "query-key-value",
    "attention-score",
    "attention-scaling",
    "attention-softmax",
    "attention-weighted-sum",
    "scaled-dot-product-attention",
    "multi-head-attention",
    "mha-output-projection",
    "positional-encoding",
    "position-wise-ffn",
    "transformer-add-norm",
    "encoder-decoder-attention",
    "masked-self-attention",
    "autoregressive-decoding",
    "attention-quadratic-cost",
}

# Cards about attention itself open the attention toy.
ATTENTION_DEMO_CARDS = REQUIRED_CARDS - {"sequence-transduction", "position-wise-ffn",
                                         "transformer-add-norm"}
CAUSAL_CARDS = {"transformer-decoder", "masked-self-attention", "autoregressive-decoding"}


def test_every_required_concept_has_a_card(lecture: Lecture) -> None:
    missing = REQUIRED_CARDS - {c.id for c in lecture.cards}
    assert not missing, f"lecture 8 lacks cards: {sorted(missing)}"


def test_attention_cards_open_the_attention_demo(lecture: Lecture) -> None:
    cards = {c.id: c for c in lecture.cards}
    for cid in sorted(ATTENTION_DEMO_CARDS):
        demo = cards[cid].demo
        assert demo is not None and demo.name == "attention", cid
        resolved = get_demo(demo.name).resolve(demo.params)  # raises on bad params
        assert resolved["causal"] is (cid in CAUSAL_CARDS), cid


def test_formula_card_matches_torch_sdpa(lecture: Lecture) -> None:
    the_card = card(lecture, "scaled-dot-product-attention")
    assert the_card.formula and "softmax(QK^T / √d_k) V" in the_card.formula
    torch.manual_seed(0)
    q, k, v = torch.randn(3, 5, 16).unbind(0)
    by_formula = torch.softmax(q @ k.T / math.sqrt(16), dim=-1) @ v
    by_torch = nn.functional.scaled_dot_product_attention(q[None], k[None], v[None])[0]
    assert torch.allclose(by_formula, by_torch, atol=1e-5)


def test_dot_product_variance_answer(lecture: Lecture) -> None:
    torch.manual_seed(0)
    d_k = 64
    q, k = torch.randn(2, 200_000, d_k).unbind(0)
    measured = (q * k).sum(dim=1).var().item()
    numbers = choice_numbers(question(lecture, "q8-dot-variance"))
    closest = min(numbers, key=lambda n: abs(n - measured))
    assert closest == numbers[question(lecture, "q8-dot-variance").answer - 1]
    assert abs(measured - d_k) / d_k < 0.02  # and the scaled version is ~1
    assert abs((q * k).sum(dim=1).div(math.sqrt(d_k)).var().item() - 1) < 0.02


def test_head_dim_answer(lecture: Lecture) -> None:
    mha = nn.MultiheadAttention(embed_dim=512, num_heads=8)
    assert_answer_is(question(lecture, "q8-mha-head-dim"), mha.head_dim)


def test_multihead_attention_parameter_answer(lecture: Lecture) -> None:
    mha = nn.MultiheadAttention(embed_dim=512, num_heads=8)
    count = params(mha)
    assert_answer_is(question(lecture, "q8-mha-params"), count)


@pytest.mark.parametrize("heads", [1, 2, 4, 8])
def test_mha_parameter_count_does_not_depend_on_heads(heads: int) -> None:
    # The output-projection card and q8-mha-why claim 4d² + 4d whatever h is.
    d = 64
    mha = nn.MultiheadAttention(embed_dim=d, num_heads=heads)
    assert params(mha) == 4 * d * d + 4 * d


def test_attention_weights_shape_answer(lecture: Lecture) -> None:
    mha = nn.MultiheadAttention(embed_dim=512, num_heads=8, batch_first=True)
    x = torch.randn(2, 10, 512)
    _, weights = mha(x, x, x, average_attn_weights=False)
    q = question(lecture, "q8-mha-weights-shape")
    assert isinstance(q.answer, int)
    assert q.choices[q.answer - 1].en == str(tuple(weights.shape))
    assert [c.en for c in q.choices].count(str(tuple(weights.shape))) == 1


def test_ffn_parameter_answer(lecture: Lecture) -> None:
    ffn = nn.Sequential(nn.Linear(512, 2048), nn.ReLU(), nn.Linear(2048, 512))
    count = params(ffn)
    assert_answer_is(question(lecture, "q8-ffn-params"), count)


def test_causal_pairs_answer(lecture: Lecture) -> None:
    n = 5
    scores = torch.zeros(n, n).masked_fill(torch.ones(n, n).triu(1).bool(), float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    allowed = int((weights > 0).sum())
    assert_answer_is(question(lecture, "q8-causal-pairs"), allowed)
    # The masked rows still sum to 1, as q8-mask-before-softmax explains.
    assert torch.allclose(weights.sum(dim=-1), torch.ones(n))


def test_quadratic_growth_answer(lecture: Lecture) -> None:
    d_k = 8

    def score_entries(n: int) -> int:
        q = k = torch.randn(n, d_k)
        return (q @ k.T).numel()

    factor = score_entries(1024) / score_entries(512)
    q = question(lecture, "q8-quadratic")
    assert isinstance(q.answer, int)
    assert q.choices[q.answer - 1].en == f"{factor:g}×"


def test_truefalse_answers_match_torch(lecture: Lecture) -> None:
    # q8-softmax-rows: each row of self-attention weights sums to 1.
    mha = nn.MultiheadAttention(embed_dim=16, num_heads=2, batch_first=True)
    x = torch.randn(1, 6, 16)
    _, w = mha(x, x, x, average_attn_weights=False)
    rows_sum_to_one = bool(torch.allclose(w.sum(dim=-1), torch.ones(1, 2, 6), atol=1e-5))
    assert question(lecture, "q8-softmax-rows").answer is rows_sum_to_one
    # q8-mask-before-softmax: zeroing after the softmax does not keep rows at 1.
    after = torch.softmax(torch.randn(4, 4), dim=-1) * torch.ones(4, 4).tril()
    zeroing_after_works = bool(torch.allclose(after.sum(dim=-1), torch.ones(4)))
    assert question(lecture, "q8-mask-before-softmax").answer is zeroing_after_works


def test_query_shape_answer_matches_torch(lecture: Lecture) -> None:
    q = question(lecture, "q8-query-shape")
    shape = (torch.zeros(10, 512) @ torch.zeros(512, 64)).shape
    assert q.answer.en == f"{shape[0]}×{shape[1]}"  # type: ignore[union-attr]


def test_vit_patch_count_matches_torch(lecture: Lecture) -> None:
    patches = nn.functional.unfold(torch.zeros(1, 3, 224, 224), kernel_size=16, stride=16)
    assert short_number(question(lecture, "q8-vit-patches")) == patches.shape[-1]
    assert "14·14 = 196" in (card(lecture, "vision-transformer").notes.en or "")


def test_padding_mask_gives_padded_keys_zero_weight(lecture: Lecture) -> None:
    # The keyed choice: -inf on the <pad> keys before the softmax; torch's
    # key_padding_mask does exactly that, and the pads get weight 0.
    assert "−∞" in question(lecture, "q8-padding-mask").choices[0].en  # type: ignore[operator]
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 2, batch_first=True)
    x = torch.randn(1, 5, 8)
    pad = torch.tensor([[False, False, False, True, True]])
    _, weights = mha(x, x, x, key_padding_mask=pad)
    assert torch.all(weights[0, :, 3:] == 0)
    assert torch.allclose(weights.sum(-1), torch.ones(1, 5))
