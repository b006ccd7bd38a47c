"""Exponents, subscripts and minus signs written one way, before normalisation.

NFKC folds a superscript to its plain letter ("2ⁿ − 1" would become "2n − 1",
a different and wrong answer), so the grader rewrites powers and indices into
one typed form first, on both sides of a comparison:

    2ⁿ, 2^n, 2^{n}, 2^(n), 2**n     -> 2^n
    2ⁿ⁻¹, 2^{n-1}, 2^(n-1)          -> 2^{n-1}    (never the same as 2^n-1)
    x₁, x_1, x_{1}                  -> x_{1}      (never the same as x1 or x^1)
    dₖ, d_k, d_{k}                  -> d_k        (a letter index: the same as dk)

The braces stay in the comparison key, so an exponent or a numeric index never
reads as plain digits; a letter index is written as learners type it (d_k,
dk). A minus between two operands ("2^n − 1") is written "-" like the hyphen a
learner types, so spacing around it does not matter; a minus that starts a
number stays a sign.
"""

from __future__ import annotations

import re

_SUPERSCRIPTS = str.maketrans(
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ",
    "0123456789+-=()niabcdefghjklmoprstuvwxyzT",
)
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ", "0123456789+-=()aeoxhklmnpstijruv")
_SUPERSCRIPT_RUN = re.compile("[" + "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ" + "]+")
_SUBSCRIPT_RUN = re.compile("[" + "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ" + "]+")
# A bracketed exponent or index: ^{...}, ^(...), _{...}; no nesting.
_BRACKETED = re.compile(r"(\^|(?<=\w)_)\s*[{(]([^{}()]*)[})]")
# ^x or **x with a bare operand: one sign and a run of letters or digits.
_BARE_POWER = re.compile(r"(?:\^|\*\*)\s*(-?\w+)")
# A letter, _ and a run of digits ending the word: x_1, W_12 (not mini_batch, not 3_000).
_BARE_INDEX = re.compile(r"(?<=[^\W\d_])_(\d+)(?![^\W_])")
_BINARY_MINUS = re.compile(r"(?<=[\w})])\s*[−–-]\s*(?=[\w({])")

_MARKS = set("-^_⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ⁿⁱ₀₁₂₃₄₅₆₇₈₉₊₋ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ−*")


def _group(mark: str, body: str) -> str:
    body = body.strip()
    if mark == "^" and re.fullmatch(r"[^\W_]", body):  # one letter or digit needs no braces
        return f"^{body}"
    if mark == "_" and not any(ch.isdigit() for ch in body):
        return f"_{body}"
    return f"{mark}{{{body}}}"


def canonical_math(text: str) -> str:
    """`text` with powers, indices and binary minus signs in one typed form."""
    if not any(ch in _MARKS for ch in text):  # the common case: nothing to rewrite
        return text
    text = _SUPERSCRIPT_RUN.sub(lambda m: "^{" + m.group().translate(_SUPERSCRIPTS) + "}", text)
    text = _SUBSCRIPT_RUN.sub(lambda m: "_{" + m.group().translate(_SUBSCRIPTS) + "}", text)
    text = _BRACKETED.sub(lambda m: _group(m.group(1), m.group(2)), text)
    text = _BARE_POWER.sub(lambda m: _group("^", m.group(1)), text)
    text = _BARE_INDEX.sub(lambda m: _group("_", m.group(1)), text)
    return _BINARY_MINUS.sub("-", text)
