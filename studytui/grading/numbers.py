"""Numeric answers read as values: 0.25 = 0.250 = 1/4 = 25%, 1.25 = 1/0.8,
203,530 = 203530.

A numeric answer is one number, optionally followed by one unit word in either
language ("469번", "203530 parameters", "3개", "2 pixels"). Two numeric answers
are equal when their values are exactly equal (no rounding): 203,520 is not
203,530. Separators are read strictly: a comma or a space separates groups of
exactly three digits (1,2 is not a number, and so never 12); a leading zero
before another digit (0469) is not a number either.

Works on text already cleaned by `answer_text.clean` (NFKC, casefolded, a
sign written as U+2212, ".5" as "0.5", thousands commas removed) but not yet
stripped of its edges, which would drop a percent sign.
"""

from __future__ import annotations

import re
from fractions import Fraction

# Count and measure words a learner may add after a number. Kept to nouns that
# only say what is counted, so "3 layers" and "3" both answer "how many layers?".
UNIT_WORDS = frozenset(
    """
    개 번 회 칸 층 배 차원 채널 픽셀 파라미터 매개변수 가중치 단계 스텝
    이터레이션 반복 에폭 에포크 클래스 원소 뉴런 유닛 셀 헤드 토큰 비트
    가지 종류 개수 번째
    parameter parameters param params weight weights step steps iteration iterations update
    updates time times pixel pixels px channel channels layer layers dimension dimensions dim
    dims element elements unit units neuron neurons class classes epoch epochs cell cells head
    heads token tokens bit bits way ways value values entries entry
    """.split()
)

_NUMBER = re.compile(
    r"(?P<sign>[−+]?)"
    r"(?P<int>0|[1-9]\d{0,2}(?: \d{3})+|[1-9]\d*)"
    r"(?:\.(?P<frac>\d+))?"
    r"(?:/(?P<den>0\.\d*[1-9]\d*|[1-9]\d*(?:\.\d+)?))?"
    r"(?:e(?P<exp>[−+-]?\d{1,3}))?"
    r"\s*(?P<unit>%|[^\W\d_]+)?"
)


_EDGES = " \t\n.,;:!?。'\"()[]「」"


def number_value(cleaned: str) -> Fraction | None:
    """The value of a cleaned answer that is one number with an optional unit
    word; None for anything else."""
    m = _NUMBER.fullmatch(cleaned.strip(_EDGES))
    if m is None:
        return None
    unit = m.group("unit")
    if unit not in (None, "%") and unit not in UNIT_WORDS:
        return None
    value = Fraction(m.group("int").replace(" ", "") + "." + (m.group("frac") or "0"))
    if m.group("den"):  # a quotient of two numbers: 1/4, 1/0.8 (= 1.25), 3.6/2
        value /= Fraction(m.group("den"))
    if m.group("exp"):
        value *= Fraction(10) ** int(m.group("exp").replace("−", "-"))
    if unit == "%":
        value /= 100
    return -value if m.group("sign") == "−" else value
