"""Custom study in the TUI: the daily-limit dialog and its ways on, the custom
study form (from Home and the palette), practice said before the start,
directions (typed answers graded as the quiz grades), Settings, Help."""

from __future__ import annotations

from textual.widgets import Input, Static

from studytui.config import Config, load_config
from studytui.study.custom_study import StudyPlan
from studytui.study.directions import KO_EN
from studytui.tui.screens.custom_study import CustomStudyScreen
from studytui.tui.screens.flashcards import FlashcardScreen
from studytui.tui.screens.help import HelpScreen, key_rows
from studytui.tui.screens.new_limit import NewLimitDialog
from studytui.tui.widgets.card_view import CardView
from tests.tui.conftest import plain

NO_NEW = Config(lang="en", new_per_day=0)


async def test_the_cli_cram_plan_studies_a_lecture_with_no_new_cards_a_day(make_app):
    app = make_app("review", lang="en", config=NO_NEW, plan=StudyPlan((3,), cram=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FlashcardScreen)
        assert app.screen.session.progress == (0, 3)  # lecture 3's three cards


async def test_the_daily_limit_says_so_and_more_today_opens_that_many(make_app, store):
    app = make_app(lang="en", config=Config(lang="en", new_per_day=0))
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_review([3])
        await pilot.pause()
        assert isinstance(app.screen, NewLimitDialog)
        text = " ".join(plain(s) for s in app.screen.query(Static))
        assert "limit of 0 new cards is reached" in text and "3 new cards wait" in text
        assert "+3 more today" in text
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, FlashcardScreen)
        assert app.screen.session.progress == (0, 3)


async def test_the_daily_limit_dialog_offers_cram_and_custom_study(make_app):
    app = make_app(lang="en", config=NO_NEW)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_review([3])
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, CustomStudyScreen)
        assert app.screen.plan().lectures == (3,)


async def test_home_shows_the_new_cards_left_today(make_app):
    app = make_app(lang="en", config=Config(lang="en", new_per_day=7))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "new left today 7/7" in plain(app.screen.query_one("#today", Static))


async def test_home_c_opens_custom_study_and_cram_starts_on_the_lecture(make_app):
    app = make_app(lang="en", config=NO_NEW)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CustomStudyScreen)
        await pilot.press("c")
        plan = app.screen.plan()
        assert plan.cram and plan.lectures == (2,)  # the lecture highlighted on Home
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, FlashcardScreen)
        assert app.screen.session.plan.cram


async def test_the_form_says_practice_or_review_before_the_start(make_app, store):
    app = make_app(lang="en", config=NO_NEW)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_custom_study([3])
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause(0.4)
        status = plain(app.screen.query_one("#custom-status", Static))
        assert "answers are reviews" in status and "studies 3 cards" in status
        await pilot.press("p")
        await pilot.pause(0.4)
        status = plain(app.screen.query_one("#custom-status", Static))
        assert "logged as practice" in status
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("space", "3")
        assert store.known_cards() == set()  # practice: nothing scheduled
        assert len(store.practice_rows()) == 1


async def test_a_bad_number_in_the_form_is_named_and_nothing_starts(make_app):
    app = make_app(lang="en", config=NO_NEW)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_custom_study([3])
        await pilot.pause()
        app.screen.query_one("#extra-new", Input).value = "0"
        await pilot.pause(0.4)
        assert "More new today: give a whole number from 1 to 9999" in plain(
            app.screen.query_one("#custom-status", Static))
        await pilot.press("s")
        assert isinstance(app.screen, CustomStudyScreen)


async def test_the_palette_finds_custom_study(make_app):
    from studytui.tui.palette_entries import way_entries

    app = make_app(lang="en", config=NO_NEW)
    async with app.run_test(size=(100, 30)) as pilot:
        entry = next(e for e in way_entries(app, "en", lambda: None)
                     if e.label == "Custom study")
        entry.run()
        await pilot.pause()
        assert isinstance(app.screen, CustomStudyScreen)


