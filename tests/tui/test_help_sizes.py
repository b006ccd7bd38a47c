"""`?` lists every key of the screen at every terminal size, the long list
scrolling inside its box (at 80x24 Home's Help once showed `q 종료` alone)."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from studytui.tui.screens.help import HelpScreen, key_rows
from tests.tui.conftest import screen_lines


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (100, 24), (80, 45)],
                         ids=["80x24", "60x20", "100x24", "80x45"])
async def test_help_on_home_lists_every_key_at_every_size(make_app, size):
    app = make_app(lang="ko")
    async with app.run_test(size=size) as pilot:
        home = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help-box", VerticalScroll)
        seen: list[str] = []
        # Scroll the box a line at a time and read what the terminal shows.
        for y in range(int(box.max_scroll_y) + 1):
            box.scroll_to(y=y, animate=False)
            await pilot.pause()
            seen += ["".join(line) for line in screen_lines(app)]
        shown = "\n".join(seen)
        for _keys, name, does in key_rows(home, "ko"):
            for word in (name, *does.split()):
                assert word in shown, (word, size)
