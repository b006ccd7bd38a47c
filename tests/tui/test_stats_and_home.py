"""Home and Stats show the store's numbers: counts, due, seen, young, mature,
recall tomorrow, heatmap, forecast."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from studytui.config import Config
from studytui.study.stats import compute_stats
from studytui.tui.screens.home import HomeScreen
from studytui.tui.screens.stats import StatsScreen
from studytui.tui.widgets.heatmap import Heatmap
from studytui.tui.widgets.lecture_table import LectureTable
from tests.tui.conftest import plain, study_history


def row_text(table: DataTable, key: str) -> list[str]:
    return [str(getattr(c, "plain", c)).strip() for c in table.get_row(key)]


async def test_stats_screen_numbers_match_the_store(make_app, deck, store, clock):
    study_history(deck, store, clock, today=(3, 1, 3))  # Good, Again, Good
    expected = compute_stats(deck, store, clock(), Config())
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        table = screen.query_one(DataTable)
        for lec in expected.per_lecture:
            cells = row_text(table, str(lec.number))
            assert cells[2:9] == [str(n) for n in (lec.cards, lec.seen, lec.learning,
                                                   lec.young, lec.mature, lec.due, lec.reviews)]
            recall = lec.recall_tomorrow
            assert cells[9].endswith("–" if recall is None else f"{round(recall * 100)}%")
        assert row_text(table, "3")[2:4] == ["3", "3"]  # three cards, all seen
        assert row_text(table, "total")[8] == "6"  # six reviews in all
        heat = screen.query_one(Heatmap).per_day
        today = max(heat)
        assert heat[today] == 3 and heat[today - timedelta(days=10)] == 3
        assert expected.true_retention is not None
        retention = plain(screen.query_one("#retention"))
        assert f"{round(expected.true_retention * 100)}%" in retention
        assert screen.query_one("#forecast-spark").data == [float(n) for n in expected.forecast]


async def test_home_lists_nine_lectures_with_counts_and_refreshes_after_review(
        make_app, deck, store, clock):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one(LectureTable)
        assert [row.number for row in table.rows] == list(range(2, 11))
        assert table.row_cells(3)[:5] == ["3", "Optimization", "3", "3", "0"]
        assert "due now 0" in plain(home.query_one("#today"))
        app.open_review([3], "new")
        await pilot.pause()
        await pilot.press("space", "1")  # Again: a new card now in learning, due in a minute
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_cells(3)[3] == "2"  # one fewer new card
        clock.advance(minutes=5)
        home.on_screen_resume()
        assert table.row_cells(3)[4] == "1"  # and it is due now
        assert "due now 1" in plain(home.query_one("#today"))
        await pilot.press("l")  # en -> both: the title in both languages
        assert table.row_cells(3)[1] == "최적화 / Optimization"
