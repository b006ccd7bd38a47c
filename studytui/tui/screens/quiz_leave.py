"""Before leaving a quiz or an exam half done: the score so far, and the choice.
Dismisses with True (leave: the result of what was answered) or False (stay)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from studytui.words import say


class QuizLeaveScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    QuizLeaveScreen { align: center middle; }
    QuizLeaveScreen > Vertical {
        width: 64; max-width: 100%; height: auto; border: thick $warning; padding: 1 2;
        background: $surface;
    }
    QuizLeaveScreen Horizontal { height: auto; margin-top: 1; }
    QuizLeaveScreen Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("y", "choose(True)", "Leave", id="quiz_leave.yes"),
        Binding("n,escape", "choose(False)", "Stay", id="quiz_leave.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        lang = str(getattr(self.app, "lang", "en"))
        with Vertical():
            yield Static(self.question, id="leave-question", markup=False)
            with Horizontal():
                yield Button(say("teach.leave_yes", lang), id="leave-yes", variant="warning")
                yield Button(say("teach.leave_no", lang), id="leave-no", variant="primary")

    def on_mount(self) -> None:
        # The keys as the keymap has them, once the screen's bindings are live.
        lang = str(getattr(self.app, "lang", "en"))
        for choice, button, word in ((True, "#leave-yes", "teach.leave_yes"),
                                     (False, "#leave-no", "teach.leave_no")):
            keys = "/".join(self.app.get_key_display(a.binding)
                            for a in self.active_bindings.values()
                            if a.binding.action == f"choose({choice})")
            self.query_one(button, Button).label = f"{say(word, lang)} ({keys})"

    @on(Button.Pressed, "#leave-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#leave-no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_choose(self, leave: bool) -> None:
        self.dismiss(leave)
