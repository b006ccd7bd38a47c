"""Hangul syllable <-> jamo arithmetic, checked against Unicode's own data."""

from __future__ import annotations

import unicodedata

import pytest

from studytui.grading.hangul import (
    FINALS,
    INITIALS,
    VOWELS,
    compose_syllable,
    decompose_syllable,
    is_syllable,
    jamo_of,
    to_jamo,
)

ALL_SYLLABLES = [chr(c) for c in range(0xAC00, 0xD7A4)]


def _letter_name(ch: str) -> str:
    """'KIYEOK' from both 'HANGUL LETTER KIYEOK' and 'HANGUL JONGSEONG KIYEOK'."""
    return unicodedata.name(ch).split(" ", 2)[2]


def test_tables_have_the_unicode_sizes():
    assert (len(INITIALS), len(VOWELS), len(FINALS)) == (19, 21, 28)
    assert len(ALL_SYLLABLES) == 19 * 21 * 28


def test_every_syllable_round_trips_through_its_jamo():
    assert all(compose_syllable(*decompose_syllable(s)) == s for s in ALL_SYLLABLES)


def test_every_syllable_decomposes_like_unicode_nfd():
    # NFD spells a syllable as conjoining jamo; ours are the compatibility
    # letters with the same names, one for one.
    for s in ALL_SYLLABLES:
        nfd = unicodedata.normalize("NFD", s)
        ours = to_jamo(s)
        assert len(ours) == len(nfd), s
        assert [_letter_name(c) for c in ours] == [_letter_name(c) for c in nfd], s


@pytest.mark.parametrize(
    ("syllable", "parts"),
    [
        ("가", ("ㄱ", "ㅏ", "")),
        ("각", ("ㄱ", "ㅏ", "ㄱ")),
        ("웟", ("ㅇ", "ㅝ", "ㅅ")),
        ("닭", ("ㄷ", "ㅏ", "ㄺ")),
        ("힣", ("ㅎ", "ㅣ", "ㅎ")),
    ],
    ids=["no-final", "final-kiyeok", "compound-vowel", "compound-final", "last-syllable"],
)
def test_decompose_known_syllables(syllable, parts):
    assert decompose_syllable(syllable) == parts


def test_to_jamo_spells_out_a_word():
    assert to_jamo("드롭아웃") == "ㄷㅡㄹㅗㅂㅇㅏㅇㅜㅅ"


def test_to_jamo_leaves_other_text_alone():
    assert to_jamo("Adam 1.5 (x)") == "Adam 1.5 (x)"


def test_conjoining_jamo_read_as_the_same_letters_as_composed_text():
    assert to_jamo(unicodedata.normalize("NFD", "한국어")) == to_jamo("한국어")


def test_initial_and_final_of_the_same_consonant_are_one_letter():
    # 각: the initial and the final are both ㄱ to the typist.
    assert jamo_of("각") == "ㄱㅏㄱ"


@pytest.mark.parametrize("ch", ["A", "ㄱ", "", "가나"], ids=["latin", "jamo", "empty", "two"])
def test_is_syllable_is_false_for_non_syllables(ch):
    assert not is_syllable(ch)


def test_decompose_rejects_a_non_syllable_with_a_clear_error():
    with pytest.raises(ValueError, match="not a Hangul syllable: 'A'"):
        decompose_syllable("A")


def test_compose_rejects_a_vowel_in_the_initial_slot():
    with pytest.raises(ValueError, match="not a valid initial/vowel/final"):
        compose_syllable("ㅏ", "ㅏ")
