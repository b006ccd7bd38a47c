"""attention: every step held to torch's own attention within 1e-6 (float64)."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from demos.attention.compute import run
from demos.params import ParamError
from demos.registry import get_demo


def _t(rows) -> torch.Tensor:
    return torch.tensor(rows, dtype=torch.float64)


@pytest.mark.parametrize("causal", [False, True])
@pytest.mark.parametrize(("d_model", "heads"), [(8, 2), (12, 3), (6, 1)])
def test_each_head_equals_scaled_dot_product_attention(causal, d_model, heads):
    result = run(sentence="the cat sat on the mat", d_model=d_model, heads=heads,
                 causal=causal, seed=3)
    for head in result["per_head"]:
        q, k, v = _t(head["q"]), _t(head["k"]), _t(head["v"])
        expected = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
        assert torch.allclose(_t(head["output"]), expected, atol=1e-6, rtol=0)


@pytest.mark.parametrize("causal", [False, True])
def test_output_equals_torch_multihead_attention(causal):
    result = run(sentence="나는 오늘 어텐션을 배운다 정말", d_model=8, heads=2, causal=causal)
    d = result["d_model"]
    mha = torch.nn.MultiheadAttention(d, result["heads"], bias=False, batch_first=True,
                                      dtype=torch.float64)
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.cat([_t(result["w_q"]), _t(result["w_k"]),
                                            _t(result["w_v"])]))
        mha.out_proj.weight.copy_(_t(result["w_o"]))
    x = _t(result["x"]).unsqueeze(0)
    n = x.shape[1]
    mask = torch.ones(n, n, dtype=torch.bool).triu(1) if causal else None
    out, weights = mha(x, x, x, attn_mask=mask, need_weights=True, average_attn_weights=False)
    assert torch.allclose(_t(result["output"]), out[0], atol=1e-6, rtol=0)
    for h, head in enumerate(result["per_head"]):
        assert torch.allclose(_t(head["weights"]), weights[0, h], atol=1e-6, rtol=0)


def test_intermediate_steps_follow_from_each_other():
    result = run(causal=True)
    d_k = result["d_k"]
    for head in result["per_head"]:
        q, k = _t(head["q"]), _t(head["k"])
        assert torch.allclose(_t(head["scores"]), q @ k.T)
        assert torch.allclose(_t(head["scaled"]), q @ k.T / math.sqrt(d_k))
        for i, row in enumerate(head["masked"]):
            assert all((v is None) == (j > i) for j, v in enumerate(row))
        for i, row in enumerate(head["weights"]):
            assert sum(row) == pytest.approx(1.0)
            assert all(w == 0.0 for w in row[i + 1:])
    concat = torch.cat([_t(h["output"]) for h in result["per_head"]], dim=1)
    assert torch.allclose(_t(result["concat"]), concat)


def test_korean_sentence_splits_on_whitespace_and_repeats_share_an_embedding():
    result = run(sentence="  나는   너를  그리고 나는 ", positional=False)
    assert result["tokens"] == ["나는", "너를", "그리고", "나는"]
    assert result["embeddings"][0] == result["embeddings"][3]
    assert result["embeddings"][0] != result["embeddings"][1]
    assert result["x"] == result["embeddings"]


def test_positional_encoding_is_sinusoidal():
    result = run(sentence="a b c", d_model=4, heads=1)
    pe = result["positional_encoding"]
    assert pe[0] == [0.0, 1.0, 0.0, 1.0]
    assert pe[2] == pytest.approx([math.sin(2), math.cos(2), math.sin(2 / 100), math.cos(2 / 100)])
    assert torch.allclose(_t(result["x"]) - _t(result["embeddings"]), _t(pe))


def test_seed_decides_the_numbers():
    assert run(seed=7)["output"] == run(seed=7)["output"]
    assert run(seed=7)["output"] != run(seed=8)["output"]


@pytest.mark.parametrize(("given", "param", "fragment"), [
    ({"heads": 3}, "heads", "valid: 1, 2, 4, 8"),
    ({"sentence": " ".join(["w"] * 17)}, "sentence", "give 1 to 16"),
    ({"sentence": "   "}, "sentence", "has 0 tokens"),
    ({"d_model": 65}, "d_model", "from 2 to 64"),
])
def test_bad_parameters_are_rejected_naming_the_parameter(given, param, fragment):
    with pytest.raises(ParamError) as error:
        get_demo("attention").resolve(given)
    assert error.value.param == param
    assert fragment in str(error.value)
