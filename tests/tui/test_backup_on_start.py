"""The app makes today's rolling backup itself, in a thread after start-up, and
says so in a notification when it cannot."""

from __future__ import annotations

import sqlite3

from textual.notifications import Notify

from studytui.store.backups import list_backups
from tests.tui.conftest import study_history


def notices(messages: list) -> list[str]:
    """The notifications among the messages the app saw (run_test's message_hook)."""
    return [m.notification.message for m in messages if isinstance(m, Notify)]


async def test_the_app_backs_up_a_store_with_reviews_once_started(make_app, deck, store, clock):
    study_history(deck, store, clock, today=(3,))
    assert list_backups(store.path) == []  # the fixture's store was opened without one
    app = make_app()
    seen: list = []
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        backups = list_backups(store.path)
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as copy:
            assert copy.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 4
        assert app.is_running and notices(seen) == []


async def test_a_failed_backup_is_a_warning_and_studying_goes_on(make_app, deck, store, clock):
    study_history(deck, store, clock, today=(3,))
    (store.path.parent / "backups").write_text("a file where the folder should be")
    app = make_app()
    seen: list = []
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = notices(seen)
        assert any("backup was not made" in m for m in messages), messages
        await pilot.press("r")
        await pilot.press("space", "3")
        assert len(store.review_rows()) == 5  # the rating after the warning was kept
