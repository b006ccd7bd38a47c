"""Browse: search in either language (spacing-insensitive), filters, open a card."""

from __future__ import annotations

from studytui.tui.screens.browse import BrowseScreen
from studytui.tui.screens.card_detail import CardDetailScreen
from tests.tui.conftest import plain


async def open_browse(app, pilot) -> BrowseScreen:
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(app.screen, BrowseScreen)
    return app.screen


async def test_search_finds_cards_by_english_or_korean_text(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(app, pilot)
        assert len(screen.shown_ids) == 12
        await pilot.press("slash", *"rmsprop")
        assert screen.shown_ids == ["adam"]  # found in the definition
        screen.query_one("#search").value = ""
        await pilot.pause()
        screen.query_one("#search").insert_text_at_cursor("모멘 텀")  # spacing differs
        await pilot.pause()
        assert "momentum" in screen.shown_ids
        assert "드롭아웃" not in plain(screen.query_one("#preview"))


async def test_filters_by_lecture_and_by_tag(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(app, pilot)
        screen.query_one("#lecture").value = 3
        await pilot.pause()
        assert screen.shown_ids == ["momentum", "adam", "adagrad"]
        screen.query_one("#lecture").clear()
        screen.query_one("#tag").value = "optimizer"
        await pilot.pause()
        assert set(screen.shown_ids) == {"momentum", "adam", "adagrad"}
        screen.query_one("#lecture").value = 2
        await pilot.pause()
        assert screen.shown_ids == []


async def test_enter_opens_the_highlighted_card(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(app, pilot)
        await pilot.press("slash", *"dropout", "enter")  # Enter in the search box: to the list
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardDetailScreen)
        assert app.screen.card.id == "dropout"
        assert "학습 중 뉴런을 무작위로 끄는 규제" in plain(app.screen.query_one("#card"))
        await pilot.press("escape")
        assert app.screen is screen


async def test_d_on_a_card_without_demo_stays_on_browse(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(app, pilot)
        await pilot.press("d")  # the first row, perceptron, has no demo
        await pilot.pause()
        assert app.screen is screen


async def test_search_ranks_the_term_first_and_forgives_a_typo(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(app, pilot)
        await pilot.press("slash", *"momentom")
        await pilot.pause()
        assert screen.shown_ids[0] == "momentum"
        assert screen.highlighted().id == "momentum"  # the preview shows the best match
        assert "Momentum" in plain(screen.query_one("#preview"))
