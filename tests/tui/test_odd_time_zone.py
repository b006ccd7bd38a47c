"""A TZ the C library takes but Python's datetime cannot (an offset of 24
hours or more) used to crash the TUI at start: days now follow UTC."""

from __future__ import annotations

import time

import pytest

from studytui.tui.screens.home import HomeScreen
from studytui.tui.screens.stats import StatsScreen


@pytest.mark.parametrize("tz", ["UTC+25", "XXX-24:30"])
async def test_home_and_stats_open_under_a_time_zone_of_24_hours_or_more(make_app, monkeypatch,
                                                                        tz):
    monkeypatch.setenv("TZ", tz)
    time.tzset()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("escape", "r", "space", "3")
