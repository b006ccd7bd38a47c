"""The demo screen in a real terminal (tmux, 100x30), as issue 20 asks: the
race opens from `demo NAME --tui` and PageDown scrolls its leaderboard at
once; the form round-trips (open, type, Esc, run); the gallery opens each
demo; Esc from a demo opened on the command line lands on Home."""

from __future__ import annotations

import time

import pytest

from demos.registry import DEMOS

pytestmark = pytest.mark.slow  # a real terminal (tmux) drives the real command


def test_the_race_scrolls_its_leaderboard_with_page_down_at_once(pane):
    p = pane("--lang en demo optimizer-race --tui --steps 60 --function beale")
    p.wait_for("step 60/60", timeout=90)
    p.wait_for("space play", timeout=90)  # finished: the live line offers play
    assert "Leaderboard" not in p.screen()  # below the picture, out of view
    p.press("PageDown")
    p.wait_for("Leaderboard", timeout=5)
    p.press("Escape")
    p.wait_for("Lecture", timeout=10)  # Home


def test_the_form_round_trips_open_type_esc_run(pane):
    p = pane("--lang en demo attention --tui")
    p.wait_for("page 1/9", timeout=90)
    p.press("p")
    p.wait_for("sentence: tokens")
    time.sleep(0.5)  # under load the form's first paint can come before its focus
    p.press("C-u")  # clear the first field (the sentence), then type into it
    p.press("a", "b", "Space", "c")
    p.press("Escape")
    p.wait_for("Params")
    p.press("r")
    p.wait_for("tokens: ab | c", timeout=60)  # the toy's tokens line, run with what was typed
    p.press("Escape")
    p.wait_for("Lecture", timeout=10)


def test_the_gallery_opens_each_demo(pane):
    p = pane("--lang en")
    p.wait_for("Lecture")
    p.press("g")
    p.wait_for("Demo gallery")
    # The gallery lists demos by lecture, in registry order within one.
    for i, name in enumerate(sorted(DEMOS, key=lambda n: DEMOS[n].lecture)):
        p.press("Home")
        for _ in range(i):
            p.press("Down")
        p.press("Enter")
        screen = p.wait_for("r Run", timeout=90)  # the demo screen's key bar
        assert screen.splitlines()[1].startswith(DEMOS[name].title_en)  # its title line
        p.press("Escape")
        p.wait_for("Demo gallery", timeout=10)
