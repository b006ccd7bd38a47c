"""One card, front and back together, with its study record (state, due,
stability, difficulty, marks, review history) and its demo; `!` suspends or
unsuspends it, `*` flags or unflags it (each an event in the store)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from studytui.content.model import Card
from studytui.store.sqlite_store import StoreError
from studytui.study.card_record import card_record
from studytui.tui.no_demo import is_demo_key, no_demo_notice
from studytui.tui.screens.base import StudyScreen
from studytui.tui.screens.demo_choice import open_card_demos
from studytui.tui.widgets.card_record import CardRecordView
from studytui.tui.widgets.card_view import CardView
from studytui.tui.widgets.footer import StudyFooter


class CardDetailScreen(StudyScreen[None]):
    HELP_TITLE = "screen.card"
    BINDINGS = [
        Binding("d", "demo", "Demo", id="card.demo"),
        Binding("exclamation_mark", "toggle('suspend')", "Suspend", id="card.suspend"),
        Binding("asterisk", "toggle('flag')", "Flag", id="card.flag"),
    ]

    def __init__(self, card: Card) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="card-meta", classes="dim")
        with VerticalScroll(id="card-scroll", classes="card-frame"):
            yield CardView(id="card")
            yield CardRecordView(id="record")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._draw, init=True)

    def _draw(self) -> None:
        deck = self.study.deck
        lecture = deck.lecture(deck.card_lecture[self.card.id])
        self.query_one("#card-meta", Static).update(
            f" {lecture.number}. {lecture.title.show(self.lang)} · {self.card.id}"
        )
        self.query_one(CardView).show_card(self.card, self.lang, flipped=True)
        self.query_one(CardRecordView).show_record(
            card_record(self.study.store, self.card.id), self.lang)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "demo":
            return True if self.card.demo else None
        return True

    def action_toggle(self, kind: str) -> None:
        """Suspend or flag the card, or take the mark off (pressing again undoes)."""
        store = self.study.store
        marks = store.marks_of(self.card.id)
        on = not (marks.suspended if kind == "suspend" else marks.flagged)
        try:
            store.mark_card(self.card.id, kind, self.study.now(), on=on)
        except StoreError as exc:
            self.study.report_store_error(exc)
            return
        self._draw()  # the record under the card says what changed (no toast: see flashcards)

    def action_demo(self) -> None:
        if self.card.demo:
            open_card_demos(self.study, self.card)

    def on_key(self, event: events.Key) -> None:
        if self.card.demo is None and is_demo_key(event, self.study.config.keys, "card.demo"):
            event.stop()  # `d` on a card without a demo: say so, not nothing
            self.notify(no_demo_notice(self.app, self.study.config.keys, self.lang))
