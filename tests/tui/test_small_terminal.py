"""Every screen opens in a 40x12 terminal, in Korean (wide text), and each
key leads where it says: not only no crash, the screen asked for is shown."""

from __future__ import annotations

from rich.text import Text

from studytui.tui.screens.browse import BrowseScreen
from studytui.tui.screens.card_detail import CardDetailScreen
from studytui.tui.screens.demo import DemoScreen
from studytui.tui.screens.flashcards import FlashcardScreen
from studytui.tui.screens.help import HelpScreen
from studytui.tui.screens.home import HomeScreen
from studytui.tui.screens.quiz import QuizScreen
from studytui.tui.screens.quiz_leave import QuizLeaveScreen
from studytui.tui.screens.quiz_setup import QuizSetupScreen
from studytui.tui.screens.settings import SettingsScreen
from studytui.tui.screens.stats import StatsScreen
from tests.tui.demo_fakes import fake_demo


async def test_every_screen_opens_at_40x12(make_app, monkeypatch):
    fake_demo(monkeypatch, lambda name, params: {"x": 1}, lambda *a, **k: Text("어텐션 " * 30))
    app = make_app(lang="ko")
    async with app.run_test(size=(40, 12)) as pilot:
        for key, screen in (("b", BrowseScreen), ("s", StatsScreen), ("z", QuizSetupScreen),
                            ("comma", SettingsScreen), ("question_mark", HelpScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen), (key, app.screen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), (key, app.screen)
        await pilot.press("r")
        assert isinstance(app.screen, FlashcardScreen)
        card = app.screen.session.current
        await pilot.press("space", "3", "l", "space")
        assert app.screen.session.current is not card  # rated: the next card is up
        await pilot.press("escape")
        app.start_quiz([3], 5, seed=1)
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("1", "enter", "escape")  # mid-quiz: asks first
        assert isinstance(app.screen, QuizLeaveScreen)
        await pilot.press("y", "escape")  # the partial result, then Home
        app.open_card("adam")
        await pilot.pause()
        assert isinstance(app.screen, CardDetailScreen) and app.screen.card.id == "adam"
        await pilot.press("d")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DemoScreen)
        await pilot.press("escape", "escape")
        assert app.is_running
        assert isinstance(app.screen, HomeScreen)
