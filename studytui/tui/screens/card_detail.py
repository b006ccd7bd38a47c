"""One card, front and back together, with its study record (state, due,
stability, difficulty, marks, review history) and its demo; `!` suspends or
unsuspends it, `-` buries or unburies it, `*` flags or unflags it (each an
event in the store), each said in a notice as on the review screen, `u` taking
the last one back."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from studytui.content.model import Card
from studytui.store.sqlite_store import StoreError
from studytui.study.availability import bury_until
from studytui.study.card_record import card_record
from studytui.tui.no_demo import is_demo_key, no_demo_notice
from studytui.tui.screens.base import StudyScreen
from studytui.tui.screens.demo_choice import open_card_demos
from studytui.tui.widgets.card_record import CardRecordView
from studytui.tui.widgets.card_view import CardView
from studytui.tui.widgets.footer import StudyFooter
from studytui.tui.widgets.notice_line import NoticeLine
from studytui.words import say


class CardDetailScreen(StudyScreen[None]):
    HELP_TITLE = "screen.card"
    BINDINGS = [
        Binding("d", "demo", "Demo", id="card.demo"),
        Binding("exclamation_mark", "toggle('suspend')", "Suspend", id="card.suspend"),
        Binding("minus", "toggle('bury')", "Bury", id="card.bury"),
        Binding("asterisk", "toggle('flag')", "Flag", id="card.flag"),
        Binding("u", "undo", "Undo", id="card.undo"),
    ]

    def __init__(self, card: Card) -> None:
        super().__init__()
        self.card = card
        self._last: tuple[str, str] | None = None  # (kind, event id) of the last mark made here

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="card-meta", classes="dim")
        yield NoticeLine(id="notice")  # above the card: the record may be below the fold
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
        if action == "undo":
            return True if self._last is not None else None
        return True

    def action_toggle(self, kind: str) -> None:
        """Suspend, bury or flag the card, or take the mark off (pressing again)."""
        store, now = self.study.store, self.study.now()
        marks = store.marks_of(self.card.id)
        buried = marks.buried_until is not None and marks.buried_until > now
        on = not {"suspend": marks.suspended, "bury": buried, "flag": marks.flagged}[kind]
        try:
            event_id = store.mark_card(self.card.id, kind, now, on=on,
                                       until=bury_until(now) if kind == "bury" and on else None)
        except StoreError as exc:
            self.study.report_store_error(exc)
            return
        self._last = (kind, event_id)
        self._draw()  # the record's state line says it at once
        word = f"mark.{kind}" if on else {"suspend": "mark.unsuspend", "bury": "mark.unbury",
                                          "flag": "mark.unflag"}[kind]
        undo = next((a.binding for a in self.active_bindings.values()
                     if a.binding.id == "card.undo"), None)
        hint = (f"  ({say('mark.undo_hint', self.lang, key=self.app.get_key_display(undo))})"
                if undo is not None else "")
        self.query_one(NoticeLine).show(say(word, self.lang) + hint)
        self.refresh_bindings()  # u can act now

    def action_undo(self) -> None:
        if self._last is None:
            return
        kind, event_id = self._last
        try:
            self.study.store.undo_mark(event_id, self.study.now())
        except StoreError as exc:
            self.study.report_store_error(exc)
            return
        self._last = None
        self._draw()
        self.query_one(NoticeLine).show(say(f"mark.undone.{kind}", self.lang))
        self.refresh_bindings()

    def action_demo(self) -> None:
        if self.card.demo:
            open_card_demos(self.study, self.card)

    def on_key(self, event: events.Key) -> None:
        if self.card.demo is None and is_demo_key(event, self.study.config.keys, "card.demo"):
            event.stop()  # `d` on a card without a demo: say so, not nothing
            self.notify(no_demo_notice(self.app, self.study.config.keys, self.lang))
