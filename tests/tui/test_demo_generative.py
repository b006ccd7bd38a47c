"""The demos of lectures 6, 9 and 10 in the TUI, computed for real: training
animates through the frame protocol (frames drawn before the finished one)
and the app keeps answering keys while it trains."""

from __future__ import annotations

import pytest

from studytui.tui.screens.demo import DemoFrame, DemoScreen
from studytui.tui.text import next_lang
from tests.tui.conftest import plain

CASES = [("gan", {"steps": 400}, "modes the generated points cover"),
         ("vae", {"steps": 400}, "ELBO = −(recon + KL)"),
         ("autoregressive", {"epochs": 150, "samples": 2}, "NADE"),
         ("detection", {}, "keep box")]


@pytest.mark.parametrize(("name", "params", "words"), CASES, ids=[c[0] for c in CASES])
async def test_a_demo_trains_frame_by_frame_and_ends_on_its_result(make_app, name, params,
                                                                   words):
    frames = []

    def hook(message) -> None:
        if isinstance(message, DemoFrame):
            frames.append(message.frame)

    app = make_app(lang="en")
    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        app.open_demo(name, params)
        await pilot.pause()
        await pilot.press("l")  # a key while it computes: the language changes
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DemoScreen) and screen.frame.finished
        assert frames[-1].finished and sum(f.finished for f in frames) == 1
        if name != "detection":  # one frame: NMS of a dozen boxes takes microseconds
            assert len(frames) >= 2
        assert app.lang == next_lang("en")
        shown = plain(screen.query_one("#demo-output"))
        assert words in shown and any("가" <= ch <= "힣" for ch in shown)
