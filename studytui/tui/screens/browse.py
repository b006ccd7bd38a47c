"""Browse: search every card in either language, filter by lecture and tag."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Header, Input, Select, Static

from studytui.content.model import Card
from studytui.study.card_record import card_record, list_states
from studytui.study.search import SearchIndex
from studytui.tui.no_demo import no_demo_notice
from studytui.tui.screens.base import StudyScreen
from studytui.tui.screens.demo_choice import open_card_demos
from studytui.tui.widgets.card_record import CardRecordView
from studytui.tui.widgets.card_view import CardView
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say

COLUMNS = ("browse.col.lecture", "browse.col.state", "browse.col.term", "browse.col.tags",
           "browse.col.demo")
STATE_STYLES = {"new": "dim", "learning": "yellow", "relearning": "red", "review": "green",
                "suspended": "dim italic", "buried": "dim italic"}

# Rows put in the table at most: more than the bundled course (217 cards), and
# few enough that a keystroke on a 10,000-card deck redraws in a few ms. A
# longer list is not read by scrolling; the count says to narrow it.
ROW_LIMIT = 500


class BrowseScreen(StudyScreen[None]):
    HELP_TITLE = "screen.browse"
    DEFAULT_CSS = """
    BrowseScreen #filters {
        height: auto;
        padding: 0 1;
    }
    BrowseScreen #filters Input {
        width: 2fr;
    }
    BrowseScreen #filters Select {
        width: 1fr;
        max-width: 30;
    }
    /* Under 80 columns the search takes a row of its own, the two filters share the next. */
    BrowseScreen.-narrow #filters {
        layout: grid;
        grid-size: 2;
        grid-rows: auto;
    }
    BrowseScreen.-narrow #filters Input {
        column-span: 2;
        width: 1fr;
    }
    BrowseScreen.-narrow #filters Select {
        width: 1fr;
        max-width: 100%;
    }
    BrowseScreen #cards {
        height: 1fr;
    }
    BrowseScreen #preview-scroll {
        height: 1fr;
        border-top: solid $primary;
    }
    """
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="browse.search"),
        Binding("enter", "open_card", "Open", id="browse.open"),
        Binding("d", "demo", "Demo", id="browse.demo"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown_ids: list[str] = []
        self.shown_query = ""  # the search the list shows (it may lag the keys by one refill)
        self._refill_due = False
        # A row's cells, made once a language: the list is refilled as the learner types.
        self._cells: dict[tuple[str, str], tuple[object, ...]] = {}
        # Card id -> (state, flagged), read once on opening (and on coming back
        # from a card's page, where it may have been suspended or flagged).
        self._states: dict[str, tuple[str, bool]] = {}
        self._index: SearchIndex | None = None  # made on mount
        self._wrapped = False  # the term column wraps (a narrow screen)
        self._room = 0  # the term column's width it was laid out for

    def compose(self) -> ComposeResult:
        deck, lang = self.study.deck, self.lang
        # The filters are narrow: in `both` their prompts say Korean alone.
        short = "ko" if lang == "both" else lang
        tags = sorted({t for c in deck.cards.values() for t in c.tags})
        yield Header()
        with Horizontal(id="filters"):
            yield Input(placeholder=say("browse.search_placeholder", short), id="search")
            yield Select(
                [(f"{lec.number}. {lec.title.show(lang)}", lec.number)
                 for lec in deck.lectures],
                prompt=say("browse.all_lectures", short), id="lecture",
            )
            yield Select([(f"#{t}", t) for t in tags], prompt=say("browse.all_tags", short),
                         id="tag")
        yield DataTable(id="cards", cursor_type="row", zebra_stripes=True)
        yield Static(id="browse-count", classes="dim")
        with VerticalScroll(id="preview-scroll"):
            yield CardView(id="preview")
            yield CardRecordView(id="record")  # state, due, stability, marks, history
        yield StudyFooter()

    def on_mount(self) -> None:
        self._index = SearchIndex.of(self.study.deck)  # built once per deck
        self._states = list_states(self.study.store, self.study.now())
        self.watch(self.app, "lang", self._relabel, init=False)
        self._relabel()
        self.call_after_refresh(self._refit)  # the table's width is known after layout
        self.query_one(DataTable).focus()

    def _relabel(self) -> None:
        """The columns and the rows in the learner's language (the narrow Lec
        and Demo columns say Korean alone in `both`)."""
        lang = self.lang
        table = self.query_one(DataTable)
        table.clear(columns=True)
        narrow = "ko" if lang == "both" else lang
        room = self._room = self._term_room(lang)
        self._wrapped = room < max(
            cell_len(c.term.show(lang)) for c in self.study.deck.cards.values())
        for key in COLUMNS:
            # On a narrow screen the term wraps in the room left to it, rather than
            # run to the screen's edge and be cut in the middle of a Korean word.
            table.add_column(say(key, lang if key == "browse.col.term" else narrow),
                             width=room if key == "browse.col.term" and self._wrapped else None)
        self.query_one("#search", Input).placeholder = say("browse.search_placeholder", narrow)
        self._fill(self.matching_ids())

    def on_screen_resume(self) -> None:
        states = list_states(self.study.store, self.study.now())
        if states != self._states:
            self._states = states
            self._fill(self.shown_ids)

    def matching_ids(self) -> list[str]:
        """The cards the search and the filters let through, best match first."""
        deck = self.study.deck
        lecture = self.query_one("#lecture", Select)
        tag = self.query_one("#tag", Select)
        within = None
        if not lecture.is_blank() or not tag.is_blank():
            within = [c.id for c in deck.cards_of(None if lecture.is_blank() else [lecture.value])  # type: ignore[list-item]
                      if tag.is_blank() or tag.value in c.tags]
        return self._index.search(self.query_one("#search", Input).value, within)

    def _refill_soon(self) -> None:
        """Refill once the keys already waiting are read: typing or pasting fast
        costs one search and one table update, not one a key."""
        if not self._refill_due:
            self._refill_due = True
            self.call_later(self._refill)

    def _refill(self) -> None:
        self._refill_due = False
        self.shown_query = self.query_one("#search", Input).value
        ids = self.matching_ids()
        if ids[:ROW_LIMIT] != self.shown_ids[:ROW_LIMIT]:
            self._fill(ids)
        elif ids != self.shown_ids:  # the rows listed are the same: only the count changes
            self.shown_ids = ids
            self._count()

    def _fill(self, ids: list[str]) -> None:
        lang = self.lang
        table = self.query_one(DataTable)
        table.clear()
        self.shown_ids = ids
        for cid in ids[:ROW_LIMIT]:
            lecture, term, *rest = self._row(cid, lang)
            table.add_row(lecture, self._state_cell(cid, lang), Text(term), *rest, key=cid,
                          height=None if self._wrapped else 1)
        self._count()
        self._preview()

    def _count(self) -> None:
        lang, shown = self.lang, len(self.shown_ids)
        count = " " + say("browse.count", lang, n=shown, total=len(self.study.deck.cards))
        if not shown:
            count += "  " + say("browse.nothing", lang)
        elif shown > ROW_LIMIT:
            count += " · " + say("browse.first_listed", lang, limit=ROW_LIMIT)
        self.query_one("#browse-count", Static).update(count)

    def _row(self, cid: str, lang: str) -> tuple[object, ...]:
        cells = self._cells.get((cid, lang))
        if cells is None:
            deck = self.study.deck
            card = deck.cards[cid]
            cells = (
                Text(str(deck.card_lecture[cid]), justify="right"),
                card.term.show(lang),
                " ".join(f"#{t}" for t in card.tags),
                "▶ " + card.demo.name + (f" +{len(card.demos) - 1}" if len(card.demos) > 1
                                         else "") if card.demo else "",
            )
            self._cells[cid, lang] = cells
        return cells

    def _term_room(self, lang: str) -> int:
        """Cells the term may take so that it ends inside the table's width: past
        it the screen's edge would cut a Korean word in two (the tags and the
        demo column may run off; they are there when the screen is wide)."""
        narrow = "ko" if lang == "both" else lang
        width = self.query_one(DataTable).size.width or self.app.size.width
        states = max(cell_len(say(f"browse.state.{s}", narrow)) for s in STATE_STYLES) + 2
        lecture = cell_len(say("browse.col.lecture", narrow))
        tags = cell_len(say("browse.col.tags", narrow))  # its header stays whole
        return max(8, width - lecture - states - tags - 4 * 2)  # padding, 1 a side

    def on_resize(self) -> None:
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        """The term column's width follows the table's, once it is laid out."""
        if self._index is not None and self._term_room(self.lang) != self._room:
            self._relabel()

    def _state_cell(self, cid: str, lang: str) -> Text:
        """The card's state in a word (Korean alone in `both`: a narrow column),
        ⚑ before it when flagged."""
        state, flagged = self._states.get(cid, ("new", False))
        word = say(f"browse.state.{state}", "ko" if lang == "both" else lang)
        return Text(("⚑ " if flagged else "") + word, style=STATE_STYLES[state])

    def _preview(self) -> None:
        card = self.highlighted()
        self.query_one(CardView).show_card(card, self.lang, flipped=True)
        record = card_record(self.study.store, card.id) if card is not None else None
        self.query_one(CardRecordView).show_record(record, self.lang)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refill_soon()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        self._refill_soon()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.study.open_card(event.row_key.value)

    def highlighted(self) -> Card | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.study.deck.cards.get(key or "")

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_open_card(self) -> None:
        card = self.highlighted()
        if card is not None:
            self.study.open_card(card.id)

    def action_demo(self) -> None:
        card = self.highlighted()
        if card is None or card.demo is None:
            self.notify(no_demo_notice(self.app, self.study.config.keys, self.lang))
            return
        open_card_demos(self.study, card)

