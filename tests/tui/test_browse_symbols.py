"""Browse: a search of symbols alone (`🙂`, `((`, `*`) finds no card and says
so; it listed every card (`카드 234/234장`) as if each matched."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.conftest import plain
from tests.tui.test_browse import open_browse


@pytest.mark.parametrize("query", ["🙂", "((", "*"], ids=["emoji", "parens", "star"])
async def test_a_search_of_symbols_finds_no_card_and_says_so(make_app, deck, query):
    app = make_app(lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(app, pilot)
        screen.query_one("#search", Input).value = query
        await pilot.pause(0.4)  # the list refills after a short pause in typing
        assert screen.shown_ids == []
        count = plain(screen.query_one("#browse-count"))
        assert f"카드 0/{len(deck.cards)}장" in count and "찾는 카드가 없습니다" in count
        screen.query_one("#search", Input).value = ""  # an empty search lists them all again
        await pilot.pause(0.4)
        assert len(screen.shown_ids) == len(deck.cards)
