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
