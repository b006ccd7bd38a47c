"""Browse's list has a state column: new, learning, review, relearning, or
suspended / buried, with ⚑ for a flag; in the learner's language, at 80 columns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable

from studytui.study.scheduler import StudyScheduler
from tests.tui.conftest import screen_lines
from tests.tui.test_browse import open_browse


def _cells(table: DataTable, key: str) -> list[str]:
    return [str(getattr(c, "plain", c)).strip() for c in table.get_row(key)]


def _studied(deck, store, clock) -> list[str]:
    """Card 0 learning, 1 review and flagged, 2 relearning, 3 suspended, 4 buried, 5 new."""
    ids = [c.id for c in deck.cards.values()][:6]
    sched = StudyScheduler(fuzz=False)
    for card_id, ratings in zip(ids[:5], [(1,), (4,), (4, 1), (3,), (3,)], strict=True):
        at = clock() - timedelta(days=3)
        card = sched.new_card(card_id, at)
        for rating in ratings:
            card = sched.review(card, rating, at)
            store.record_review(card_id, rating, at, 3000, card.to_dict())
            at += timedelta(days=2)
    store.mark_card(ids[1], "flag", clock())
    store.mark_card(ids[3], "suspend", clock())
    store.mark_card(ids[4], "bury", clock(), until=clock() + timedelta(hours=10))
    return ids


@pytest.mark.parametrize("lang, words", [
    ("en", ["learning", "⚑ review", "relearning", "suspended", "buried", "new"]),
    ("ko", ["학습 중", "⚑ 복습", "재학습", "중지됨", "내일로 미룸", "새 카드"]),
])
async def test_the_list_says_each_cards_state_and_marks(make_app, deck, store, clock, lang,
                                                        words):
    ids = _studied(deck, store, clock)
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(app, pilot)
        table = screen.query_one(DataTable)
        assert [_cells(table, i)[1] for i in ids] == words
        # The column is on screen at 80 columns, and so is the term beside it.
        top = "\n".join("".join(line) for line in screen_lines(app)[:8])
        assert ("State" if lang == "en" else "상태") in top, top
        assert deck.cards[ids[0]].term.show(lang) in top, top


async def test_a_suspend_on_the_cards_page_shows_in_the_list_on_return(make_app, deck,
                                                                      clock):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_browse(app, pilot)
        table = screen.query_one(DataTable)
        first = screen.shown_ids[0]
        assert _cells(table, first)[1] == "new"
        await pilot.press("enter", "exclamation_mark", "escape")
        await pilot.pause()
        assert app.screen is screen
        assert _cells(table, first)[1] == "suspended"
