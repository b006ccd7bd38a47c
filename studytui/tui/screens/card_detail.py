"""One card, front and back together, with its review state and its demo."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from studytui.content.model import Card
from studytui.tui.screens.base import StudyScreen
from studytui.tui.screens.demo_choice import open_card_demos
from studytui.tui.widgets.card_view import CardView
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say


class CardDetailScreen(StudyScreen[None]):
    HELP_TITLE = "screen.card"
    BINDINGS = [
        Binding("d", "demo", "Demo", id="card.demo"),
    ]

    def __init__(self, card: Card) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="card-meta", classes="dim")
        with VerticalScroll(id="card-scroll", classes="card-frame"):
            yield CardView(id="card")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._draw, init=True)

    def _draw(self) -> None:
        deck = self.study.deck
        lecture = deck.lecture(deck.card_lecture[self.card.id])
        state = self.study.store.state_of(self.card.id)
        due = (say("card.due_at", self.lang, at=state["due"][:16].replace("T", " "))
               if state else say("card.new", self.lang))
        self.query_one("#card-meta", Static).update(
            f" {lecture.number}. {lecture.title.show(self.lang)} · {self.card.id} · {due}"
        )
        self.query_one(CardView).show_card(self.card, self.lang, flipped=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "demo":
            return True if self.card.demo else None
        return True

    def action_demo(self) -> None:
        if self.card.demo:
            open_card_demos(self.study, self.card)
