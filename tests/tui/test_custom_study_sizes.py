"""Custom study's screens on the bundled course at small, common and large
terminals: no Korean word cut in half (the rule tests/tui/test_terminal_sizes.py
holds for the other screens, with its helpers)."""

from __future__ import annotations

import pytest

from studytui.config import Config
from studytui.content.loader import load_deck
from studytui.study.custom_study import StudyPlan
from studytui.study.directions import KO_EN
from tests.tui.test_terminal_sizes import cut_words
from tests.tui.test_terminal_sizes import words as words  # noqa: F401  (a fixture)

# At 40x12 the card's rating buttons (with their intervals: a review, not
# practice) run on under the docked key bar: Textual's
# compositor used to cut the key bar's "뒤집기" at a button's edge and lose its
# first glyph (studytui/tui/wide_glyphs.py keeps it whole).
SIZES = [(40, 12), (80, 24), (100, 30)]


@pytest.fixture(scope="module")
def course():
    return load_deck()


@pytest.fixture
def deck(course):
    return course


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_no_korean_word_is_cut_on_custom_study_screens(make_app, words, size):  # noqa: F811
    app = make_app(lang="both", config=Config(new_per_day=0))
    found: list[str] = []
    async with app.run_test(size=size) as pilot:
        async def look(where: str) -> None:
            await pilot.pause(0.4)
            found.extend(cut_words(app, words, f"{size} {where}"))

        for lang in ("both", "ko", "en"):
            app.lang = lang
            app.open_review([9])
            await look(f"limit dialog {lang}")
            await pilot.press("s")
            await look(f"custom study {lang}")
            await pilot.press("escape")
        app.lang = "both"
        # Practice (buttons without intervals, and the practice line), then reviews.
        for practice in (True, False):
            app.open_review(plan=StudyPlan((3,), directions=(KO_EN,), cram=True,
                                           practice=practice))
            await look(f"cross card front, practice {practice}")
            await pilot.press(*"gradient descnet", "enter")
            await look(f"cross card back, practice {practice}")
            await pilot.press("escape")
    assert not found, "\n".join(found[:20])
