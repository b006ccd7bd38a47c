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


async def test_a_long_list_shows_the_best_rows_and_counts_every_match(store, tmp_path):
    from textual.widgets import DataTable

    from studytui.config import Config
    from studytui.content.deck import Deck
    from studytui.content.lecture_schema import validate_lecture
    from studytui.tui.app import StudyApp
    from studytui.tui.screens.browse import ROW_LIMIT

    n = ROW_LIMIT + 100
    deck = Deck.of([validate_lecture({
        "id": "many", "number": 2, "title": {"ko": "많다", "en": "Many"},
        "summary": {"ko": "요약", "en": "Summary"},
        "cards": [{"id": f"c{i}", "term": {"ko": f"용어 {i}", "en": f"Term {i}"},
                   "definition": {"ko": "정의", "en": "A definition"}} for i in range(n)]})])
    app = StudyApp(deck, store, Config(), "both", config_path=tmp_path / "config.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(app, pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == ROW_LIMIT and len(screen.shown_ids) == n
        assert f"{n} of {n} cards" in plain(screen.query_one("#browse-count"))
        await pilot.press("slash", *f"term {n - 1}")
        await pilot.pause()
        assert screen.shown_ids == [f"c{n - 1}"] and table.row_count == 1
        assert f"1 of {n} cards" in plain(screen.query_one("#browse-count"))