async def test_a_cross_card_asks_the_english_term_and_forgives_a_typo(make_app, store):
    plan = StudyPlan((2,), directions=(KO_EN,), cram=True)
    app = make_app("review", lang="en", config=NO_NEW, plan=plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.session.direction == KO_EN
        front = plain(screen.query_one(CardView))
        assert "퍼셉트론" in front and "Perceptron" not in front
        await pilot.press(*"Perceptrn", "enter")
        assert screen.flipped
        assert "check the spelling: Perceptron" in plain(screen.query_one("#answer-verdict"))
        await pilot.press("3")
        assert [(r.card_id, r.direction) for r in store.review_rows()] == [
            ("perceptron", KO_EN)]


async def test_a_wrong_typed_answer_says_the_right_one(make_app):
    plan = StudyPlan((3,), directions=(KO_EN,), cram=True)
    app = make_app("review", lang="en", config=NO_NEW, plan=plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"Adagrad", "enter")  # the card is Momentum
        assert "the answer is Momentum" in plain(app.screen.query_one("#answer-verdict"))


async def test_settings_turn_a_direction_on_and_it_joins_the_reviews(make_app, tmp_path):
    from studytui.tui.screens.settings import SettingsScreen
    from studytui.tui.widgets.check_list import CheckList

    app = make_app(lang="en", config=Config(lang="en", new_per_day=2))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#directions", CheckList).toggle("reverse")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert load_config(tmp_path / "config.toml").directions == ("reverse",)
        assert app.config.directions == ("reverse",)
        await pilot.press("escape", "r")
        await pilot.pause()
        session = app.screen.session
        assert session.plan.directions == ("forward", "reverse")


async def test_help_on_the_form_names_every_option(make_app):
    app = make_app(lang="en", config=NO_NEW)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_custom_study(None)
        await pilot.pause()
        text = " ".join(" ".join(row) for row in key_rows(app.screen, "en"))
        for option in ("--cram", "--ahead D", "--weak", "--new N", "--tag T", "--practice",
                       "--reverse", "--cross", "--lecture"):
            assert option in text, option
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_cram_from_the_limit_dialog_of_an_ahead_session_studies_every_card(make_app):
    app = make_app(lang="en", config=NO_NEW)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_review(plan=StudyPlan((3,), ahead_days=3))
        await pilot.pause()
        assert isinstance(app.screen, NewLimitDialog)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FlashcardScreen)
        assert app.screen.session.progress == (0, 3)


async def test_the_limit_dialog_speaks_korean_in_korean(make_app):
    app = make_app(lang="ko", config=Config(lang="ko", new_per_day=0))
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_review([3])
        await pilot.pause()
        ways = plain(app.screen.query_one("#limit-ways", Static))
        assert "오늘 3장 더" in ways and "벼락치기" in ways and "맞춤 학습" in ways
        assert "닫기" in ways and "Close" not in ways


async def test_esc_on_a_typed_card_gives_the_keys_back_and_a_second_leaves(make_app, store):
    # Typing owns every letter: u, !, -, *, e, d and ? would go into the line.
    # Esc hands them back to the card; Tab types again; Esc again leaves.

    plan = StudyPlan((2,), directions=(KO_EN,), cram=True)
    app = make_app("review", lang="en", config=NO_NEW, plan=plan)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        line = screen.query_one("#answer-input", Input)
        assert app.focused is line
        card = screen.session.current.id
        await pilot.press("escape")
        assert isinstance(app.screen, FlashcardScreen) and app.focused is not line
        await pilot.press("asterisk")  # flag, not a letter typed
        await pilot.pause()
        assert line.value == ""
        assert store.marks_of(card).flagged  # a mark is the card's, every direction
        await pilot.press("tab")
        assert app.focused is line
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, FlashcardScreen)
