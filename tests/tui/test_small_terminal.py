"""Every screen survives a 40x12 terminal and Korean (wide) text."""

from __future__ import annotations

from rich.text import Text

from studytui.tui.screens.flashcards import FlashcardScreen
from tests.tui.demo_fakes import fake_demo


async def test_every_screen_opens_at_40x12_without_crashing(make_app, monkeypatch):
    fake_demo(monkeypatch, lambda name, params: {"x": 1}, lambda *a, **k: Text("어텐션 " * 30))
    app = make_app(lang="ko")
    async with app.run_test(size=(40, 12)) as pilot:
        for key in ("b", "s", "z", "comma", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("r", "space", "3", "l", "space")
        assert isinstance(app.screen, FlashcardScreen)
        await pilot.press("escape")
        app.start_quiz([3], 5, seed=1)
        await pilot.pause()
        await pilot.press("1", "enter", "escape")
        app.open_card("adam")
        await pilot.press("d")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape", "escape")
        assert app.is_running
        assert app.screen.__class__.__name__ == "HomeScreen"
