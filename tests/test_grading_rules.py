"""The grading rules of issue 17, for every question: the question's own card,
answers with their abbreviation in brackets, numbers by value, and powers and
indices kept apart from plain digits."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studytui.content.model import BiText, Card, Question
from studytui.grading.abbreviation import is_abbreviation
from studytui.grading.grader import grade
from studytui.grading.question_grader import QuestionGrader, accepted_answers


def _card(cid: str, ko: str, en: str, aliases: list[str] | None = None) -> Card:
    return Card(cid, BiText(ko, en), BiText("정의", "definition"), aliases=aliases or [])


def _short(qid: str, card: str, ko: str, en: str, accept: list[str],
           prompt: tuple[str, str] = ("질문", "question")) -> Question:
    return Question(qid, "short", card, BiText(*prompt), BiText(ko, en),
                    BiText("설명", "because"), accept=accept)


CARDS = [
    _card("bptt", "시간에 따른 역전파 (BPTT)", "Backpropagation Through Time (BPTT)",
          ["BPTT", "backprop through time"]),
    _card("backprop", "역전파", "Backpropagation", ["backprop", "BP"]),
    _card("rmsprop", "RMSprop", "RMSprop", ["RMSProp"]),
    _card("ema", "지수 이동 평균", "Exponential Moving Average", ["EMA"]),
    _card("adam", "아담 (Adam)", "Adam", ["Adaptive Moment Estimation", "아담 옵티마이저"]),
    _card("rnn", "순환 신경망 (RNN)", "Recurrent Neural Network (RNN)", ["RNN"]),
    _card("rpn", "영역 제안 네트워크", "Region Proposal Network", ["RPN"]),
    _card("faster", "Faster R-CNN", "Faster R-CNN"),
]
BPTT = _short("q-bptt", "bptt", "시간에 따른 역전파", "backpropagation through time", ["BPTT"])
RMS_FIX = _short("q-rms", "rmsprop", "지수 이동 평균", "exponential moving average", ["EMA"])
ADAM_NAME = _short("q-adam", "adam", "적응적 모멘트 추정", "Adaptive Moment Estimation", [],
                   prompt=("Adam은 무엇의 줄임말인가?", "What does Adam stand for?"))
FASTER = _short("q-faster", "faster", "영역 제안 네트워크", "region proposal network", ["RPN"])
GRADER = QuestionGrader(CARDS)


@pytest.mark.parametrize("answer", [
    "Backpropagation Through Time (BPTT)", "시간에 따른 역전파 (BPTT)", "BPTT",
    "backprop through time", "BPTT (backpropagation through time)",
])
def test_the_own_cards_names_answer_a_question_asking_for_them(answer):
    verdict = GRADER.grade(BPTT, answer)
    assert verdict.correct and not verdict.typo, verdict


def test_the_own_card_is_never_a_different_term():
    # Typed before the fix: "a different term" for the card's own full term.
    verdict = GRADER.grade(BPTT, "Backpropagation Through Time (BPTT)")
    assert verdict.confused_with is None and verdict.reason == "exact"


def test_another_cards_term_stays_a_different_term():
    verdict = GRADER.grade(BPTT, "Backpropagation")
    assert (verdict.correct, verdict.reason, verdict.confused_with) == (
        False, "other-term", "Backpropagation")


def test_typing_the_card_name_stays_wrong_when_the_answer_is_something_else():
    verdict = GRADER.grade(RMS_FIX, "RMSprop")
    assert (verdict.correct, verdict.reason) == (False, "wrong")
    assert "RMSprop" not in accepted_answers(RMS_FIX, CARDS[2])
    assert GRADER.grade(RMS_FIX, "EMA").correct


def test_names_the_prompt_shows_are_not_added():
    # "What does Adam stand for?" is not answered by "Adam" or one of its aliases.
    expected = ["적응적 모멘트 추정", "Adaptive Moment Estimation"]
    assert accepted_answers(ADAM_NAME, CARDS[4]) == expected
    for answer in ("Adam", "아담", "아담 옵티마이저"):
        assert not GRADER.grade(ADAM_NAME, answer).correct, answer


@pytest.mark.parametrize("answer, correct", [
    ("영역 제안 네트워크 (RPN)", True),
    ("영역 제안 네트워크(RPN)", True),
    ("RPN (region proposal network)", True),
    ("region proposal network [RPN]", True),
    ("region proposal netwrok (RPN)", True),  # a typo in the long part, noted as one
    ("region proposal network (RNN)", False),  # the bracket is another term
    ("Faster R-CNN (RPN)", False),  # the card's name is not the answer here
    ("RPN (RPN)", True),
    ("(RPN)", True),
])
def test_an_answer_with_its_abbreviation_in_brackets(answer, correct):
    assert GRADER.grade(FASTER, answer).correct is correct, answer


def test_a_derived_abbreviation_needs_no_accept_entry():
    assert grade("Backpropagation Through Time (BPTT)", ["backpropagation through time"]).correct
    assert grade("BPTT (backpropagation through time)", ["backpropagation through time"]).correct
    assert not grade("backpropagation through time (XYZ)", ["backpropagation through time"]).correct


@pytest.mark.parametrize("short, long, ok", [
    ("BPTT", "backpropagation through time", True),
    ("NMS", "non-maximum suppression", True),
    ("ELBO", "evidence lower bound", True),
    ("MLE", "maximum likelihood estimation", True),
    ("RPN", "region proposal network", True),
    ("BP", "region proposal network", False),
    ("ad", "Adam", False),  # one word has no abbreviation
    ("역전", "역전파 알고리즘", False),
    ("RNPX", "region proposal network", False),
])
def test_abbreviations(short, long, ok):
    assert is_abbreviation(short, long) is ok


@pytest.mark.parametrize("answer, accepted, correct", [
    ("0.250", ["0.25"], True),
    ("0.25", ["1/4"], True),
    ("25%", ["0.25"], True),
    ("25", ["0.25", "25%"], False),  # "25" is not 25 %
    ("203,530", ["203530"], True),
    ("203 530", ["203530"], True),
    ("203530 parameters", ["203530"], True),
    ("203530개", ["203530"], True),
    ("469번", ["469"], True),
    ("469 iterations", ["469"], True),
    ("3개", ["3"], True),
    ("203,520", ["203530"], False),
    ("203530 apples", ["203530"], False),  # not a unit word
    ("1,2", ["12"], False),  # a decimal comma is not a thousands separator
    ("1,2", ["1.2"], False),
    ("0469", ["469"], False),
    ("-1", ["1"], False),
    ("1e-3", ["0.001"], True),
    ("2.5", ["5/2"], True),
])
def test_numbers_compare_by_value(answer, accepted, correct):
    assert grade(answer, accepted).correct is correct, (answer, accepted)


@given(st.integers(1, 10**9), st.integers(0, 3))
def test_any_integer_with_separators_trailing_zeros_or_a_unit_is_itself(n, zeros):
    accepted = [str(n)]
    padded = f"{n}.{'0' * zeros}" if zeros else str(n)
    for answer in (f"{n:,}", padded, f"{n} parameters", f"{n}개"):
        assert grade(answer, accepted).correct, answer
    assert not grade(f"{n + 1:,}", accepted).correct


@given(st.fractions(min_value=0, max_value=1000, max_denominator=100))
def test_a_decimal_equals_the_same_value_only(value):
    from decimal import Decimal

    text = str(Decimal(value.numerator) / Decimal(value.denominator))
    if Fraction(text) != value:  # not a terminating decimal at this precision
        return
    assert grade(text + ("0" if "." in text else ".0"), [text]).correct
    assert not grade(str(Fraction(text) + 1), [text]).correct


@pytest.mark.parametrize("answer, accepted, correct", [
    ("2ⁿ-1", ["2^n-1"], True),
    ("2^{n}-1", ["2ⁿ − 1"], True),
    ("2^(n)-1", ["2^n-1"], True),
    ("2**n - 1", ["2^n-1"], True),
    ("2^n − 1", ["2^n-1"], True),
    ("2n-1", ["2ⁿ − 1"], False),
    ("2n-1", ["2^n-1"], False),
    ("2ⁿ⁻¹", ["2^n-1"], False),
    ("2^{n-1}", ["2ⁿ⁻¹"], True),
    ("x₁", ["x_1"], True),
    ("x1", ["x₁"], False),
    ("x^1", ["x₁"], False),
    ("d_k", ["dₖ"], True),
    ("√dk", ["√d_k"], True),
    ("m − 1", ["m-1"], True),
    ("10²", ["100"], False),
])
def test_powers_and_indices_keep_their_marks(answer, accepted, correct):
    assert grade(answer, accepted).correct is correct, (answer, accepted)


SIGMOID = _card("sigmoid", "시그모이드", "Sigmoid", ["logistic function"])
GROWTH = _card("growth", "성장률", "Growth Rate", ["growth rate k"])
FORGET = _card("forget", "망각 게이트", "Forget Gate")
ATTN = _card("attn", "어텐션", "Attention")
SYNONYM_GRADER = QuestionGrader([SIGMOID, GROWTH, FORGET, ATTN])
FORGET_ACT = _short("q-forget", "forget", "시그모이드", "sigmoid", [])
SCORE_KEY = _short("q-key", "attn", "키", "key", ["k"])
SIGMOID_NAME = _short("q-sig-name", "forget", "시그모이드", "sigmoid", [],
                      prompt=("logistic function의 다른 이름은?",
                              "Another name of the logistic function?"))


def test_another_cards_aliases_count_where_its_term_is_the_answer():
    assert SYNONYM_GRADER.grade(FORGET_ACT, "logistic function").correct


def test_an_alias_match_does_not_bring_in_that_cards_names():
    # "k" is the answer; the Growth Rate card lists "growth rate k": "growth rate"
    # must not become an answer to "what scores the query?".
    assert not SYNONYM_GRADER.grade(SCORE_KEY, "growth rate").correct


def test_no_synonym_when_the_prompt_shows_that_cards_name():
    # The question asks for another name of what the prompt names: repeating
    # the prompt's name is not an answer.
    assert SYNONYM_GRADER.grade(SIGMOID_NAME, "sigmoid").correct
    assert not SYNONYM_GRADER.grade(SIGMOID_NAME, "logistic function").correct


@pytest.mark.parametrize(("answer", "correct"), [
    ("1/0.8", True), ("2.5/2", True), ("1/0.81", False), ("1/0", False), ("1/0.0", False),
])
def test_a_quotient_of_two_numbers_is_its_value(answer, correct):
    assert grade(answer, ["1.25"]).correct is correct
