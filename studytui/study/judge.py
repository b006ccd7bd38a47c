"""Judging one response to one question, of any type: the single rule the
quiz and `studytui grade` share, so an author sees what a learner is told.

A choice response is a choice number (from 1, as in the content), a multi
response a collection of them, a truefalse response a bool, and a short or
cloze response the typed text, graded by the deck's `QuestionGrader`.
"""

from __future__ import annotations

from collections.abc import Iterable

from studytui.content.model import BiText, DisplayLang, Question
from studytui.grading.grader import Verdict
from studytui.grading.question_grader import QuestionGrader

Response = int | set[int] | frozenset[int] | list[int] | bool | str
TRUTH = {True: BiText(ko="참", en="True"), False: BiText(ko="거짓", en="False")}


def judge(
    question: Question, response: Response, grader: QuestionGrader
) -> tuple[bool, str, Verdict | None]:
    """(right?, the response as recorded in the quiz log, the grader's verdict
    for a typed answer). Raises TypeError or ValueError on a response that
    does not fit the question's type."""
    q = question
    if q.type == "choice":
        number = choice_number(response, len(q.choices))
        return number == q.answer, str(number), None
    if q.type == "multi":
        if isinstance(response, (bool, int, str)) or not isinstance(response, Iterable):
            raise TypeError("a 'multi' answer is a set of choice numbers")
        picked = {choice_number(n, len(q.choices)) for n in response}
        assert isinstance(q.answer, list)
        return picked == set(q.answer), ",".join(map(str, sorted(picked))), None
    if q.type == "truefalse":
        if not isinstance(response, bool):
            raise TypeError("a 'truefalse' answer is True or False")
        return response == q.answer, "true" if response else "false", None
    if not isinstance(response, str):
        raise TypeError(f"a '{q.type}' answer is a text")
    verdict = grader.grade(q, response)
    return verdict.correct, response, verdict


def expected_text(q: Question, lang: DisplayLang = "both") -> str:
    """The right answer to `q` in words, in `lang` ("ko", "en" or "both")."""
    if q.type == "truefalse":
        return TRUTH[bool(q.answer)].show(lang)
    if q.type == "choice":
        assert isinstance(q.answer, int)
        return q.choices[q.answer - 1].show(lang)
    if q.type == "multi":
        assert isinstance(q.answer, list)
        return ", ".join(q.choices[n - 1].show(lang) for n in sorted(q.answer))
    assert isinstance(q.answer, BiText)
    return q.answer.show(lang)


def choice_number(value: object, choices: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("a choice answer is a choice number (an int from 1)")
    if not 1 <= value <= choices:
        raise ValueError(f"choice {value} is not among the {choices} choices (1-{choices})")
    return value
