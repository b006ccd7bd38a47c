"""Stats: progress per lecture (seen, learning, young, mature, recall tomorrow),
a 12-week heatmap, true retention, a 14-day forecast."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Sparkline, Static

from studytui.study.directions import direction_name
from studytui.study.stats import Stats
from studytui.tui.screens.base import StatsView
from studytui.tui.text import percent, wrap_words
from studytui.tui.widgets.footer import StudyFooter
from studytui.tui.widgets.heatmap import Heatmap
from studytui.tui.widgets.lecture_table import share_bar
from studytui.words import say

COUNTS = ("table.cards", "table.seen", "table.learning", "table.young", "table.mature",
          "table.due", "table.reviews")
# Narrower, the table keeps fewer counts (and recall tomorrow as a number):
# DataTable would otherwise cut its right-hand columns, mid-word.
MID_COUNTS = ("table.seen", "table.learning", "table.young", "table.mature", "table.due")
NARROW_COUNTS = ("table.learning", "table.mature", "table.due")
NARROW = 80
BAR = 100  # columns: from here on, recall tomorrow has its bar beside the number

WIDE = 120  # columns: from here on, `both` shows a lecture's title in both languages
WIDE_HEADERS = 200  # and from here on, the column headers too


def forecast_text(forecast: list[int], lang: str) -> Text:
    week = sum(forecast[:7])
    out = Text()
    out.append(say("stats.today", lang, n=forecast[0]), style="bold")
    out.append(" · " + " · ".join([say("stats.tomorrow", lang, n=forecast[1]),
                                   say("stats.days", lang, d=7, n=week),
                                   say("stats.days", lang, d=14, n=sum(forecast))]) + "\n")
    out.append(" ".join(f"{n:>2}" for n in forecast), style="dim")
    return out


class StatsScreen(StatsView):
    HELP_TITLE = "screen.stats"
    HELP_FIGURES = ("figures.seen", "figures.learning", "figures.young", "figures.mature",
                    "figures.recall", "figures.directions")
    DEFAULT_CSS = """
    StatsScreen #stats-body {
        padding: 0 1;
    }
    StatsScreen .section-title {
        margin-top: 1;
        text-style: bold;
        color: $accent;
    }
    StatsScreen #stats-table {
        height: auto;
        max-height: 14;
    }
    StatsScreen #stats-row, StatsScreen #heatmap-box, StatsScreen #forecast-box {
        height: auto;
    }
    StatsScreen #heatmap-box {
        width: auto;
        margin-right: 3;
    }
    /* A row a direction under the total, when more than one is counted. */
    StatsScreen #stats-table.-directions {
        max-height: 19;
    }
    StatsScreen #directions-note {
        color: $text-muted;
    }
    /* Under 80 columns the forecast goes under the heatmap instead of beside it. */
    StatsScreen.-narrow #stats-row {
        layout: vertical;
    }
    """
    TITLES = {"#title-progress": "stats.progress", "#title-heatmap": "stats.heatmap",
              "#title-retention": "stats.retention", "#title-forecast": "stats.forecast"}

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats-body"):
            yield Static(id="title-progress", classes="section-title")
            yield DataTable(id="stats-table", cursor_type="none", zebra_stripes=True)
            yield Static(id="directions-note")
            with Horizontal(id="stats-row"):
                with Vertical(id="heatmap-box"):
                    yield Static(id="title-heatmap", classes="section-title")
                    yield Heatmap(id="heatmap")
                with Vertical(id="forecast-box"):
                    yield Static(id="title-retention", classes="section-title")
                    yield Static(id="retention")
                    yield Static(id="title-forecast", classes="section-title")
                    yield Sparkline([], id="forecast-spark")
                    yield Static(id="forecast")
        yield StudyFooter()

    def on_resize(self) -> None:
        self._redraw()  # the title column's language depends on the width

    def show_stats(self, s: Stats) -> None:
        lang = self.lang
        for selector, key in self.TITLES.items():
            self.query_one(selector, Static).update(say(key, lang))
        table = self.query_one(DataTable)
        table.clear(columns=True)
        width = self.app.size.width
        counts = (COUNTS if width >= BAR else MID_COUNTS if width >= NARROW
                  else NARROW_COUNTS if width >= 60 else ("table.due",))
        # In `both`, two languages widen the table past all but a wide terminal,
        # where DataTable would cut its last column: Korean alone then.
        short = "ko" if lang == "both" and width < WIDE else lang
        # Eight counts with both languages in each header leave a title no room
        # short of a very wide terminal: the headers say Korean alone before that.
        head = "ko" if lang == "both" and width < WIDE_HEADERS else short
        headers = [say(key, head) for key in ("common.lecture", *counts, "table.recall")]
        table.add_columns("#", *headers)
        # What the title column has left: the others at their widest, each cell
        # padded by one on each side, the body's padding and a scrollbar. A
        # longer title wraps at a space onto more lines of its row.
        others = 3 + sum(max(cell_len(h), 5) for h in headers[1:-1]) + (
            max(cell_len(headers[-1]), 4 if width < BAR else 11))
        room = max(12, width - 4 - others - 2 * (len(headers) + 1))
        # More than one direction counted: a row for each under the total, so
        # the counts add up before the learner's eyes, and a line saying why.
        directions = s.per_direction if len(s.per_direction) > 1 else {}
        table.set_class(bool(directions), "-directions")
        note = self.query_one("#directions-note", Static)
        note.display = bool(directions)
        note.update(say("dirs.note", short))
        rows = [(str(row.number), row.title.show(short), "", str(row.number))
                for row in s.per_lecture]
        rows.append(("", say("common.total", short), "bold", "total"))
        rows += [("", "· " + direction_name(d, short), "italic", f"dir-{d}")
                 for d in directions]
        for row, (number, title, style, row_key) in zip(
                [*s.per_lecture, s.totals, *directions.values()], rows, strict=True):
            numbers = {"table.cards": row.cards, "table.seen": row.seen,
                       "table.learning": row.learning, "table.young": row.young,
                       "table.mature": row.mature, "table.due": row.due,
                       "table.reviews": row.reviews}
            table.add_row(
                Text(number, justify="right"),
                Text("\n".join(wrap_words(title, room)), style=style),
                *(Text(str(numbers[key]), justify="right") for key in counts),
                Text(percent(row.recall_tomorrow), justify="right") if width < BAR
                else share_bar(row.recall_tomorrow, width=5),
                key=row_key,
                height=None,  # as many lines as the wrapped title needs
            )
        # The rows' heights are measured on the next idle; the table's own height
        # (auto) must be laid out again after that, or it stays at zero.
        self.call_after_refresh(table.refresh, layout=True)
        self.query_one(Heatmap).show_days(s.reviews_per_day, lang)
        reviewed = sum(s.reviews_per_day.values())
        self.query_one("#retention", Static).update(
            Text.assemble(
                (percent(s.true_retention), "bold"),
                "  " + say("stats.recalled" if s.true_retention is not None
                           else "stats.no_reviews_due", lang),
                "\n" + say("stats.reviews_12w", lang, n=reviewed),
            )
        )
        self.query_one(Sparkline).data = [float(n) for n in s.forecast]
        self.query_one("#forecast", Static).update(forecast_text(s.forecast, lang))
