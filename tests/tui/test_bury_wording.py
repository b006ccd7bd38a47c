"""Bury in Korean: 묻기 read as "ask" (묻다); the key, its notice, Help, the
Browse state and a card's record say the card is put off to tomorrow."""

from __future__ import annotations

from studytui.words import catalogue
from tests.tui.conftest import plain


async def test_bury_on_the_review_screen_says_put_off_to_tomorrow(make_app):
    app = make_app(lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "minus")
        await pilot.pause()
        assert "카드를 내일로 미뤘습니다" in plain(app.screen.query_one("#notice"))
        await pilot.press("question_mark")
        await pilot.pause()
        keys = plain(app.screen.query_one("#help-keys"))
        assert "내일로 미루기" in keys and "묻기" not in keys


def test_no_word_for_bury_says_mut_in_korean():
    for key, (ko, _en) in catalogue().items():
        if "bury" in key or "buried" in key:
            assert "묻" not in ko and "덮어" not in ko, key
