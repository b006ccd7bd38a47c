"""The tmux tests' fixture: studytui started in a real terminal pane."""

from __future__ import annotations

import pytest
from tmux_driver import Pane


@pytest.fixture
def pane(tmp_path):
    panes: list[Pane] = []

    def start(args: str = "") -> Pane:
        p = Pane(tmp_path, tmp_path / "reviews.db", args)
        panes.append(p)
        return p

    yield start
    for p in panes:
        p.close()
