"""Answer text as the grader compares it: normalised keys, optional
parenthesised parts, and per-letter facts for typo tolerance.

Both sides of a comparison go through here: NFKC (composes Hangul, folds
full-width forms), casefold, lookalikes folded (3×3 == 3x3), surrounding
punctuation stripped, every separator removed (spaces, dashes, underscores,
quotes, middle dots, parentheses), Hangul spelled out as jamo. A comma
between digit groups is a thousands separator; a minus before a number is
kept. A parenthesised part that follows a space is optional. The rules that
decide what counts as right live in `studytui.grading.grader`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from studytui.grading.hangul import is_syllable, jamo_of

TYPO_MIN_LENGTH = 5  # a word's length in letters, a Hangul syllable counting 2
_SYLLABLE_WEIGHT = 2


class Form(NamedTuple):
    """One accepted spelling, ready to compare."""

    key: str  # normalised, separators removed, Hangul as jamo
    tolerant: tuple[bool, ...]  # per key letter: is its word long enough for a typo?
    digits: tuple[str, ...]  # the digit runs, which a typo may not change


# --- normalisation -------------------------------------------------------

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_MINUS = "\u2212"
# A dash or minus that starts a number (not after a word character) is a sign.
_SIGN = re.compile(rf"(?<!\w)[{_DASHES}{_MINUS}](?=\d)")
_LEADING_DECIMAL = re.compile(r"(?<![\w.])\.(?=\d)")  # .5 -> 0.5
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
DIGIT_RUNS = re.compile(r"\d+")
# An optional part: "(...)" at the start or after whitespace, no nesting.
_OPTIONAL = re.compile(r"(?:(?<=\s)|^)\(([^()]*)\)")
_MAX_OPTIONAL_GROUPS = 4  # 2**4 combinations; more are taken all-or-nothing

# Characters removed before comparing, besides whitespace and the Unicode
# dash, connector and quote punctuation classes (checked by category).
_EXTRA_SEPARATORS = frozenset("()'\"`\u00b4\u00b7\u318d\u30fb\u2027")
_SEPARATOR_CATEGORIES = frozenset({"Pd", "Pc", "Pi", "Pf"})


def _is_separator(ch: str) -> bool:
    return (
        ch.isspace() or ch in _EXTRA_SEPARATORS or unicodedata.category(ch) in _SEPARATOR_CATEGORIES
    )


def _is_edge_junk(ch: str) -> bool:
    """Punctuation or space that may surround an answer ("Adam." / «아담»)."""
    return ch.isspace() or unicodedata.category(ch).startswith("P")


# Characters a keyboard cannot type easily, folded to the one it can: the deck
# writes "3×3" and "1×1", a learner types 3x3.
_LOOKALIKES = str.maketrans({"×": "x", "✕": "x", "⨯": "x"})


def clean(text: str) -> str:
    # NFKC twice around casefold: casefold can produce unnormalised text (ß -> ss is
    # fine, but some letters fold to sequences that NFKC then composes).
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    text = text.translate(_LOOKALIKES)
    text = _SIGN.sub(_MINUS, text)
    text = _LEADING_DECIMAL.sub("0.", text)
    return _THOUSANDS.sub("", text)


def strip_edges(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return text[start:end]


# Per-character facts, memoised: the same few hundred characters recur in every
# deck, and this loop runs over every term of the deck once.
_CharInfo = tuple[bool, str, int]  # (is a separator, its jamo, its length weight)
_CHAR_INFO: dict[str, _CharInfo] = {}
_CHAR_INFO_LIMIT = 20_000  # arbitrary pasted text must not grow the memo forever


def char_info(ch: str) -> _CharInfo:
    info = _CHAR_INFO.get(ch)
    if info is None:
        weight = (_SYLLABLE_WEIGHT if is_syllable(ch) else 1) if ch.isalpha() else 0
        info = (_is_separator(ch), jamo_of(ch), weight)
        if len(_CHAR_INFO) < _CHAR_INFO_LIMIT:
            _CHAR_INFO[ch] = info
    return info


class _KeyTable(dict):
    """A str.translate table, filled on demand: separators vanish, Hangul
    syllables become jamo. Used for keys that need no per-letter facts."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        value = None if _is_separator(ch) else jamo_of(ch)
        if len(self) < _CHAR_INFO_LIMIT:
            self[code] = value
        return value


_KEY_TABLE = _KeyTable()


def key_of(stripped: str) -> str:
    """The comparison key of a cleaned, edge-stripped spelling."""
    return stripped.translate(_KEY_TABLE)


def form_of(text: str) -> Form | None:
    """The comparable form of one cleaned, edge-stripped spelling, None if empty."""
    key: list[str] = []
    tolerant: list[bool] = []
    word: list[str] = []  # the current word's letters (jamo for Hangul)
    length = 0  # the current word's length, a syllable counting 2

    def end_word() -> None:
        long_enough = length >= TYPO_MIN_LENGTH
        key.extend(word)
        tolerant.extend([long_enough] * len(word))
        word.clear()

    for ch in text:
        separator, letters, weight = char_info(ch)
        if separator:
            if word:
                end_word()
                length = 0
        else:
            word.extend(letters)
            length += weight
    if word:
        end_word()
    if not key:
        return None
    joined = "".join(key)
    return Form(joined, tuple(tolerant), tuple(DIGIT_RUNS.findall(joined)))


def _variants(text: str) -> list[str]:
    """Every spelling an accepted text allows, its optional (...) parts in or
    out; cleaned and stripped of surrounding punctuation."""
    cleaned = clean(text)
    groups = list(_OPTIONAL.finditer(cleaned))
    if not groups:
        return [strip_edges(cleaned)]

    def without(drop: set[int]) -> str:
        parts, last = [], 0
        for i, m in enumerate(groups):
            parts.append(cleaned[last : m.start()])
            parts.append(" " if i in drop else m.group(0))
            last = m.end()
        parts.append(cleaned[last:])
        return "".join(parts)

    n = len(groups)
    if n <= _MAX_OPTIONAL_GROUPS:
        subsets = [{i for i in range(n) if mask >> i & 1} for mask in range(1 << n)]
    else:
        subsets = [set(), set(range(n))]
    variants = [without(drop) for drop in subsets]
    variants += [m.group(1) for m in groups]  # the parenthesised part alone
    if n == 1:  # "Adam (아담)" for "아담 (Adam)"
        variants.append(f"{groups[0].group(1)} {without({0})}")
    return [strip_edges(v) for v in variants]


@lru_cache(maxsize=8192)
def accepted_forms(text: str) -> tuple[Form, ...]:
    forms: dict[str, Form] = {}
    for variant in _variants(text):
        form = form_of(variant)
        if form is not None and form.key not in forms:
            forms[form.key] = form
    return tuple(forms.values())


def other_keys(text: str) -> list[str]:
    """The keys of another term's spellings (no per-letter facts needed)."""
    return [key for key in map(key_of, _variants(text)) if key]


def normalize(text: str) -> str:
    """The comparison key of an answer: what two equal answers share (for tests
    and for callers that want to de-duplicate answers)."""
    return key_of(strip_edges(clean(text)))
