"""The end of a flashcard session: reviewed, again-rate, time, when the next card is due."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, Static

from studytui.study.review_session import ReviewSession
from studytui.tui.screens.base import StudyScreen
from studytui.tui.text import duration, percent, when
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say


class SessionSummaryScreen(StudyScreen[None]):
    HELP_TITLE = "screen.summary"
    DEFAULT_CSS = """
    SessionSummaryScreen {
        align: center middle;
    }
    SessionSummaryScreen #summary-box {
        width: 80%;
        max-width: 90;
        height: auto;
        max-height: 90%;
        border: round $accent;
        padding: 1 2;
        background: $surface;
    }
    """
    BINDINGS = [
        Binding("enter", "back", "Home", id="summary.home"),
        Binding("u", "undo", "Undo last", id="summary.undo"),
    ]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.summary = session.summary()

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="summary-box"):
            yield Static(id="summary-title")
            yield Static(id="summary-numbers")
            yield Static(id="summary-hint", classes="dim")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._draw, init=True)

    def _draw(self) -> None:
        s, lang = self.summary, self.lang
        self.query_one("#summary-title", Static).update(
            Text(say("summary.done", lang) + "\n", style="bold"))
        numbers = Table.grid(padding=(0, 3))
        numbers.add_column(no_wrap=True)
        numbers.add_column(style="bold")
        numbers.add_row(say("summary.reviewed", lang), str(s.reviewed))
        numbers.add_row(say("summary.again_rate", lang), f"{percent(s.again_rate)} ({s.again})")
        numbers.add_row(say("summary.time", lang), duration(s.seconds, lang))
        numbers.add_row(say("summary.next_due", lang), when(s.next_due, self.study.now(), lang))
        if self.session.held_back:  # custom study (c on Home) studies them today
            numbers.add_row(say("custom.summary_held", lang), str(self.session.held_back))
        if self.session.plan.practice:
            numbers.add_row(say("custom.summary_logged", lang), say("custom.practice_tag", lang))
        self.query_one("#summary-numbers", Static).update(numbers)
        keys = {b.id: self.app.get_key_display(b)
                for b in (a.binding for a in self.active_bindings.values())}
        self.query_one("#summary-hint", Static).update(Text(
            f"\n{keys.get('summary.home', '')}: {say('summary.to_home', lang)}   "
            f"{keys.get('summary.undo', '')}: {say('summary.undo_last', lang)}"))

    def action_undo(self) -> None:
        from studytui.tui.screens.flashcards import FlashcardScreen

        if self.study.undo_rating(self.session) is not None:
            self.app.switch_screen(FlashcardScreen(self.session))
