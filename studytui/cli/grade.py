"""`studytui grade QUESTION_ID ANSWER...`: how the quiz would grade each answer.

For authors checking a question's accept list: every answer goes through the
quiz's own judge (`studytui.study.judge`), so what is printed is what a
learner would be told. Typed questions take text; a choice question takes a
choice number, a multi question numbers separated by commas (1,3), a
true/false question true or false (참/거짓, o/x). One line per answer, or
`--json`; exit 0 when every answer is accepted, 1 when any is rejected.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re

from studytui.content.deck import Deck
from studytui.content.model import Lang, Question
from studytui.errors import UserError
from studytui.grading.grader import Verdict
from studytui.grading.question_grader import QuestionGrader
from studytui.printable import for_terminal
from studytui.store.quiz_events import QuizEvents
from studytui.study.judge import Response, expected_text, judge
from studytui.words import say

_TRUE = {"true", "t", "참", "o", "yes", "y", "예", "1"}
_FALSE = {"false", "f", "거짓", "x", "no", "n", "아니요", "0"}


def printable(text: str) -> str:
    """`text` safe for a terminal: control characters shown as escapes."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def find_question(deck: Deck, qid: str, lang: str) -> Question:
    question = deck.questions.get(qid)
    if question is not None:
        return question
    close = ", ".join(difflib.get_close_matches(qid, list(deck.questions), n=3, cutoff=0.75))
    lines = [
        say("grade.unknown", one, qid=printable(qid),
            hint=say("grade.did-you-mean", one, ids=close) if close else "")
        for one in _langs(lang)
    ]
    raise UserError(" · ".join(lines))


def _response(q: Question, text: str, lang: str) -> tuple[Response | None, str | None]:
    """The quiz response a typed command-line answer stands for, or (None, why not)."""
    word = text.strip().casefold().rstrip(".")
    count = len(q.choices)
    if q.type == "choice":
        if word.isdigit() and 1 <= int(word) <= count:
            return int(word), None
        return None, say("grade.why.not-number", lang, count=count)
    if q.type == "multi":
        parts = [p for p in re.split(r"[\s,]+", word) if p]
        if parts and all(p.isdigit() and 1 <= int(p) <= count for p in parts):
            return {int(p) for p in parts}, None
        return None, say("grade.why.not-numbers", lang, count=count)
    if q.type == "truefalse":
        if word in _TRUE or word in _FALSE:
            return word in _TRUE, None
        return None, say("grade.why.not-truth", lang)
    return text, None


def _why(q: Question, verdict: Verdict | None, lang: Lang) -> str:
    if verdict is None:
        return say("grade.why.choice", lang, expected=expected_text(q, lang))
    if verdict.reason == "empty":
        return say("grade.why.empty", lang)
    if verdict.reason == "other-term":
        return say("grade.why.other", lang, term=verdict.confused_with)
    if verdict.reason == "closer-to-other":
        return say("grade.why.closer", lang, term=verdict.confused_with)
    return say("grade.why.wrong", lang, expected=expected_text(q, lang))


def _note(q: Question, response: Response | None, problem: str | None,
          correct: bool, verdict: Verdict | None, lang: Lang) -> str | None:
    """The note on one answer in one language ("ko" or "en"); None for a plain accept."""
    if response is None:
        return say("grade.rejected", lang, why=problem)
    if not correct:
        return say("grade.rejected", lang, why=_why(q, verdict, lang))
    if verdict is not None and verdict.typo:
        return say("grade.typo", lang, matched=verdict.matched)
    return None


def _langs(lang: str) -> tuple[Lang, ...]:
    return ("ko", "en") if lang == "both" else ("ko",) if lang == "ko" else ("en",)


def grade_answers(deck: Deck, q: Question, answers: list[str], lang: str) -> list[dict]:
    """[{answer, correct, note}] for each answer, in order; note is None for a
    plain accept, else in `lang` (both languages joined by " · ")."""
    grader = QuestionGrader(deck.cards.values())
    results = []
    for text in answers:
        parsed = {one: _response(q, text, one) for one in _langs(lang)}
        response = parsed[_langs(lang)[0]][0]
        correct, verdict = False, None
        if response is not None:
            correct, _, verdict = judge(q, response, grader)
        notes = [_note(q, response, parsed[one][1], correct, verdict, one) for one in _langs(lang)]
        note = None if notes[0] is None else " · ".join(n for n in notes if n)
        results.append({"answer": text, "correct": correct, "note": note})
    return results


def run_grade(args: argparse.Namespace, deck: Deck, lang: str) -> int:
    if args.question is None or not args.answers:
        raise UserError(say("grade.needs_answers", lang))
    q = find_question(deck, args.question, lang)
    results = grade_answers(deck, q, args.answers, lang)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for r in results:
            mark = "✓" if r["correct"] else "✗"
            note = r["note"] or say("grade.accepted", lang)
            print(printable(f"{mark} {r['answer']} — {note}"))
    return 0 if all(r["correct"] for r in results) else 1


def run_disputes(args: argparse.Namespace, deck: Deck, store: QuizEvents, lang: str) -> int:
    """`grade --disputes`: every "I was right" of the deck, oldest first, with the
    answer given and the answer the deck expects (for the deck's author)."""
    if args.question is not None or args.answers:
        raise UserError(say("grade.disputes_alone", lang))
    from studytui.study.generated import find_question as find_any
    from studytui.study.notebook import given_text

    rows = []
    for d in store.disputes():
        q = find_any(deck, d.question)
        rows.append({"at": d.at.isoformat(), "question": d.question, "card": d.card,
                     "given": given_text(q, d.given, lang) if q else d.given,
                     "expected": expected_text(q, lang) if q else None})  # type: ignore[arg-type]
    if args.json:
        print(for_terminal(json.dumps(rows, ensure_ascii=False, indent=2)))
        return 0
    if not rows:
        print(say("grade.disputes_none", lang))
    for r in rows:
        print(printable(say("grade.dispute_line", lang, at=r["at"][:16].replace("T", " "),
                            qid=r["question"], given=r["given"],
                            expected=r["expected"] or say("grade.dispute_gone", lang))))
    return 0
