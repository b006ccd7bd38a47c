"""The Stats heatmap at 80x24: every weekday row's first cell in the same
column, whatever weekday the twelve weeks begin on (the Sunday row began a
column left of the others when the window began on a Sunday)."""

from __future__ import annotations

import pytest

from studytui.tui.widgets.heatmap import CELL, Heatmap
from tests.tui.conftest import screen_lines


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("days", range(7), ids=[f"+{d}d" for d in range(7)])
async def test_every_weekday_row_starts_in_the_same_column(make_app, clock, days, lang):
    clock.advance(days=days)  # each weekday in turn as the window's first day
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        heatmap = app.screen.query_one(Heatmap)
        heatmap.scroll_visible(animate=False)
        await pilot.pause()
        region = heatmap.region
        lines = screen_lines(app)[region.y + 1: region.y + 8]  # under the months: 7 weekdays
        rows = [line[region.x: region.right] for line in lines]  # cells, not characters
        assert len(rows) == 7 and all(CELL[0] in row for row in rows), rows
        firsts = {row.index(CELL[0]) for row in rows}
        rows = ["".join(row) for row in rows]
        assert len(firsts) == 1, "\n".join(rows)
