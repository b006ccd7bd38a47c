"""An answer written with its abbreviation in brackets: "X (ABBR)" or "ABBR (X)".

Learners copy the way textbooks write a term the first time it appears:
"Backpropagation Through Time (BPTT)", "비최대 억제 (NMS)". The grader splits
such an answer into its two parts (`bracket_pair`) and accepts it when both
parts are accepted answers, or when one is and the other abbreviates it
(`is_abbreviation`: BPTT for backpropagation through time).
"""

from __future__ import annotations

import re

# The whole answer: a part, then one bracketed part at the end; no nesting.
_PAIR = re.compile(r"(?P<a>[^()\[\]]*[^\s()\[\]])\s*[(\[](?P<b>[^()\[\]]*[^\s()\[\]])\s*[)\]]")
_TRAILING = " \t\n.!?。"
_LETTERS = re.compile(r"[a-z]+")
_SMALL_WORDS = frozenset({"a", "an", "and", "of", "the", "to", "for", "in", "on", "with"})


def bracket_pair(cleaned: str) -> tuple[str, str] | None:
    """("X", "Y") for a cleaned answer "X (Y)" or "X [Y]", else None."""
    m = _PAIR.fullmatch(cleaned.strip().rstrip(_TRAILING))
    return (m.group("a"), m.group("b")) if m else None


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def is_abbreviation(short: str, long: str) -> bool:
    """True when `short` (Latin letters) abbreviates the phrase `long`: it
    starts with the phrase's first letter, takes its letters in order, and
    includes the initial of every word that is not a small word (of, the...).
    So BPTT, NMS, ELBO and RPN qualify; a single word has no abbreviation."""
    short = short.casefold().replace(" ", "").replace(".", "")
    words = _LETTERS.findall(long.casefold())
    if not short.isascii() or not short.isalpha() or len(words) < 2:
        return False
    if not 2 <= len(short) <= len(words) + 4:
        return False
    initials = "".join(w[0] for w in words if w not in _SMALL_WORDS)
    return (
        short[0] == words[0][0]
        and _is_subsequence(short, "".join(words))
        and _is_subsequence(initials, short)
    )
