"""The wrong-answer notebook (오답노트): every question missed in a quiz, kept
across sessions, until it has been answered right twice in a row since.

Read from the quiz answers in the store (disputed answers count as right), so
it is a function of the events alone: nothing of its own is written. Each
entry keeps when the question was last missed, what was given then, how many
times it was missed in all and how many right answers in a row it has now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from studytui.content.deck import Deck
from studytui.content.model import Question
from studytui.store.quiz_events import QuizAnswer
from studytui.study.generated import find_question
from studytui.study.judge import TRUTH

CLEARED_AFTER = 2  # right answers in a row that take a question out of the notebook


@dataclass(frozen=True)
class Entry:
    question: Question
    missed_at: datetime  # the latest miss
    given: str  # what was answered then, as the quiz log keeps it
    misses: int
    streak: int  # right answers in a row since the latest miss


def notebook(deck: Deck, answers: list[QuizAnswer]) -> list[Entry]:
    """The open entries, latest miss first. Questions no longer in the deck are
    left out (their answers stay in the store)."""
    misses: dict[str, int] = {}
    last_miss: dict[str, QuizAnswer] = {}
    streak: dict[str, int] = {}
    for a in answers:  # in the order given
        if a.counts_right:
            streak[a.question] = streak.get(a.question, 0) + 1
        else:
            misses[a.question] = misses.get(a.question, 0) + 1
            last_miss[a.question] = a
            streak[a.question] = 0
    entries = []
    for qid, miss in last_miss.items():
        q = find_question(deck, qid)
        if q is None or streak[qid] >= CLEARED_AFTER:
            continue
        entries.append(Entry(q, miss.at, miss.given, misses[qid], streak[qid]))
    entries.sort(key=lambda e: e.missed_at, reverse=True)
    return entries


def given_text(q: Question, given: str, lang: str) -> str:
    """What was answered, in words: the quiz log keeps a choice as its number."""
    if q.type == "truefalse" and given in ("true", "false"):
        return TRUTH[given == "true"].show(lang)
    if q.type in ("choice", "multi"):
        numbers = [int(n) for n in given.split(",") if n.isdigit()]
        if numbers and all(1 <= n <= len(q.choices) for n in numbers):
            return ", ".join(q.choices[n - 1].show(lang) for n in numbers)
    return given
