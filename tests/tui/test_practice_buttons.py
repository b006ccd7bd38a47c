"""Practice never changes a schedule, so its rating buttons show no interval,
and a line under the card says the answers are practice."""

from __future__ import annotations

import pytest

from studytui.study.custom_study import StudyPlan
from studytui.tui.screens.flashcards import FlashcardScreen
from studytui.tui.widgets.rating_bar import RatingBar
from studytui.words import say
from tests.tui.conftest import plain

WORDS = {"ko": ("다시", "어려움", "알맞음", "쉬움"), "en": ("Again", "Hard", "Good", "Easy")}


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
async def test_practice_buttons_show_the_rating_words_alone_and_say_why(make_app, lang):
    app = make_app(lang=lang, start="review", plan=StudyPlan(cram=True, practice=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FlashcardScreen)
        await pilot.press("space")
        await pilot.pause()
        bar = app.screen.query_one(RatingBar)
        for rating in (1, 2, 3, 4):
            label = bar.label_of(rating)
            assert "(" not in label  # no interval
            for one in ("ko", "en") if lang == "both" else (lang,):
                assert WORDS[one][rating - 1] in label
        line = app.screen.query_one("#practice-line")
        assert line.display and line.region.height > 0  # on screen, with the buttons
        assert " ".join(plain(line).split()) == " ".join(
            say("custom.is_practice", lang).split())


async def test_a_review_session_keeps_the_intervals_and_no_practice_line(make_app):
    app = make_app(lang="en", start="review", plan=StudyPlan(cram=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert "(" in app.screen.query_one(RatingBar).label_of(3)
        assert not app.screen.query_one("#practice-line").display
