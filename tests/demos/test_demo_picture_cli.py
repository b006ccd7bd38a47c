"""`studytui demo NAME --width W --height H`: the picture takes exactly the size
it is given (default: the terminal's)."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from demos.cli import main


def lines_of(capsys, *args: str) -> list[str]:
    assert main(["optimizer-race", "--lang", "en", *args]) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("width", [60, 80, 123, 220, 300])
def test_the_race_is_exactly_as_wide_as_asked(capsys, width):
    lines = lines_of(capsys, "--width", str(width), "--height", "30")
    assert max(cell_len(line) for line in lines) == width  # the map fills it, no more


def test_the_picture_fills_the_height_asked_and_the_leaderboard_follows(capsys):
    lines = lines_of(capsys, "--width", "100", "--height", "40")
    assert lines[39].startswith("step 1000/1000")  # rosenbrock runs 1000 steps
    assert "Leaderboard" in lines[41]


def test_without_options_the_picture_takes_the_terminal_size(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "132")
    monkeypatch.setenv("LINES", "33")
    lines = lines_of(capsys)
    assert max(cell_len(line) for line in lines) == 132
    assert lines[32].startswith("step 1000/1000")


@pytest.mark.parametrize(("flag", "value"), [("--height", "9"), ("--height", "x"),
                                             ("--height", "201")])
def test_a_bad_height_is_refused_naming_the_range(capsys, flag, value):
    assert main(["optimizer-race", flag, value]) == 2
    err = capsys.readouterr().err
    assert "height" in err and "10 to 200" in err and len(err.splitlines()) == 1
