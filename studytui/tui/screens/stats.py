"""Stats: mastery per lecture, a 12-week heatmap, true retention, a 14-day forecast."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Sparkline, Static

from studytui.study.stats import Stats
from studytui.tui.screens.base import StatsView
from studytui.tui.text import percent
from studytui.tui.widgets.footer import StudyFooter
from studytui.tui.widgets.heatmap import Heatmap
from studytui.tui.widgets.lecture_table import mastery_bar

COLUMNS = ("#", "Lecture · 강의", "Cards", "New", "Lrn", "Due", "Revs", "Mastery")


def forecast_text(forecast: list[int]) -> Text:
    week = sum(forecast[:7])
    out = Text()
    out.append(f"today {forecast[0]}", style="bold")
    out.append(f" · tomorrow {forecast[1]} · 7 days {week} · 14 days {sum(forecast)}\n")
    out.append(" ".join(f"{n:>2}" for n in forecast), style="dim")
    return out


class StatsScreen(StatsView):
    HELP_TITLE = "Stats · 통계"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats-body"):
            yield Static("Mastery per lecture · 강의별 숙련도", classes="section-title")
            yield DataTable(id="stats-table", cursor_type="none", zebra_stripes=True)
            with Horizontal(id="stats-row"):
                with Vertical(id="heatmap-box"):
                    yield Static("Reviews per day · 일별 복습 (12 weeks)",
                                 classes="section-title")
                    yield Heatmap(id="heatmap")
                with Vertical(id="forecast-box"):
                    yield Static("True retention · 실제 기억률", classes="section-title")
                    yield Static(id="retention")
                    yield Static("Due in the next 14 days · 14일 예보", classes="section-title")
                    yield Sparkline([], id="forecast-spark")
                    yield Static(id="forecast")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*COLUMNS)

    def show_stats(self, s: Stats) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for row in [*s.per_lecture, s.totals]:
            total = row is s.totals
            table.add_row(
                Text("" if total else str(row.number), justify="right"),
                Text("Total · 합계" if total else row.title.show(self.lang),
                     style="bold" if total else ""),
                *(Text(str(n), justify="right") for n in
                  (row.cards, row.new, row.learning, row.due, row.reviews)),
                mastery_bar(row.mastery, width=5),
                key="total" if total else str(row.number),
            )
        self.query_one(Heatmap).show_days(s.reviews_per_day)
        reviewed = sum(s.reviews_per_day.values())
        self.query_one("#retention", Static).update(
            Text.assemble(
                (percent(s.true_retention), "bold"),
                "  recalled when due (Hard/Good/Easy)"
                if s.true_retention is not None else "  no reviews due yet",
                f"\n{reviewed} reviews in the last 12 weeks",
            )
        )
        self.query_one(Sparkline).data = [float(n) for n in s.forecast]
        self.query_one("#forecast", Static).update(forecast_text(s.forecast))
