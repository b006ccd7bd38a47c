"""Pick the lectures and the number of questions (and a seed, for a repeatable quiz)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Header, Input, Label

from studytui.tui.screens.base import StudyScreen
from studytui.tui.widgets.check_list import CheckList
from studytui.tui.widgets.footer import StudyFooter


class QuizSetupScreen(StudyScreen[None]):
    HELP_TITLE = "Quiz setup · 퀴즈 설정"
    BINDINGS = [
        Binding("s", "start", "Start", id="quiz_setup.start", tooltip="Start the quiz"),
        Binding("a", "toggle_all", "All/none", id="quiz_setup.all",
                tooltip="Select every lecture, or none"),
    ]

    def __init__(self, lectures: list[int] | None = None) -> None:
        super().__init__()
        self.preselected = lectures

    def compose(self) -> ComposeResult:
        deck = self.study.deck
        counts = {lec.number: len(lec.questions) for lec in deck.lectures}
        yield Header()
        with Vertical(id="setup-box"):
            yield Label("Lectures · 강의 (space: toggle)")
            yield CheckList[int](
                (
                    (
                        f"{lec.number:>2}. {lec.title.show(self.lang)}  ({counts[lec.number]} q)",
                        lec.number,
                        self.preselected is None or lec.number in self.preselected,
                    )
                    for lec in deck.lectures
                ),
                id="lectures",
            )
            with Horizontal(id="setup-row"):
                yield Label("Questions · 문제 수")
                yield Input("10", type="integer", id="count", max_length=3)
                yield Label("Seed (optional)")
                yield Input("", type="integer", id="seed", placeholder="random")
                yield Button("Start · 시작 (s)", id="start", variant="primary")
        yield StudyFooter()

    def action_toggle_all(self) -> None:
        sel = self.query_one(CheckList)
        if sel.selected:
            sel.deselect_all()
        else:
            sel.select_all()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_start()

    def action_start(self) -> None:
        lectures = sorted(self.query_one(CheckList).selected)
        if not lectures:
            self.notify("Pick at least one lecture · 강의를 고르세요", severity="warning")
            return
        count_text = self.query_one("#count", Input).value.strip()
        count = int(count_text) if count_text else 10
        if not 1 <= count <= 500:
            self.notify("Questions: a number from 1 to 500", severity="warning")
            return
        seed_text = self.query_one("#seed", Input).value.strip()
        seed = int(seed_text) if seed_text else None
        self.study.start_quiz(lectures, count, seed)
