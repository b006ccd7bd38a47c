"""SIGKILL soak: 200 ratings against the real `studytui` process, killed at
random points 20 times. After every kill, each rating that was acknowledged
on screen is in the store, and the store passes PRAGMA integrity_check.

A kill may land while a key is still in flight; that rating was never
acknowledged, so it may or may not be stored, but nothing before it may be
missing and nothing may be stored twice."""

from __future__ import annotations

import random
import sqlite3

import pytest
from tmux_driver import Pane

pytestmark = pytest.mark.slow  # a real terminal (tmux) drives the real command

KILLS = 20
RATINGS = 200


def _stored(db) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [r for (r,) in conn.execute("SELECT rating FROM review_log ORDER BY id")]
    finally:
        conn.close()


def test_twenty_kills_over_two_hundred_ratings_lose_nothing(tmp_path):
    config = tmp_path / "config" / "studytui" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("new_per_day = 1000\n", encoding="utf-8")  # enough cards for 200
    rng = random.Random(20261124)
    db = tmp_path / "reviews.db"
    acknowledged: list[int] = []  # ratings confirmed by the on-screen count of rated cards
    per_round = [RATINGS // KILLS] * KILLS
    for round_no in range(KILLS):
        pane = Pane(tmp_path, db, "review")
        try:
            pane.wait_for("평가 0장")
            done = 0
            for _ in range(per_round[round_no]):
                rating = rng.choice([1, 2, 3, 3, 3, 4])
                pane.press("Space")
                pane.wait_for("3 알맞음")
                pane.press(str(rating))
                done += 1
                pane.wait_for(f"평가 {done}장")
                acknowledged.append(rating)
            in_flight = rng.random() < 0.5
            if in_flight:  # kill with a rating key just sent, not yet acknowledged
                pane.press("Space", str(rng.choice([1, 3])))
            pane.kill_app()
        finally:
            pane.close()
        stored = _stored(db)
        assert stored[: len(acknowledged)] == acknowledged, f"round {round_no}"
        assert len(stored) <= len(acknowledged) + (1 if in_flight else 0)
        acknowledged = stored  # an in-flight rating that did land counts from now on
    assert len(acknowledged) >= RATINGS
