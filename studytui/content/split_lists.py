"""The split-comma trap in `accept` and `aliases` lists.

In a flow list, YAML splits at every comma: `accept: [Beta(α, α)]` is two
entries, "Beta(α" and "α)". The first opens a bracket its neighbour closes,
which no real answer does, so such a pair is flagged with the fix (quote the
entry). `validate` warns; `--strict` (the bundled deck) refuses it.
"""

from __future__ import annotations

from collections.abc import Iterator

_PAIRS = {"(": ")", "[": "]", "{": "}"}


def _balance(text: str) -> dict[str, int]:
    """Per bracket kind: opened minus closed."""
    return {o: text.count(o) - text.count(c) for o, c in _PAIRS.items()}


def split_pairs(entries: list[str]) -> Iterator[int]:
    """Indices i where entries[i] leaves a bracket open that entries[i+1] closes."""
    for i in range(len(entries) - 1):
        left, right = _balance(entries[i]), _balance(entries[i + 1])
        if any(left[o] > 0 and right[o] < 0 for o in _PAIRS):
            yield i


def split_message(field: str, first: str, second: str) -> str:
    joined = f"{first}, {second}"
    return (
        f"'{first}' and '{second}' look like one entry split at its comma: "
        f'quote it as "{joined}" so that {field} keeps it whole'
    )
