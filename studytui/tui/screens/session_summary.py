"""The end of a flashcard session: reviewed, again-rate, time, when the next card is due."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, Static

from studytui.study.review_session import ReviewSession
from studytui.tui.screens.base import StudyScreen
from studytui.tui.text import duration, percent, when
from studytui.tui.widgets.footer import StudyFooter


class SessionSummaryScreen(StudyScreen[None]):
    HELP_TITLE = "Session summary · 요약"
    BINDINGS = [
        Binding("enter", "back", "Home", id="summary.home", tooltip="Back to where you started"),
        Binding("u", "undo", "Undo last", id="summary.undo",
                tooltip="Take back the last rating and show that card again"),
    ]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(classes="centered")
        self.session = session
        self.summary = session.summary()

    def compose(self) -> ComposeResult:
        s = self.summary
        yield Header()
        with Vertical(classes="box", id="summary-box"):
            yield Static("[b]Session done · 세션 완료[/b]\n")
            yield Static(
                f"Reviewed · 복습한 카드   [b]{s.reviewed}[/b]\n"
                f"Again rate · 다시 비율   [b]{percent(s.again_rate)}[/b] ({s.again})\n"
                f"Time · 시간              [b]{duration(s.seconds)}[/b]\n"
                f"Next due · 다음 복습     [b]{when(s.next_due, self.study.now())}[/b]",
                id="summary-numbers",
            )
            yield Static("\nEnter: home · u: undo the last rating", classes="dim")
        yield StudyFooter()

    def action_undo(self) -> None:
        from studytui.tui.screens.flashcards import FlashcardScreen

        if self.study.undo_rating(self.session) is not None:
            self.app.switch_screen(FlashcardScreen(self.session))
