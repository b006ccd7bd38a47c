"""The palette finds everything on the bundled course, through the real
palette (ctrl+p, typing, enter): a card, a lecture and a demo ranked first,
typos and either language forgiven, each command once, Textual's after ours."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Select

from studytui.config import Config
from studytui.content.loader import load_deck
from studytui.tui.palette_match import match_score
from studytui.tui.screens.browse import BrowseScreen
from studytui.tui.screens.card_detail import CardDetailScreen
from studytui.tui.screens.demo import DemoScreen
from studytui.tui.screens.settings import SettingsScreen

GENERIC = ("Focus Next", "Focus Previous", "Copy selected text", "Theme", "Keys", "Screenshot",
           "Maximize", "Minimize")
ADAM = {"both": "아담 (Adam) / Adam", "en": "Adam", "ko": "아담 (Adam)"}
LECTURE_3 = {"both": "3. 최적화 / Optimization", "en": "3. Optimization", "ko": "3. 최적화"}
ATTENTION = {"both": "어텐션 미니 예제 / Attention toy", "en": "Attention toy",
             "ko": "어텐션 미니 예제"}
RETENTION = {"both": "Desired retention", "en": "Desired retention", "ko": "목표 기억률"}


@pytest.fixture(scope="module")
def course():
    return load_deck(None)


@pytest.fixture
def make_course_app(course, store, clock, tmp_path):
    from studytui.tui.app import StudyApp

    def make(lang: str = "both") -> StudyApp:
        return StudyApp(course, store, Config(lang=lang), lang,
                        config_path=tmp_path / "config.toml", now=clock)

    return make


async def _palette_rows(pilot, query: str) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    if query:
        await pilot.press(*query)
    await pilot.pause(0.6)  # the palette gathers hits in a worker, in batches
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    found = pilot.app.screen.query_one(CommandList)
    return [str(found.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(found.option_count)]


@pytest.mark.parametrize("lang", ["both", "en", "ko"])
@pytest.mark.parametrize(
    "query, first, opens",
    [
        ("adam", ADAM, CardDetailScreen),
        ("adma", ADAM, CardDetailScreen),  # a typo
        ("최적화", LECTURE_3, BrowseScreen),
        ("최적하", LECTURE_3, BrowseScreen),  # one jamo wrong
        ("optimization", LECTURE_3, BrowseScreen),
        ("attention", ATTENTION, DemoScreen),
        ("어텐션", ATTENTION, DemoScreen),
        ("atention", ATTENTION, DemoScreen),
        ("retention", RETENTION, SettingsScreen),
    ],
)
async def test_palette_ranks_the_best_match_first_and_enter_opens_it(
        make_course_app, query, first, opens, lang):
    app = make_course_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        rows = await _palette_rows(pilot, query)
        assert rows and rows[0].endswith(first[lang]), rows[:5]
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, opens), app.screen
        if opens is BrowseScreen:  # the lecture opened: Browse shows only its cards
            assert app.screen.query_one("#lecture", Select).value == 3
        if opens is CardDetailScreen:
            assert app.screen.card.id == "adam"


async def test_palette_offers_each_command_once_with_textuals_last(make_course_app):
    app = make_course_app()
    async with app.run_test(size=(120, 40)) as pilot:
        rows = await _palette_rows(pilot, "")
    bare = [row.split(" (")[0] for row in rows]
    assert len(bare) == len(set(bare)), rows
    assert sum("Settings" in row for row in rows) == 1, rows
    generic = [i for i, row in enumerate(rows) if row.startswith(GENERIC)]
    ours = [i for i, row in enumerate(rows) if not row.startswith(GENERIC)]
    assert generic and max(ours) < min(generic), rows
    assert not any(row.startswith("palette") for row in rows)


async def test_a_study_match_outranks_textuals_commands(make_course_app):
    app = make_course_app()
    async with app.run_test(size=(120, 40)) as pilot:
        rows = await _palette_rows(pilot, "theme")  # Textual's Theme, and study words
    assert rows[-1] == "Theme" or rows.index("Theme") > max(
        i for i, row in enumerate(rows) if not row.startswith(GENERIC))


def test_match_score_orders_exact_prefix_inside_and_typo():
    exact = match_score("adam", ["Adam"])
    prefix = match_score("ada", ["Adagrad"])
    word = match_score("head", ["multi-head attention"])
    inside = match_score("multihead", ["Multi-Head Attention"])
    typo = match_score("adma", ["Adam"])
    assert exact > prefix > word > inside > typo > 0
    assert match_score("adma", ["multi-head masked attention"]) == 0  # no cross-word fragments
    assert match_score("xyz", ["Adam"]) == 0 and match_score("  ", ["Adam"]) == 0
