"""Settings save the config file; ? shows the keys; the palette finds and runs actions."""

from __future__ import annotations

from textual.command import CommandPalette

from studytui.config import Config, load_config
from studytui.tui.palette import StudyCommands
from studytui.tui.screens.browse import BrowseScreen
from studytui.tui.screens.flashcards import FlashcardScreen
from studytui.tui.screens.help import HelpScreen
from studytui.tui.screens.settings import SettingsScreen
from studytui.words import say
from tests.tui.conftest import plain


async def test_settings_edit_and_save_retention_and_new_cards(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#retention").value == "0.9"
        assert app.screen.query_one("#new-per-day").value == "20"
        app.screen.query_one("#retention").value = "0.85"
        app.screen.query_one("#new-per-day").value = "5"
        await pilot.press("ctrl+s")
        saved = load_config(tmp_path / "config.toml")
        assert (saved.desired_retention, saved.new_per_day) == (0.85, 5)
        assert app.config == saved
        assert app.scheduler.config.desired_retention == 0.85


async def test_tab_goes_from_field_to_field_never_to_the_scrolling_box(make_app):
    """The box scrolls the focused field into view; it is no Tab stop of its own
    (Settings and Custom study alike)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key, box in (("comma", "#settings-box"), ("c", "#custom-box")):
            await pilot.press(key)
            await pilot.pause()
            chain = app.screen.focus_chain
            assert chain and app.screen.query_one(box) not in chain
            for _ in chain:  # once round: every stop is a field or a button
                await pilot.press("tab")
                assert app.focused is not app.screen.query_one(box)
            await pilot.press("escape")
            await pilot.pause()


async def test_settings_refuse_an_out_of_range_value(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        app.screen.query_one("#retention").value = "1.5"
        await pilot.press("ctrl+s")
        assert "Not saved" in plain(app.screen.query_one("#settings-status"))
        assert not (tmp_path / "config.toml").exists()
        assert app.config.desired_retention == 0.9


async def test_question_mark_lists_the_keys_of_the_screen(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "space", "question_mark")  # the ratings are keys of the back
        assert isinstance(app.screen, HelpScreen)
        keys = plain(app.screen.query_one("#help-keys"))
        for text in ("Take back the last rating", "Show the definition", "Forgot it"):
            assert text in keys
        await pilot.press("escape")
        assert isinstance(app.screen, FlashcardScreen)


async def test_the_palette_offers_the_screen_actions_and_runs_them(make_app, store):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "space")
        provider = StudyCommands(app.screen)
        names = [name for name, _, _ in provider.commands()]
        for expected in ("Flip (space / ⏎)", "Good (3)", say("finder.nav.stats", "en"),
                         say("finder.nav.quiz", "en")):
            assert expected in names, (expected, names)
        assert "Undo (u)" not in names  # nothing to undo yet
        assert not any(n.startswith("Scroll") for n in names)  # widget keys left out
        run = {name: cmd for name, _, cmd in provider.commands()}
        await run["Good (3)"]()
        assert [r.rating for r in store.review_rows()] == [3]
        run = {name: cmd for name, _, cmd in provider.commands()}
        await run["Undo (u)"]()
        assert store.review_rows() == []


async def test_palette_search_finds_browse_and_opens_it(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        provider = StudyCommands(app.screen)
        hits = [hit.text async for hit in provider.search("browse")]
        assert say("finder.nav.browse", "both") in hits
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await pilot.press(*"browse cards")
        await pilot.pause(0.3)  # the palette searches its providers in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)


async def test_settings_show_and_keep_the_language_on_screen(make_app, tmp_path):
    # Started with --lang en over a config that says both: the form shows
    # English, and saving the number of new cards keeps the screen English
    # (it switched to the config's both) and saves what the form showed.
    app = make_app(lang="en", config=Config(lang="both"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        assert app.screen.query_one("#lang").value == "en"
        app.screen.query_one("#new-per-day").value = "7"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.lang == "en"
        assert load_config(tmp_path / "config.toml").lang == "en"
        app.screen.query_one("#lang").value = "ko"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert load_config(tmp_path / "config.toml").lang == "ko"
        assert app.lang == "ko"
