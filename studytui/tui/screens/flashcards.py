"""Flashcards: the term, flip to the back, rate 1-4 with Anki-style interval labels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Header, ProgressBar, Static

from studytui.store.sqlite_store import StoreError
from studytui.study.review_session import ReviewSession
from studytui.tui.custom_review import session_note
from studytui.tui.screens.typed_answers import TypedAnswers
from studytui.tui.widgets.answer_box import AnswerBox
from studytui.tui.widgets.card_view import CardView
from studytui.tui.widgets.footer import StudyFooter
from studytui.tui.widgets.rating_bar import RatingBar
from studytui.words import say


class FlashcardScreen(TypedAnswers):
    HELP_TITLE = "screen.flashcards"
    DEFAULT_CSS = """
    FlashcardScreen #progress-row {
        height: 1;
        padding: 0 1;
    }
    FlashcardScreen #progress-row ProgressBar {
        width: 1fr;
    }
    FlashcardScreen #progress-label {
        width: auto;
        margin-left: 1;
    }
    """
    # What each key says (key bar, Help, palette) is `keys.<id>` in the catalogue.
    BINDINGS = [
        Binding("space", "flip", "Flip", id="cards.flip"),
        Binding("enter", "flip", "Flip", show=False, id="cards.flip_enter"),
        Binding("1", "rate(1)", "Again", id="cards.again"),
        Binding("2", "rate(2)", "Hard", id="cards.hard"),
        Binding("3", "rate(3)", "Good", id="cards.good"),
        Binding("4", "rate(4)", "Easy", id="cards.easy"),
        Binding("u", "undo", "Undo", id="cards.undo"),
        Binding("d", "demo", "Demo", id="cards.demo"),
    ]

    flipped: reactive[bool] = reactive(False, init=False)
    """Which side of the card shows: setting it redraws the card."""

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="progress-row"):
            yield ProgressBar(show_eta=False, show_percentage=False, id="progress")
            yield Static(id="progress-label")
        yield Static(id="card-meta", classes="dim")
        with VerticalScroll(id="card-scroll", classes="card-frame"):
            yield CardView(id="card")
        yield AnswerBox(id="answer")  # a typed answer, for a card asked in a direction
        yield RatingBar(self.lang, id="ratings")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._relabel, init=False)
        self._show_current()

    # ---- drawing -------------------------------------------------------------------------

    def _show_current(self) -> None:
        """The session's current card, front side, with fresh interval labels."""
        self.flipped = False
        self._show_ratings()  # hidden on the front, also when the side did not change
        self.ask_typed()
        card = self.session.current
        if card is None:
            return
        self._relabel()
        done, total = self.session.progress
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one("#progress-label", Static).update(f"{done} / {total}")
        self.refresh_bindings()  # Undo and Demo may have changed (the key bar only repaints)

    def _relabel(self) -> None:
        """The language changed: the card (on the side it shows) and the buttons' words."""
        card = self.session.current
        if card is None:
            return
        lecture = self.study.deck.lecture(self.study.deck.card_lecture[card.id])
        self.query_one("#card-meta", Static).update(
            f" {lecture.number}. {lecture.title.show(self.lang)}"
            + session_note(self.session, self.lang))
        self._draw_card()
        self.query_one(RatingBar).set_intervals(self.session.intervals(), self.lang)

    def _draw_card(self) -> None:
        flip_keys = " / ".join(self.app.get_key_display(a.binding)
                               for a in self.active_bindings.values()
                               if a.binding.action == "flip")
        self.query_one(CardView).show_card(self.session.current, self.lang, self.flipped,
                                           flip_keys, self.session.direction or "forward")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rate":  # a card is rated on what the learner saw: its answer
            return self.flipped
        if action == "undo":
            return True if self.session.can_undo else None
        if action == "demo":
            card = self.session.current
            return True if card is not None and card.demo is not None else None
        return True

    # ---- actions -------------------------------------------------------------------------

    def watch_flipped(self) -> None:
        self._draw_card()
        self._show_ratings()
        self.turned_over()

    def _show_ratings(self) -> None:
        """The ratings, with their intervals, come with the answer (as in Anki)."""
        self.query_one(RatingBar).display = self.flipped
        self.refresh_bindings()

    def action_flip(self) -> None:
        self.flipped = not self.flipped

    def action_rate(self, rating: int) -> None:
        if self.session.current is None or not self.flipped:
            return  # a stray 1-4 on the front rates nothing
        try:
            self.session.rate(rating)  # committed to the store before it returns
        except StoreError as exc:
            self.study.report_store_error(exc)
            return
        if self.session.current is None:
            self._finish()
        else:
            self._show_current()

    def action_undo(self) -> None:
        if self.study.undo_rating(self.session) is not None:
            self._show_current()
            self.notify(say("card.undone", self.lang), timeout=1.5)

    def action_demo(self) -> None:
        card = self.session.current
        if card is not None and card.demo is not None:
            self.study.open_demo(card.demo.name, card.demo.params)

    def _finish(self) -> None:
        from studytui.tui.screens.session_summary import SessionSummaryScreen

        self.app.switch_screen(SessionSummaryScreen(self.session))
