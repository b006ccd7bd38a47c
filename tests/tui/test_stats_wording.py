"""The Stats words a Korean learner misread: true retention with no review of
a card in the review state beside a count of reviews made (it said "no
reviews yet" in Korean, "no reviews due yet" in English), and young as 초기."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from studytui.cli.stats_table import stats_table
from studytui.config import Config
from studytui.study.review_session import ReviewSession
from studytui.study.scheduler import StudyScheduler
from studytui.study.stats import compute_stats
from tests.tui.conftest import plain

SAYS = {"ko": ("복습 단계", "실제 기억률은 그 복습만 셉니다"),
        "en": ("review state", "true retention counts only those")}


def learn_new_cards(deck, store, clock) -> None:
    """Two new cards rated: reviews made, none of a card in the review state."""
    s = ReviewSession(deck, store, StudyScheduler(Config()), Config(), [2], "new", now=clock)
    s.rate(3)
    s.rate(3)


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_true_retention_says_what_it_counts_beside_reviews_made(
        make_app, deck, store, clock, lang):
    learn_new_cards(deck, store, clock)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        text = plain(app.screen.query_one("#retention"))
        for words in SAYS[lang]:
            assert words in text, text
        assert "아직 복습 기록이 없습니다" not in text and "no reviews due" not in text


async def test_young_is_not_called_choki_on_stats_help_and_the_cli(make_app, deck, store, clock):
    learn_new_cards(deck, store, clock)
    app = make_app(lang="ko")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        headers = [str(c.label) for c in app.screen.query_one(DataTable).columns.values()]
        assert "다지는 중" in headers and "초기" not in headers
        await pilot.press("question_mark")
        await pilot.pause()
        figures = plain(app.screen.query_one("#help-figures"))
        assert "다지는 중: 복습 단계" in figures and "초기:" not in figures
    import io

    from rich.console import Console

    out = Console(width=120, file=io.StringIO(), record=True, color_system=None)
    out.print(stats_table(compute_stats(deck, store, clock(), Config()), "ko", width=120))
    table = out.export_text()
    assert "다지는 중" in table and "초기" not in table
    assert "실제 기억률은 그 복습만 셉니다" in table
