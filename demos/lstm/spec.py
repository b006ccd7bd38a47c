"""The LSTM demo's input sequence in pure Python (no torch), so a card's
`demo:` link is checked at start-up: numbers (one feature a step) or a
sentence whose tokens get seeded random embeddings (a repeated word repeats
its vector)."""

from __future__ import annotations

import math
import random
from typing import Any

from demos.params import ParamError

CELLS = ("rnn", "lstm", "gru")
GATES = {"rnn": (), "lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}
DEFAULT_SEQUENCE = "1, 0.5, -1, 0, 2"
MAX_STEPS = 16
MAX_VALUE = 100.0


def _numbers(text: str) -> list[float]:
    parts = text.replace(",", " ").split()
    if not 1 <= len(parts) <= MAX_STEPS:
        raise ParamError("sequence", f"has {len(parts)} numbers: give 1 to {MAX_STEPS}")
    out = []
    for i, part in enumerate(parts, 1):
        try:
            v = float(part)
        except ValueError:
            raise ParamError("sequence", f"item {i}: {part[:20]!r} is not a number") from None
        if not (math.isfinite(v) and abs(v) <= MAX_VALUE):
            raise ParamError("sequence", f"item {i}: {part[:20]} is out of range: numbers from "
                                         f"-{MAX_VALUE:g} to {MAX_VALUE:g}")
        out.append(v)
    return out


def inputs_of(sequence: str | None, sentence: str | None, features: int,
              seed: int) -> tuple[list[str], list[list[float]]]:
    """(a label per step, the inputs: steps x features)."""
    if sentence is not None:
        tokens = sentence.split()
        rng = random.Random(seed)
        table = {t: [rng.gauss(0.0, 1.0) for _ in range(features)]
                 for t in dict.fromkeys(tokens)}
        return tokens, [list(table[t]) for t in tokens]
    numbers = _numbers(DEFAULT_SEQUENCE if sequence is None else sequence)
    return [f"{v:g}" for v in numbers], [[v] for v in numbers]


def check(values: dict[str, Any]) -> None:
    if values["sequence"] is not None and values["sentence"] is not None:
        raise ParamError("sentence", "give a sequence or a sentence, not both")
    if values["sentence"] is not None:
        n = len(values["sentence"].split())
        if not 1 <= n <= MAX_STEPS:
            raise ParamError("sentence", f"has {n} tokens: give 1 to {MAX_STEPS}")
    elif values["sequence"] is not None:
        _numbers(values["sequence"])
