"""The real `studytui` command in a real terminal (tmux): Korean on screen,
a card flipped and rated, and every rating acknowledged on screen still in
the store after the process is killed with SIGKILL."""

from __future__ import annotations

import re
import sqlite3

import pytest

pytestmark = pytest.mark.slow  # a real terminal (tmux) drives the real command


def _reviews(db) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT card_id, rating FROM review_log ORDER BY id").fetchall()
    finally:
        conn.close()


def _done(screen: str) -> int:
    """The session's count of rated cards ('평가 N장'), as shown on screen."""
    match = re.search(r"평가 (\d+)장", screen)
    assert match, screen
    return int(match.group(1))


def test_home_shows_korean_and_a_rating_reaches_the_store(pane, tmp_path):
    p = pane()
    home = p.wait_for("최적화")
    assert "Optimization" in home and "트랜스포머" in home
    p.press("n")
    p.wait_for("평가 0장")
    p.press("Space")
    p.wait_for("3 알맞음")
    p.press("3")
    p.wait_for("평가 1장")
    assert len(_reviews(tmp_path / "reviews.db")) == 1


def test_sigkill_mid_session_loses_no_acknowledged_rating(pane, tmp_path):
    p = pane("review")
    p.wait_for("평가 0장")
    for expected in range(1, 6):
        p.press("Space")
        p.wait_for("3 알맞음")
        p.press("3" if expected % 2 else "1")
        p.wait_for(f"평가 {expected}장")
    acknowledged = _done(p.screen())
    p.kill_app()
    reviews = _reviews(tmp_path / "reviews.db")
    assert len(reviews) == acknowledged == 5
    assert [r for _, r in reviews] == [3, 1, 3, 1, 3]


def test_two_instances_on_one_store_review_at_once_and_lose_nothing(pane, tmp_path):
    # Both review the same lecture, so they rate the same cards in turn.
    left, right = pane("review --lecture 3"), pane("review --lecture 3")
    for p in (left, right):
        p.wait_for("평가 0장")
    for done in range(1, 11):
        for p, rating in ((left, "3"), (right, "2")):
            p.press("Space")
            p.wait_for("3 알맞음")
            p.press(rating)
            p.wait_for(f"평가 {done}장")
    for p in (left, right):
        p.app_pid()  # both still running
        assert "Traceback" not in p.screen() and _done(p.screen()) == 10
    reviews = _reviews(tmp_path / "reviews.db")
    assert sorted(r for _, r in reviews) == [2] * 10 + [3] * 10
