"""Typing the answer on a card asked in a direction (reverse, Korean<->English).

`AnswerBox` is a line to type in and, once answered, the verdict. `TypedAnswers`
is what the flashcard screen mixes in: it asks for a typed answer on the front
of such a card, grades it with the quiz's grader (studytui.study.directions)
and turns the card over. Enter on an empty line just turns it over: a card
can be typed or flipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from studytui.grading.grader import Verdict
from studytui.study.directions import FORWARD, AnswerGrader, answer, types_answer
from studytui.words import say

if TYPE_CHECKING:
    from studytui.study.review_session import ReviewSession


class AnswerBox(Vertical):
    DEFAULT_CSS = """
    AnswerBox {
        height: auto;
        padding: 0 1;
    }
    AnswerBox Input {
        width: 1fr;
    }
    """

    class Answered(Message):
        def __init__(self, given: str) -> None:
            super().__init__()
            self.given = given

    def compose(self) -> Any:
        yield Input(id="answer-input")
        yield Static(id="answer-verdict")

    def ask(self, placeholder: str) -> None:
        self.display = True
        field = self.query_one(Input)
        field.value, field.placeholder, field.display = "", placeholder, True
        self.query_one("#answer-verdict", Static).update("")
        field.focus()

    def hide(self) -> None:
        self.display = False

    def close_input(self) -> None:
        """The card is turned over: the line goes, any verdict stays."""
        self.query_one(Input).display = False

    def show_verdict(self, line: Text) -> None:
        self.query_one("#answer-verdict", Static).update(line)
        self.close_input()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Answered(event.value))


def verdict_line(verdict: Verdict, expected: str, lang: str) -> Text:
    if verdict.typo:
        return Text(say("custom.typo", lang, matched=verdict.matched or expected),
                    style="bold yellow")
    if verdict.correct:
        return Text(say("custom.right", lang), style="bold green")
    return Text(say("custom.wrong", lang, expected=expected), style="bold red")


class TypedAnswers:
    """Mixed into the flashcard screen, which has `session`, `lang`, `flipped`."""

    session: ReviewSession
    _answer_grader: AnswerGrader | None = None

    def ask_typed(self) -> None:
        """On a new card's front: the answer line for a direction that asks a name."""
        box = self.query_one(AnswerBox)  # type: ignore[attr-defined]
        direction = self.session.direction or FORWARD
        if self.session.current is not None and types_answer(direction):
            box.ask(say("custom.type_here", self.lang))  # type: ignore[attr-defined]
        else:
            box.hide()

    def turned_over(self) -> None:
        box = self.query_one(AnswerBox)  # type: ignore[attr-defined]
        if self.flipped:  # type: ignore[attr-defined]
            box.close_input()
            self.set_focus(None)  # type: ignore[attr-defined]  # 1-4 rate again

    def on_answer_box_answered(self, event: AnswerBox.Answered) -> None:
        card, direction = self.session.current, self.session.direction
        if card is None or direction is None:
            return
        if event.given.strip():
            if self._answer_grader is None:
                self._answer_grader = AnswerGrader(
                    self.app.deck.cards.values())  # type: ignore[attr-defined]
            verdict = self._answer_grader.grade(card, direction, event.given)
            expected = answer(card, direction).show(self.lang)  # type: ignore[attr-defined]
            self.query_one(AnswerBox).show_verdict(  # type: ignore[attr-defined]
                verdict_line(verdict, expected, self.lang))  # type: ignore[attr-defined]
        self.flipped = True  # type: ignore[attr-defined]
