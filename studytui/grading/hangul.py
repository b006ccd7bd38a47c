"""Hangul syllables <-> jamo (initial consonant, vowel, optional final consonant).

The grader measures typos on jamo, not on syllables: 드롭아웃 and 드롭아운 differ
in one syllable but, more usefully, in one jamo (final ㅅ vs ㄴ), which is one
slip of a finger on a Korean keyboard. Pure arithmetic on the Unicode Hangul
block (U+AC00..U+D7A3 = 19 initials x 21 vowels x 28 finals), no dependency.

Jamo are returned as *compatibility* jamo (ㄱ U+3131, the letters a Korean
keyboard types), so an initial ㄱ and a final ㄱ are the same letter, as they
are to the typist. Compound vowels (ㅘ) and compound finals (ㄳ) stay one jamo.
"""

from __future__ import annotations

SYLLABLE_FIRST = 0xAC00
SYLLABLE_LAST = 0xD7A3
_VOWEL_COUNT = 21
_FINAL_COUNT = 28  # including "no final"

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
# Index 0 is "no final consonant".
FINALS = ("",) + tuple("ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

# Conjoining jamo (U+1100 block, what NFD produces) -> the compatibility letter,
# so text that arrives decomposed or half-composed compares like composed text.
_CONJOINING = {
    **{chr(0x1100 + i): c for i, c in enumerate(INITIALS)},
    **{chr(0x1161 + i): c for i, c in enumerate(VOWELS)},
    **{chr(0x11A8 + i): c for i, c in enumerate(FINALS[1:])},
}
_INITIAL_INDEX = {c: i for i, c in enumerate(INITIALS)}
_VOWEL_INDEX = {c: i for i, c in enumerate(VOWELS)}
_FINAL_INDEX = {c: i for i, c in enumerate(FINALS)}


def is_syllable(ch: str) -> bool:
    """True for one precomposed Hangul syllable (가..힣)."""
    return len(ch) == 1 and SYLLABLE_FIRST <= ord(ch) <= SYLLABLE_LAST


def decompose_syllable(ch: str) -> tuple[str, str, str]:
    """(initial, vowel, final) of a syllable; final is "" when there is none."""
    if not is_syllable(ch):
        raise ValueError(f"not a Hangul syllable: {ch!r}")
    index = ord(ch) - SYLLABLE_FIRST
    initial, rest = divmod(index, _VOWEL_COUNT * _FINAL_COUNT)
    vowel, final = divmod(rest, _FINAL_COUNT)
    return INITIALS[initial], VOWELS[vowel], FINALS[final]


def compose_syllable(initial: str, vowel: str, final: str = "") -> str:
    """The syllable made of these compatibility jamo (the inverse of decompose)."""
    try:
        i = _INITIAL_INDEX[initial]
        v = _VOWEL_INDEX[vowel]
        f = _FINAL_INDEX[final]
    except KeyError:
        raise ValueError(
            f"not a valid initial/vowel/final: {initial!r} {vowel!r} {final!r}"
        ) from None
    return chr(SYLLABLE_FIRST + (i * _VOWEL_COUNT + v) * _FINAL_COUNT + f)


def jamo_of(ch: str) -> str:
    """One character as jamo: a syllable becomes 2 or 3 letters, a conjoining
    jamo its compatibility letter, anything else itself."""
    if is_syllable(ch):
        index = ord(ch) - SYLLABLE_FIRST
        initial, rest = divmod(index, _VOWEL_COUNT * _FINAL_COUNT)
        vowel, final = divmod(rest, _FINAL_COUNT)
        return INITIALS[initial] + VOWELS[vowel] + FINALS[final]
    return _CONJOINING.get(ch, ch)


def to_jamo(text: str) -> str:
    """`text` with every Hangul syllable spelled out as jamo."""
    return "".join(jamo_of(ch) for ch in text)
