"""The lectures as a table: number, title, cards, new, due now, recall tomorrow.

Home is the first screen, so this lays its rows out itself, one Text line per
row, instead of using a DataTable or a Rich Table: a DataTable cost a sixth of
studytui's start-up for nine rows, and a Rich Table, measured again for every
layout pass, a tenth (benchmarks/bench_startup.py).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from studytui.study.stats import LectureStats
from studytui.tui.text import percent, wrap_words
from studytui.words import say

HEADERS = ("common.lecture", "table.cards", "table.new", "table.due", "table.recall")
NARROW = 64  # below this many cells, recall tomorrow is a number without its bar
GAP = "  "
DROP_ORDER = (2, 3, 5)  # Cards, New, Recall: what goes first when the title needs room
MAX_WORD = 16  # a word longer than this may be cut rather than drop the counts for it


def share_bar(share: float | None, width: int = 10) -> Text:
    """A share (0..1) as a bar and a percentage; None (nothing to share) as a dash."""
    filled = round((share or 0) * width)
    bar = Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")
    return bar + Text(f" {percent(share):>4}")


def aligned(text: Text, align: str, width: int) -> Text:
    out = text.copy()
    out.align(align, width)  # type: ignore[arg-type]
    return out


class LectureTable(Widget, can_focus=True):
    """One row a lecture; up/down move the cursor, Enter or a click selects."""

    DEFAULT_CSS = """
    LectureTable {
        height: 1fr;
        padding: 0 1;
    }
    LectureTable > .lecture-table--cursor {
        background: $block-cursor-blurred-background;
    }
    LectureTable:focus > .lecture-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    LectureTable > .lecture-table--header {
        text-style: bold;
        color: $text-accent;
    }
    """
    COMPONENT_CLASSES = {"lecture-table--cursor", "lecture-table--header"}
    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="lectures.up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="lectures.down"),
        Binding("home", "cursor_to(0)", show=False, id="lectures.first"),
        Binding("end", "cursor_to(-1)", show=False, id="lectures.last"),
        Binding("enter", "select", "Review lecture", id="lectures.open"),
    ]

    cursor_row: reactive[int] = reactive(0)

    class Selected(Message):
        """Enter or a click on a lecture's row."""

        def __init__(self, lecture: int) -> None:
            super().__init__()
            self.lecture = lecture

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[LectureStats] = []
        self.lang = "both"
        self._top = 0  # the first row shown when they do not all fit

    def fill(self, rows: list[LectureStats], lang: str) -> None:
        self.rows, self.lang = rows, lang
        self.cursor_row = min(self.cursor_row, max(len(rows) - 1, 0))
        self.refresh(layout=True)

    @property
    def selected_lecture(self) -> int | None:
        return self.rows[self.cursor_row].number if self.rows else None

    def row_cells(self, number: int) -> list[str]:
        """What the row of lecture `number` shows, as plain text (for tests)."""
        row = next(s for s in self.rows if s.number == number)
        return [cell.plain.strip() for cell in self._cells(row, narrow=False)]

    # ---- layout ----------------------------------------------------------------------------

    def _cells(self, s: LectureStats, narrow: bool) -> list[Text]:
        return [
            Text(str(s.number)),
            Text(s.title.show(self.lang)),
            Text(str(s.cards)),
            Text(str(s.new)),
            Text(str(s.due), style="bold" if s.due else "dim"),
            Text(percent(s.recall_tomorrow)) if narrow else share_bar(s.recall_tomorrow),
        ]

    def headers(self, lang: str, narrow: bool) -> list[str]:
        words = [say(key, lang) for key in HEADERS]
        if narrow:  # the recall column is a bare number: its sign says enough
            words[-1] = "%"
        return ["#", *words]

    def _layout(self, width: int) -> tuple[Text, list[list[Text]]]:
        """The header line, and each lecture's row as its lines: a title too long
        for its column wraps at a space onto more lines of the same row. When
        even that leaves a title's longest word no room, the Cards column goes,
        then New, then Recall: counts drop off before words are cut. In `both`
        the headers are Korean alone when both languages would crowd the columns."""
        narrow = width < NARROW
        rows = [self._cells(s, narrow) for s in self.rows]
        longest_word = max((cell_len(w) for r in rows for w in r[1].plain.split()), default=2)

        def widths_of(headers: list[str]) -> list[int]:
            return [max([cell_len(h), *(r[i].cell_len for r in rows)])
                    for i, h in enumerate(headers)]

        headers = self.headers(self.lang, narrow)
        widths = widths_of(headers)
        if self.lang == "both":
            # Both languages only while the titles keep their full width beside them.
            counts = sum(widths) - widths[1] + len(GAP) * (len(widths) - 1)
            if width - counts < widths[1]:
                headers = self.headers("ko", narrow)
                widths = widths_of(headers)
        shown = list(range(len(headers)))
        for optional in (None, *DROP_ORDER):
            if optional is not None:
                shown.remove(optional)
            others = sum(widths[i] for i in shown if i != 1) + len(GAP) * (len(shown) - 1)
            if width - others >= min(longest_word, MAX_WORD):
                break
        # The title column is as wide as the longest title, no wider: the counts
        # stay next to the titles they belong to on a wide terminal.
        widths[1] = max(2, min(width - others, widths[1]))

        def lines(cells: list[list[Text]], style: Style) -> list[Text]:
            out = []
            for k in range(max(len(cells[i]) for i in shown)):
                text = Text(GAP).join(
                    aligned(cells[i][k] if k < len(cells[i]) else Text(),
                            "left" if i in (1, 5) else "right", widths[i])
                    for i in shown)
                text.truncate(width, pad=True)
                text.stylize(style)
                out.append(text)
            return out

        header = lines([[Text(h)] for h in headers],
                       self.get_component_rich_style("lecture-table--header"))
        cursor = self.get_component_rich_style("lecture-table--cursor")
        blocks = []
        for i, cells in enumerate(rows):
            title = [Text(t, style=cells[1].style) for t in wrap_words(cells[1].plain, widths[1])]
            # The row's index rides in the style's meta, so a click finds its
            # row on any of its lines.
            meta = Style.from_meta({"row": i})
            blocks.append(lines([[c] for c in cells[:1]] + [title] + [[c] for c in cells[2:]],
                                cursor + meta if i == self.cursor_row else meta))
        return header[0], blocks

    def _scroll_to_cursor(self, heights: list[int], room: int) -> None:
        """Move the first row shown just enough that the cursor's row is in view,
        and back up when there is room (the terminal grew)."""
        top = min(self._top, self.cursor_row)
        while top < self.cursor_row and sum(heights[top:self.cursor_row + 1]) > room:
            top += 1
        while top > 0 and sum(heights[top - 1:]) <= room:
            top -= 1
        self._top = top

    def render(self) -> Text:
        """The header, a rule, and as many rows as fit from `_top` on. The rows
        are windowed here rather than in a scrolling container: a scroll
        container on Home cost more start-up than the table itself."""
        width, height = self.content_size
        header, blocks = self._layout(width)
        room = max(1, height - 2)
        self._scroll_to_cursor([len(b) for b in blocks], room)
        shown: list[Text] = []
        last = self._top
        for block in blocks[self._top:]:
            if shown and len(shown) + len(block) > room:
                break
            shown += block
            last += 1
        above, below = self._top, len(blocks) - last
        hint = f" ↑{above} ↓{below} " if above or below else ""
        rule = Text("─" * max(0, width - cell_len(hint)) + hint, style="dim")
        text = Text("\n").join([header, rule, *shown[:room]])
        text.no_wrap = True
        return text

    # ---- cursor and selection ---------------------------------------------------------------

    def watch_cursor_row(self, row: int) -> None:
        self.refresh()

    def action_cursor(self, delta: int) -> None:
        if self.rows:
            self.cursor_row = max(0, min(len(self.rows) - 1, self.cursor_row + delta))

    def action_cursor_to(self, row: int) -> None:
        if self.rows:
            self.cursor_row = row % len(self.rows)

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self.rows[self.cursor_row].number))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.action_cursor(1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.action_cursor(-1)

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor; a click on the row already under it (or a
        double click) opens that lecture, as Enter does."""
        row = event.style.meta.get("row")
        if not isinstance(row, int) or not 0 <= row < len(self.rows):
            return
        again = row == self.cursor_row or event.chain > 1
        self.cursor_row = row
        if again:
            self.action_select()
