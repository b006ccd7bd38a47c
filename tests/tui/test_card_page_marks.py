"""A card's page (Browse -> Enter) says what `!`, `-` and `*` did, as the
review screen does, with `u` to take it back, and its record's state line
changes at once (the marks changed silently before)."""

from __future__ import annotations

import pytest

from studytui.tui.screens.card_detail import CardDetailScreen
from studytui.tui.widgets.notice_line import NoticeLine
from tests.tui.conftest import plain, screen_lines

CASES = [  # key, the notice, what the record's state line then says
    ("exclamation_mark", "카드를 일시 중지했습니다", "일시 중지됨"),
    ("minus", "카드를 내일로 미뤘습니다", "미뤄 둠"),
    ("asterisk", "깃발을 달았습니다", "깃발"),
]


def shown(app) -> str:
    return "\n".join("".join(line) for line in screen_lines(app))


@pytest.mark.parametrize(("key", "notice", "state"), CASES, ids=["suspend", "bury", "flag"])
async def test_a_mark_on_the_cards_page_is_said_and_undone(make_app, store, key, notice,
                                                           state):
    app = make_app(lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "enter")
        await pilot.pause()
        page = app.screen
        assert isinstance(page, CardDetailScreen)
        record = page.query_one("#record")
        assert state not in plain(record)
        await pilot.press(key)
        await pilot.pause()
        assert notice in shown(app) and "u: 되돌리기" in shown(app)  # on screen, not below
        assert state in plain(record)
        await pilot.press("u")
        await pilot.pause()
        assert "되돌렸습니다" in plain(page.query_one(NoticeLine))
        assert state not in plain(record)
        marks = store.marks_of(page.card.id)
        assert not (marks.suspended or marks.flagged or marks.buried_until)


async def test_pressing_a_mark_again_takes_it_off_and_says_so(make_app, store):
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "enter", "exclamation_mark", "exclamation_mark")
        await pilot.pause()
        assert "Card unsuspended" in plain(app.screen.query_one(NoticeLine))
        assert not store.marks_of(app.screen.card.id).suspended
