"""Fixtures for the TUI tests: the small deck, a fresh store, a fixed clock, local time UTC."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from studytui.config import Config
from studytui.content.model import Record
from studytui.store.sqlite_store import Store
from studytui.study.review_session import ReviewSession
from studytui.study.scheduler import StudyScheduler
from tests.core_fixtures import Clock
from tests.tui.deck_data import test_deck


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch):
    # Study days are local calendar days: pin the zone so numbers and pictures agree.
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def deck():
    return test_deck()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "reviews.db", backup=False)
    yield s
    s.close()


@pytest.fixture
def make_app(deck, store, clock, tmp_path: Path) -> Callable[..., object]:
    from studytui.tui.app import StudyApp

    def make(start: str = "home", lang: str = "both", config: Config | None = None,
             **kwargs: object) -> StudyApp:
        return StudyApp(deck, store, config or Config(lang=lang), lang, start=start,
                        config_path=tmp_path / "config.toml", now=clock, **kwargs)

    return make


def plain(widget) -> str:
    """What a Static shows, as plain text (its content rendered by Rich, 100 wide)."""
    import io

    from rich.console import Console

    console = Console(width=100, file=io.StringIO(), record=True, color_system=None)
    console.print(widget.content)
    return console.export_text()


# Rich's SVG export: one <text> a run of equally styled cells, at x = column x
# cell width (its font is 20 units high, a cell 0.61 of that wide), on a line
# named by its clip path.
SVG_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="[^"]*" textLength="[^"]*" '
                      r'clip-path="url\(#[^"]*-line-(\d+)\)">(.*?)</text>')
SVG_CELL_WIDTH = 20 * 0.61


def screen_lines(app) -> list[list[str]]:
    """What the terminal shows, a list of cells a line (a wide character fills
    its first cell, its second is ""), read from the public SVG screenshot."""
    import html

    from rich.cells import cell_len

    width, height = app.size
    grid = [[" "] * width for _ in range(height)]
    for x, line, text in SVG_TEXT.findall(app.export_screenshot()):
        row, col = grid[int(line)], round(float(x) / SVG_CELL_WIDTH)
        for ch in html.unescape(text).replace("\xa0", " "):
            if col >= width:
                break
            row[col] = ch
            if cell_len(ch) == 2 and col + 1 < width:
                row[col + 1] = ""
            col += max(cell_len(ch), 1)
    return grid


# A word as it is spaced: letters, digits and Hangul together ("RMSprop을"),
# punctuation and box lines around it left off.
WORD = re.compile(r"\w+")
HANGUL = re.compile(r"[가-힣]")


def korean_words(text: str) -> set[str]:
    """The words of `text` that hold Hangul."""
    return {w for w in WORD.findall(text) if HANGUL.search(w)}


def strings(value: object) -> Iterator[str]:
    """Every string inside a deck's records, lists and dicts."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Record):
        yield from strings(list(value.values()))
    elif isinstance(value, dict):
        yield from strings(list(value.values()))
    elif isinstance(value, list | tuple):
        for part in value:
            yield from strings(part)


def study_history(deck, store, clock: Clock, today: tuple[int, ...]) -> None:
    """Ten days ago: lecture 3's three cards learned, all Easy; today: its due
    reviews rated `today`, in order."""
    clock.advance(days=-10)
    s = ReviewSession(deck, store, StudyScheduler(Config()), Config(), [3], "new", now=clock)
    for rating in (4, 4, 4):
        s.rate(rating)
    clock.advance(days=10)
    s = ReviewSession(deck, store, StudyScheduler(Config()), Config(), [3], "due", now=clock)
    for rating in today:
        s.rate(rating)
