"""Rule 10 of the grader: words wrapped around a right answer (an article, a
generic head noun, a Korean copula or polite ending) are let go, and nothing
wrapped around a wrong answer makes it right."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studytui.grading.answer_wrapping import unwrapped
from studytui.grading.grader import grade

DECK = ["Boosting", "Bagging", "부스팅", "배깅", "Dropout", "드롭아웃", "학습률", "Adam", "AdamW"]


@pytest.mark.parametrize("answer", [
    "the boosting", "The Boosting.", "a boosting", "boosting method", "boosting methods",
    "the boosting algorithm", "Boosting technique", "boostng method",
])
def test_english_wrappings_of_a_right_answer_are_right(answer):
    verdict = grade(answer, ["boosting"], DECK)
    assert verdict.correct, answer


@pytest.mark.parametrize("answer", [
    "부스팅이요", "부스팅입니다", "부스팅이에요", "부스팅이다", "부스팅 기법", "부스팅 방법",
    "부스팅 알고리즘", "부스팅 기법입니다", "드롭아웃이요", "드롭아웃 기법이에요", "학습률요",
])
def test_korean_wrappings_of_a_right_answer_are_right(answer):
    accepted = ["드롭아웃"] if answer.startswith("드롭") else (
        ["학습률"] if answer.startswith("학습률") else ["부스팅"])
    assert grade(answer, accepted, DECK).correct, answer


@pytest.mark.parametrize(("answer", "accepted"), [
    ("469번이요", ["469"]), ("469입니다", ["469"]), ("the 469", ["469"]),
])
def test_a_wrapped_number_is_compared_by_value(answer, accepted):
    assert grade(answer, accepted).correct


@pytest.mark.parametrize(("answer", "accepted", "other"), [
    ("the bagging", ["boosting"], "Bagging"),
    ("bagging method", ["boosting"], "Bagging"),
    ("배깅이요", ["부스팅"], "배깅"),
    ("AdamW 알고리즘", ["Adam"], "AdamW"),
])
def test_a_wrapped_other_term_is_named_as_a_different_term(answer, accepted, other):
    verdict = grade(answer, accepted, DECK)
    assert not verdict.correct
    assert verdict.confused_with == other


@pytest.mark.parametrize("answer", [
    "boosting approach",  # not a generic head noun this rule knows
    "470번이요", "the method", "기법", "요", "다", "the", "부스팅을 쓴다",
])
def test_what_is_left_must_itself_be_right(answer):
    assert not grade(answer, ["boosting", "부스팅", "469"]).correct, answer


def test_an_answer_made_of_a_wrapping_word_matches_as_typed():
    assert grade("the method", ["the method"]).correct
    assert grade("방법", ["방법"]).correct


def test_a_trailing_word_is_not_cut_at_a_space():
    # 다 and 요 alone come off only when glued to the noun.
    assert "부스팅" not in unwrapped("부스팅 다")
    assert "부스팅" in unwrapped("부스팅다")


_WORD = st.text(alphabet="abcdefghij가나라마바사", min_size=1, max_size=8)
_WRAP = st.sampled_from(["the {}", "a {}", "{} method", "{} 기법", "{}이요", "{}입니다",
                         "the {} algorithm", "{} 방식이에요"])


@given(_WORD, _WORD, _WRAP)
def test_wrapping_never_turns_a_wrong_answer_right(right, wrong, wrap):
    if grade(wrong, [right]).correct:
        return  # the same word or a forgiven typo of it: not a wrong answer
    assert not grade(wrap.format(wrong), [right]).correct


@given(_WORD, _WRAP)
def test_wrapping_a_right_answer_keeps_it_right(right, wrap):
    assert grade(wrap.format(right), [right]).correct


@pytest.mark.parametrize("answer", ["a neural network", "A Neural Network.", "an neural network"])
def test_an_article_is_let_go_not_counted_as_a_typo(answer):
    verdict = grade(answer, ["neural network"])
    assert verdict.correct and verdict.reason == "exact" and verdict.message is None


@pytest.mark.parametrize("answer", ["bias term", "the bias terms", "편향값", "편향 항", "편향항"])
def test_term_and_value_head_nouns_are_let_go(answer):
    assert grade(answer, ["bias", "편향"]).correct
