"""The real command at the smallest and largest terminals the issue names,
and a resize while a demo is running: the app keeps running and drawing."""

from __future__ import annotations

import subprocess
import time

import pytest
from tmux_driver import Pane

pytestmark = pytest.mark.slow  # a real terminal (tmux) drives the real command


def _alive(pane: Pane) -> bool:
    try:
        pane.app_pid()
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize("size", [(40, 12), (250, 70)])
def test_home_and_a_card_at_extreme_sizes(tmp_path, size):
    pane = Pane(tmp_path, tmp_path / "r.db", size=size)
    try:
        pane.wait_for("새 카드")  # Home's way to learn new cards, shown at every size
        pane.press("n")
        pane.wait_for("평가 0장")
        pane.press("Space")
        time.sleep(0.5)
        assert _alive(pane), pane.screen()
        assert "Traceback" not in pane.screen()
    finally:
        pane.close()


def test_resizing_during_a_demo_keeps_the_app_running(tmp_path):
    # Lecture 3's first card, gradient descent, opens the optimizer race.
    pane = Pane(tmp_path, tmp_path / "r.db", "review --lecture 3")
    try:
        pane.wait_for("Gradient Descent")
        pane.press("d")
        # Down to the smallest and back up; the last size shows the whole result.
        for cols, rows in [(60, 20), (40, 12), (100, 30), (41, 13), (250, 70)]:
            subprocess.run([*pane.tmux, "resize-window", "-t", pane.name, "-x", str(cols),
                            "-y", str(rows)], check=True)
            time.sleep(0.4)
            assert _alive(pane), pane.screen()
        # The race was drawn in full after all that: the picture fills the pane down
        # to its caption (the leaderboard follows below the fold). The card's race
        # is the ill-conditioned valley, 300 steps.
        pane.wait_for("step 300/300", timeout=30)
        assert "Traceback" not in pane.screen()
    finally:
        pane.close()
