"""Flashcards: the term, flip to the back, rate 1-4 with Anki-style interval labels;
the session's counts above, suspend/bury/flag and where the card is written.

Notices (undo, a mark, a card's source) are a line of the screen's own
layout, not a toast: a toast is an overlay, and when a widget under it
repaints, Textual redraws the changed region with the toast's line cut at
the region's edge; a Korean (double-width) glyph cut in half is written as
two spaces and stays so ("되  렸습니다"; Textual issue #6357)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Header, Static

from studytui.store.sqlite_store import StoreError
from studytui.study.review_session import ReviewSession
from studytui.tui.custom_review import session_note
from studytui.tui.keymap import key_name
from studytui.tui.no_demo import is_demo_key, no_demo_notice
from studytui.tui.screens.demo_choice import open_card_demos
from studytui.tui.screens.typed_answers import TypedAnswers
from studytui.tui.widgets.answer_box import AnswerBox
from studytui.tui.widgets.card_view import CardView
from studytui.tui.widgets.counts_bar import CountsBar
from studytui.tui.widgets.footer import StudyFooter
from studytui.tui.widgets.rating_bar import RatingBar
from studytui.words import say


class FlashcardScreen(TypedAnswers):
    HELP_TITLE = "screen.flashcards"
    HELP_FIGURES = ("figures.counts",)
    DEFAULT_CSS = """
    FlashcardScreen #notice {
        height: auto;
        padding: 0 2;
        color: $text-accent;
    }
    FlashcardScreen #practice-line {
        height: auto;
        padding: 0 2;
        color: $text-muted;
    }
    FlashcardScreen #card-scroll {
        border-subtitle-color: $accent;
        border-subtitle-style: bold;
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
        # Not in the key bar (it would push Help and the ratings off a narrow
        # one): Help (?) and the palette list them.
        Binding("exclamation_mark", "mark('suspend')", "Suspend", show=False,
                id="cards.suspend"),
        Binding("minus", "mark('bury')", "Bury", show=False, id="cards.bury"),
        Binding("asterisk", "mark('flag')", "Flag", show=False, id="cards.flag"),
        Binding("e", "source", "Source", show=False, id="cards.source"),
        # A long card scrolls by key: nothing on this screen takes focus, so the
        # screen's bindings get them (key_guard passes PageUp/PageDown on).
        # No description: the palette and Help leave them out (the frame's cue names them).
        Binding("up", "scroll_card('up')", "", show=False, id="cards.scroll_up"),
        Binding("down", "scroll_card('down')", "", show=False, id="cards.scroll_down"),
        Binding("pageup", "scroll_card('page_up')", "", show=False, id="cards.page_up"),
        Binding("pagedown", "scroll_card('page_down')", "", show=False, id="cards.page_down"),
    ]

    flipped: reactive[bool] = reactive(False, init=False)
    """Which side of the card shows: setting it redraws the card."""

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self._notice_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield CountsBar(id="counts")
        yield Static(id="card-meta", classes="dim")
        frame = VerticalScroll(id="card-scroll", classes="card-frame")
        # Not focusable: the screen's own scroll keys (remappable by id) move it.
        frame.can_focus = False
        with frame:
            yield CardView(id="card")
        yield Static(id="notice")
        yield AnswerBox(id="answer")  # a typed answer, for a card asked in a direction
        # Practice: the buttons show no interval, and this line says why.
        yield Static(id="practice-line")
        yield RatingBar(self.lang, id="ratings")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._relabel, init=False)
        self.watch(self.query_one("#card-scroll"), "scroll_y", self._scroll_cue, init=False)
        self.query_one("#notice").display = False
        self._show_current()

    def on_resize(self) -> None:
        self.call_after_refresh(self._scroll_cue)

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
        self.query_one("#card-scroll", VerticalScroll).scroll_home(animate=False)
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
        self.query_one(CountsBar).show(self.session.counts, self.session.progress[0],
                                       self.session.flagged, self.lang)
        self._draw_card()
        self.query_one(RatingBar).set_intervals(self.session.intervals(self.lang), self.lang)
        self.query_one("#practice-line", Static).update(say("custom.is_practice", self.lang))

    def _draw_card(self) -> None:
        flip_keys = " / ".join(self.app.get_key_display(a.binding)
                               for a in self.active_bindings.values()
                               if a.binding.action == "flip")
        self.query_one(CardView).show_card(self.session.current, self.lang, self.flipped,
                                           flip_keys, self.session.direction or "forward")
        self.call_after_refresh(self._scroll_cue)  # once the new text is laid out

    def _keys_of(self, *actions: str) -> str:
        return " ".join(self.app.get_key_display(a.binding) for a in self.active_bindings.values()
                        if a.binding.action in actions)

    def _declared_keys(self, *ids: str) -> str:
        """The keys of this screen's bindings `ids`, as the keymap sets them. Not
        from the active bindings: there the app's page-key guard stands first."""
        keymap = self.study.config.keys
        keys = [key_name(k) for b in self.BINDINGS if isinstance(b, Binding) and b.id in ids
                for k in keymap.get(b.id, b.key).split(",")]
        return " ".join(self.app.get_key_display(Binding(k, "")) for k in keys)

    def _scroll_cue(self) -> None:
        """A card taller than its frame says so on the frame's bottom line, with
        the keys that scroll it, until its end is in view."""
        frame = self.query_one("#card-scroll", VerticalScroll)
        cue = ""
        if frame.max_scroll_y > 0:
            more = frame.scroll_y < frame.max_scroll_y
            key, ids = (("scroll.more", ("cards.scroll_down", "cards.page_down")) if more
                        else ("scroll.above", ("cards.scroll_up", "cards.page_up")))
            keys = self._declared_keys(*ids)
            room = frame.outer_size.width - 6  # the corners and a cell of line each side
            # The longest that fits the frame's bottom line whole: both languages,
            # Korean alone, then without the keys.
            short = "ko" if self.lang == "both" else self.lang
            choices = [say(key, self.lang, keys=keys), say(key, short, keys=keys),
                       say(key, short, keys="").replace(" ()", "")]
            cue = next((c for c in choices if cell_len(c) <= room), choices[-1])
        frame.border_subtitle = cue

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rate":  # a card is rated on what the learner saw: its answer
            return self.flipped
        if action == "undo":
            return True if self.session.can_undo else None
        if action == "demo":
            card = self.session.current
            return True if card is not None and card.demo is not None else None
        if action in ("mark", "source"):
            return self.session.current is not None
        return True

    # ---- actions -------------------------------------------------------------------------

    def watch_flipped(self) -> None:
        self._draw_card()
        self._show_ratings()
        self.turned_over()

    def _show_ratings(self) -> None:
        """The ratings, with their intervals, come with the answer (as in Anki);
        in practice, with the line saying the schedule stays as it is."""
        self.query_one(RatingBar).display = self.flipped
        self.query_one("#practice-line").display = self.flipped and self.session.plan.practice
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
        kind = self.session.undo_kind
        if self.study.undo_rating(self.session) is not None:
            self._show_current()
            self.show_notice(say("card.undone" if kind == "rating" else f"mark.undone.{kind}",
                                 self.lang))

    def action_mark(self, kind: str) -> None:
        if self.session.current is None:
            return
        try:
            self.session.mark(kind)  # committed to the store before it returns
        except StoreError as exc:
            self.study.report_store_error(exc)
            return
        word = ("mark.flag" if self.session.flagged else "mark.unflag") if kind == "flag" \
            else f"mark.{kind}"
        hint = say("mark.undo_hint", self.lang, key=self._keys_of("undo"))
        if self.session.current is None:
            self._finish()
            return
        if kind == "flag":
            self._relabel()
        else:
            self._show_current()
        self.show_notice(f"{say(word, self.lang)}  ({hint})")

    def action_source(self) -> None:
        from studytui.content.card_source import copy_commands, find_card

        card = self.session.current
        if card is None:
            return
        found = find_card(card.id, self.study.content)
        if found is None:
            text = say("source.missing", self.lang)
        elif found.bundled:
            text = say("source.bundled", self.lang, where=found.where(),
                       commands=" && ".join(copy_commands()))
        else:
            text = say("source.at", self.lang, where=found.where())
        self.show_notice(text, seconds=20)

    def action_scroll_card(self, how: str) -> None:
        frame = self.query_one("#card-scroll", VerticalScroll)
        getattr(frame, f"scroll_{how}")(animate=False)

    def show_notice(self, text: str, seconds: float = 4) -> None:
        """A line under the card, in the layout (see the module's docstring)."""
        notice = self.query_one("#notice", Static)
        notice.update(Text(text))
        notice.display = True
        if self._notice_timer is not None:
            self._notice_timer.stop()
        self._notice_timer = self.set_timer(seconds, self._clear_notice)

    def _clear_notice(self) -> None:
        self.query_one("#notice").display = False

    def action_demo(self) -> None:
        card = self.session.current
        if card is not None and card.demo is not None:
            open_card_demos(self.study, card)

    def on_key(self, event: events.Key) -> None:
        card = self.session.current  # `d` on a card without a demo: say so, not nothing
        if card is not None and card.demo is None and is_demo_key(
                event, self.study.config.keys, "cards.demo"):
            event.stop()
            self.show_notice(no_demo_notice(self.app, self.study.config.keys, self.lang))

    def _finish(self) -> None:
        from studytui.tui.screens.session_summary import SessionSummaryScreen

        self.app.switch_screen(SessionSummaryScreen(self.session))
