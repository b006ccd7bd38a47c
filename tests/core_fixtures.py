"""Small decks and a controllable clock for the core's tests (no loader needed)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from studytui.content.deck import Deck
from studytui.content.model import BiText, Card, Lecture, Question

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)


class Clock:
    """A clock the test moves by hand; call it like `datetime.now`."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def bi(ko: str, en: str) -> BiText:
    return BiText(ko=ko, en=en)


def card(card_id: str, ko: str = "용어", en: str = "term") -> Card:
    return Card(id=card_id, term=bi(ko, en), definition=bi(f"{ko} 정의", f"{en} definition"))


def question(qid: str, card_id: str, qtype: str, answer: Any, choices: int = 0,
             accept: list[str] | None = None) -> Question:
    prompt = bi("빈칸: ___", "blank: ___") if qtype == "cloze" else bi(f"질문 {qid}", f"Q {qid}")
    return Question(
        id=qid, type=qtype, card=card_id, prompt=prompt,
        choices=[bi(f"보기{i}", f"choice{i}") for i in range(1, choices + 1)],
        answer=answer, accept=accept or [], explanation=bi("설명", "because"),
    )


def lecture(number: int, cards: list[Card], questions: list[Question] | None = None) -> Lecture:
    return Lecture(
        id=f"lecture-{number}", number=number, title=bi(f"강의 {number}", f"Lecture {number}"),
        summary=bi("요약", "summary"), cards=cards, questions=questions or [],
    )


def small_deck(lectures: int = 2, per_lecture: int = 3) -> Deck:
    """Lectures 1..n with cards l{n}-c{i}; no questions."""
    return Deck.of([
        lecture(n, [card(f"l{n}-c{i}", f"용어{n}{i}", f"term{n}{i}") for i in range(per_lecture)])
        for n in range(1, lectures + 1)
    ])


def quiz_deck() -> Deck:
    """One lecture with a question of every type."""
    cards = [
        card("adam", "아담", "Adam"),
        card("adagrad", "아다그라드", "Adagrad"),
        card("adadelta", "아다델타", "Adadelta"),
        card("gradient-descent", "경사하강법", "gradient descent"),
        card("momentum", "모멘텀", "Momentum"),
    ]
    qs = [
        question("q-choice", "adam", "choice", 2, choices=4),
        question("q-multi", "adagrad", "multi", [1, 3], choices=4),
        question("q-tf", "momentum", "truefalse", True),
        question("q-short", "gradient-descent", "short", bi("경사하강법", "gradient descent")),
        question("q-cloze", "adagrad", "cloze", bi("아다그라드", "Adagrad")),
    ]
    return Deck.of([lecture(1, cards, qs)])
