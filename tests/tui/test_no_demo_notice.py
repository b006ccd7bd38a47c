"""`d` on a card without a demo says so, and names the key of the demo
gallery (it did nothing on the review screen and on a card's page)."""

from __future__ import annotations

import pytest
from textual.notifications import Notify

from studytui.config import Config
from studytui.tui.screens.card_detail import CardDetailScreen
from studytui.tui.screens.flashcards import FlashcardScreen
from tests.tui.conftest import plain

SAYS = {"ko": ("이 카드에는 데모가 없습니다", "홈에서 g"),
        "en": ("This card has no demo", "g on Home")}


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_d_on_a_review_card_without_a_demo_says_so(make_app, lang):
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, FlashcardScreen)
        assert app.screen.session.current.demo is None  # lecture 2's first card
        await pilot.press("d")
        await pilot.pause()
        notice = plain(app.screen.query_one("#notice"))
        for words in SAYS[lang]:
            assert words in notice, notice


async def test_the_notice_names_the_gallery_key_as_remapped(make_app):
    app = make_app(lang="en", config=Config(lang="en", keys={"home.demos": "m"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "d")
        await pilot.pause()
        assert "m on Home" in plain(app.screen.query_one("#notice"))


async def test_d_on_a_cards_page_without_a_demo_says_so(make_app):
    notes: list[str] = []
    app = make_app(lang="ko")
    async with app.run_test(size=(80, 24), message_hook=lambda m: notes.append(
            m.notification.message) if isinstance(m, Notify) else None) as pilot:
        await pilot.press("b", "enter")  # Browse's first card, perceptron, has no demo
        await pilot.pause()
        assert isinstance(app.screen, CardDetailScreen) and app.screen.card.demo is None
        await pilot.press("d")
        await pilot.pause()
        assert any("이 카드에는 데모가 없습니다" in n for n in notes), notes
