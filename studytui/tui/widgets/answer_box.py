"""Typing the answer on a card asked in a direction (reverse, Korean<->English):
a line to type in and, once answered, the verdict. The flashcard screen's
`TypedAnswers` (screens/typed_answers.py) drives it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from studytui.grading.grader import Verdict
from studytui.words import say


class AnswerBox(Vertical):
    # Esc while typing gives the keys back to the card (u, !, -, *, e, d, ?),
    # which the line would otherwise swallow as letters; Tab types again, and a
    # second Esc leaves the session as it does on any card.
    BINDINGS = [Binding("escape", "leave_line", "Card keys", id="answer.leave")]
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
        # Disabled until asked: a hidden line must never take the screen's first focus.
        yield Input(id="answer-input", disabled=True)
        yield Static(id="answer-verdict")

    def ask(self, placeholder: str) -> None:
        self.display = True
        field = self.query_one(Input)
        field.value, field.placeholder, field.display = "", placeholder, True
        field.disabled = False
        self.query_one("#answer-verdict", Static).update("")
        field.focus()

    def hide(self) -> None:
        if self.has_focus_within:  # a hidden line must not keep the keys (1-4 would type)
            self.screen.set_focus(None)
        self.display = False
        self.query_one(Input).disabled = True

    def close_input(self) -> None:
        """The card is turned over: the line goes, any verdict stays."""
        field = self.query_one(Input)
        field.display, field.disabled = False, True

    def show_verdict(self, line: Text) -> None:
        self.query_one("#answer-verdict", Static).update(line)
        self.close_input()

    def action_leave_line(self) -> None:
        self.screen.set_focus(None)

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
