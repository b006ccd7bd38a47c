"""Pictures of each main screen at 100x30 (pytest-textual-snapshot).

Fixed deck, fixed clock, local time UTC and a fake demo renderer, so the
pictures change only when the screens do. Review the SVGs before
`pytest --snapshot-update`.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rich.text import Text

from studytui.config import Config
from tests.tui.conftest import study_history
from tests.tui.demo_fakes import fake_demo as install_fake_demo

SIZE = (100, 30)


@pytest.fixture(autouse=True)
def fixed_fuzz():
    # fsrs fuzzes long intervals with the global `random`: seed it so "next due" is stable.
    random.seed(1234)


@pytest.fixture
def studied(deck, store, clock):
    """Some history: lecture 3 learned ten days ago and reviewed today."""
    study_history(deck, store, clock, today=(3,))
    return store


@pytest.fixture
def fake_demo(monkeypatch):
    install_fake_demo(monkeypatch, lambda name, params: {"params": params},
                      lambda name, result, **options: Text(
                          f"{name}: {sorted(result['params'])}\n어텐션 가중치 · attention weights",
                          style="bold"))


def test_home(snap_compare, make_app, studied):
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_home_in_korean(snap_compare, make_app):
    assert snap_compare(make_app(lang="ko"), terminal_size=SIZE)


def test_flashcard_front(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["r"])


def test_card_detail_with_formula_notes_and_demo(snap_compare, make_app):
    async def setup(pilot):
        pilot.app.open_card("adam")
        await pilot.pause()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=setup)


def test_flashcard_flipped_in_review(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["r", "space"])


def test_session_summary(snap_compare, make_app):
    async def setup(pilot):
        pilot.app.open_review([4])
        await pilot.pause()
        await pilot.press("space", "4")
        await pilot.pause()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=setup)


def test_quiz_feedback_after_a_typo(snap_compare, make_app):
    async def setup(pilot):
        pilot.app.start_quiz([3], 5, seed=7)
        await pilot.pause()
        while pilot.app.screen.quiz.current.id != "q-momentum-short":
            await pilot.press("n", "1", "t", "enter")  # answer anything, move on
            await pilot.pause()
        await pilot.press(*"Momentom", "enter")
        await pilot.pause()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=setup)


def test_quiz_choice_question(snap_compare, make_app):
    async def setup(pilot):
        pilot.app.start_quiz([3], 5, seed=3)
        await pilot.pause()
        while pilot.app.screen.quiz.current.type != "choice":
            q = pilot.app.screen.quiz.current
            if q.type in ("short", "cloze"):
                await pilot.press("x", "enter", "enter")
            else:
                await pilot.press("1", "t", "enter", "enter")
            await pilot.pause()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=setup)


def test_quiz_result(snap_compare, make_app):
    async def setup(pilot):
        pilot.app.start_quiz([3], 2, seed=7)
        await pilot.pause()
        for _ in range(2):
            q = pilot.app.screen.quiz.current
            if q.type in ("short", "cloze"):
                await pilot.press("x", "enter")
            else:  # a choice is answered by its number, a multi submitted by Enter
                await pilot.press("2", "f", *(["enter"] if q.type == "multi" else []))
            await pilot.press("enter")  # the next question, then the result
            await pilot.pause()
        assert type(pilot.app.screen).__name__ == "QuizResultScreen"
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=setup)


def test_browse_search(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE,
                        press=["b", "slash", *"optim", "enter"])


def test_stats(snap_compare, make_app, studied):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["s"])


def test_demo(snap_compare, make_app, fake_demo):
    async def setup(pilot):
        pilot.app.open_demo("attention", {})
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=setup)


def test_help(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["r", "space", "question_mark"])


def test_settings(snap_compare, deck, store, clock):
    from studytui.tui.app import StudyApp

    app = StudyApp(deck, store, Config(), "both", now=clock,
                   config_path=Path("/home/student/.config/studytui/config.toml"))
    assert snap_compare(app, terminal_size=SIZE, press=["comma"])
