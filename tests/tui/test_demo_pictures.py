"""Snapshots of the three real demos in the TUI, after their finished frame, at
80x24 and 160x48: the picture fills the pane. Review the SVGs before
`pytest --snapshot-update`."""

from __future__ import annotations

import pytest

from studytui.tui.screens.demo import DemoScreen

DEMOS = [("optimizer-race", {}), ("attention", {}), ("cnn-params", {})]
SIZES = [(80, 24), (160, 48)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("name", "params"), DEMOS, ids=[d[0] for d in DEMOS])
def test_a_real_demo_fills_its_pane(snap_compare, make_app, name, params, size):
    async def finished(pilot):
        pilot.app.open_demo(name, params)
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, DemoScreen) and screen.result is not None
        assert screen.frame is not None and screen.frame.finished

    assert snap_compare(make_app(lang="both"), terminal_size=size, run_before=finished)
