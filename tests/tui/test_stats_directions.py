"""Stats and Home count every direction studied, and show how the counts divide."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable

from studytui.study.scheduler import StudyScheduler
from studytui.tui.screens.stats import StatsScreen
from tests.tui.conftest import plain, screen_lines


def row_text(table: DataTable, key: str) -> list[str]:
    return [str(getattr(c, "plain", c)).strip() for c in table.get_row(key)]


def _both_ways(deck, store, clock) -> str:
    """The first card of lecture 1 studied forward and reverse."""
    card_id = deck.lectures[0].cards[0].id
    sched = StudyScheduler(fuzz=False)
    for direction in ("forward", "reverse"):
        at = clock() - timedelta(days=2)
        card = sched.new_card(card_id, at)
        for rating in (3, 3):
            card = sched.review(card, rating, at)
            store.record_review(card_id, rating, at, 4000, card.to_dict(), direction=direction)
            at += timedelta(minutes=10)
    return card_id


async def test_stats_rows_by_direction_add_up_to_the_total(make_app, deck, store, clock):
    _both_ways(deck, store, clock)
    cards = len(deck.cards)
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        table = app.screen.query_one(DataTable)
        total = row_text(table, "total")
        forward, reverse = row_text(table, "dir-forward"), row_text(table, "dir-reverse")
        # Reverse is not turned on: its one studied card counts (it keeps its
        # schedule and comes back when due), its unseen cards are not new.
        assert total[1:4] == ["Total", str(cards + 1), "2"]
        assert forward[1:4] == ["· term → definition", str(cards), "1"]
        assert reverse[1:4] == ["· definition → term", "1", "1"]
        assert "Each direction counts as a card" in plain(app.screen.query_one(
            "#directions-note"))


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
async def test_stats_by_direction_is_on_screen_at_80x24(make_app, deck, store, clock, lang):
    _both_ways(deck, store, clock)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        text = "\n".join("".join(line) for line in screen_lines(app))
        name = {"ko": "정의 → 용어", "en": "definition → term", "both": "정의 → 용어"}[lang]
        assert name in text, text  # the reverse row, on the first screen


async def test_home_says_directions_are_counted_apart(make_app, deck, store, clock):
    _both_ways(deck, store, clock)
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "2 directions counted apart" in plain(app.screen.query_one("#today"))
        assert "seen 2" in plain(app.screen.query_one("#today"))


async def test_help_on_stats_says_how_directions_are_counted(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s", "question_mark")
        await pilot.pause()
        assert "each direction of a card counts as a card of its own" in " ".join(
            plain(app.screen.query_one("#help-figures")).split())


async def test_a_direction_turned_on_counts_every_card(make_app, deck, store, clock):
    from studytui.config import Config

    _both_ways(deck, store, clock)
    cards = len(deck.cards)
    app = make_app(lang="en", config=Config(lang="en", directions=("reverse",)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert row_text(table, "total")[1:4] == ["Total", str(2 * cards), "2"]
        assert row_text(table, "dir-reverse")[1:4] == ["· definition → term", str(cards), "1"]
