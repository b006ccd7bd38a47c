"""How the palette ranks an entry against what was typed: in either language,
with typos forgiven. This is the one place that decides; when the core's card
search index lands, `match_score` is the function to point at it.

Korean is compared letter by letter (jamo), so a slip of one letter inside a
syllable (최적하 for 최적화) costs one letter, not a whole syllable.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from studytui.grading.hangul import decompose_syllable, is_syllable

TYPO_FLOOR = 75  # rapidfuzz ratio (0-100) from which a near miss counts as a typo
MIN_TYPO_LENGTH = 4  # shorter queries match only exactly or as a prefix


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case, width and spacing folded; Hangul syllables spelled out in jamo;
    punctuation dropped (so "multi-head" finds "multihead" and "multi head")."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKC", text).casefold():
        if is_syllable(ch):
            out.extend(decompose_syllable(ch))
        elif ch.isalnum():
            out.append(ch)
        elif out and out[-1] != " ":
            out.append(" ")
    return "".join(out).strip()


def _score_one(query: str, name: str) -> float:
    """`query` and `name` already folded; 0 (no match) to 1 (the same)."""
    if not name:
        return 0.0
    if query == name:
        return 1.0
    if name.startswith(query):
        return 0.9
    words = name.split()
    if any(w.startswith(query) for w in words):
        return 0.85
    squeezed_query, squeezed = query.replace(" ", ""), name.replace(" ", "")
    # Inside a name, from a word's start, spaces ignored: "multihead" finds
    # "multi-head", but "adma" does not find "multi-head masked".
    starts, at = set(), 0
    for w in words:
        starts.add(at)
        at += len(w)
    if any(squeezed.startswith(squeezed_query, i) for i in starts) or query in name:
        return 0.75
    if len(squeezed_query) < MIN_TYPO_LENGTH:
        return 0.0
    near = max(fuzz.ratio(query, name), *(fuzz.ratio(query, w) for w in words))
    # A typo in the first letters of a longer name ("optimzer" in "optimizer
    # race"), but not one that drops the first letter: "adma" is not "padma…".
    if squeezed[:1] == squeezed_query[:1]:
        near = max(near, fuzz.ratio(squeezed_query, squeezed[: len(squeezed_query) + 1]))
    if near < TYPO_FLOOR:
        return 0.0
    return 0.3 + 0.4 * (near - TYPO_FLOOR) / (100 - TYPO_FLOOR)


def match_score(query: str, names: Iterable[str], extra: Iterable[str] = ()) -> float:
    """How well `query` finds an entry called `names` (in any language), with
    `extra` (tags, the other words about it) counting at half. 0 is no match."""
    folded = fold(query)
    if not folded:
        return 0.0
    best = max((_score_one(folded, fold(n)) for n in names), default=0.0)
    if best < 1.0:
        best = max(best, 0.5 * max((_score_one(folded, fold(e)) for e in extra), default=0.0))
    return best
