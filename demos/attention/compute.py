"""Attention toy: scaled dot-product and multi-head self-attention on a
sentence, every intermediate kept, in float64 so tests can hold it to
torch's own scaled_dot_product_attention and nn.MultiheadAttention.

Embeddings (one per distinct token, so a repeated word repeats its vector)
and the projection weights W_q, W_k, W_v, W_o are drawn from a generator
seeded with `seed`; there are no biases, so every number is a product of
what the result shows.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import torch

from demos.frames import Frame, use_torch


def positional_encoding(n: int, d: int) -> torch.Tensor:
    """Sinusoidal PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(...)."""
    pos = torch.arange(n, dtype=torch.float64).unsqueeze(1)
    freq = torch.pow(10000.0, -torch.arange(0, d, 2, dtype=torch.float64) / d)
    pe = torch.zeros(n, d, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(pos * freq)
    pe[:, 1::2] = torch.cos(pos * freq[: d // 2])
    return pe


def _rows(t: torch.Tensor) -> list[list[float]]:
    return t.tolist()


def _masked_rows(t: torch.Tensor) -> list[list[float | None]]:
    # -inf is not JSON: a masked position is null.
    return [[v if math.isfinite(v) else None for v in row] for row in t.tolist()]


def run(sentence: str = "나는 오늘 어텐션을 배운다", seed: int = 0, d_model: int = 8,
        heads: int = 2, causal: bool = False, positional: bool = True) -> dict[str, Any]:
    tokens = sentence.split()
    n, d, d_k = len(tokens), d_model, d_model // heads
    g = torch.Generator().manual_seed(seed)
    vocab = list(dict.fromkeys(tokens))
    table = torch.randn(len(vocab), d, generator=g, dtype=torch.float64)
    embedded = table[[vocab.index(t) for t in tokens]]
    pe = positional_encoding(n, d) if positional else torch.zeros(n, d, dtype=torch.float64)
    x = embedded + pe
    scale = 1 / math.sqrt(d)  # keeps projections of unit-variance inputs near unit variance
    w_q, w_k, w_v, w_o = (torch.randn(d, d, generator=g, dtype=torch.float64) * scale
                          for _ in range(4))
    q, k, v = x @ w_q.T, x @ w_k.T, x @ w_v.T
    mask = torch.ones(n, n, dtype=torch.bool).triu(1) if causal else None
    per_head = []
    outputs = []
    for h in range(heads):
        cols = slice(h * d_k, (h + 1) * d_k)
        qh, kh, vh = q[:, cols], k[:, cols], v[:, cols]
        scores = qh @ kh.T
        scaled = scores / math.sqrt(d_k)
        masked = scaled.masked_fill(mask, float("-inf")) if mask is not None else scaled
        weights = torch.softmax(masked, dim=-1)
        out = weights @ vh
        outputs.append(out)
        per_head.append({
            "q": _rows(qh), "k": _rows(kh), "v": _rows(vh), "scores": _rows(scores),
            "scaled": _rows(scaled), "masked": _masked_rows(masked),
            "weights": _rows(weights), "output": _rows(out),
        })
    concat = torch.cat(outputs, dim=1)
    output = concat @ w_o.T
    return {
        "demo": "attention",
        "tokens": tokens,
        "d_model": d,
        "heads": heads,
        "d_k": d_k,
        "causal": causal,
        "positional": positional,
        "seed": seed,
        "embeddings": _rows(embedded),
        "positional_encoding": _rows(pe),
        "x": _rows(x),
        "w_q": _rows(w_q), "w_k": _rows(w_k), "w_v": _rows(w_v), "w_o": _rows(w_o),
        "per_head": per_head,
        "concat": _rows(concat),
        "output": _rows(output),
    }


def frames(**params: Any) -> Iterator[Frame]:
    """One finished frame: the whole computation takes milliseconds."""
    use_torch()
    yield Frame(run(**params), finished=True)
