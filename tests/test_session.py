"""ReviewSession: the queue, new-card budget, rating, learn-ahead, undo, summary."""

from __future__ import annotations

import sqlite3
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from studytui.config import Config
from studytui.store.sqlite_store import Store, StoreError
from studytui.study.review_session import ReviewSession, interleave
from studytui.study.scheduler import StudyScheduler, format_interval
from tests.core_fixtures import T0, Clock, small_deck

UTC = timezone.utc


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "reviews.db")
    yield s
    s.close()


def make(store: Store, clock: Clock, deck=None, config: Config | None = None, **kw):
    config = config or Config()
    return ReviewSession(deck or small_deck(), store, StudyScheduler(config, fuzz=False), config,
                         now=clock, tz=UTC, **kw)


def review_everything(session: ReviewSession, rating: int = 4) -> list[str]:
    seen = []
    while session.current is not None:
        seen.append(session.current.id)
        session.rate(rating)
    return seen


def test_new_cards_come_in_deck_order_up_to_the_daily_limit(store: Store) -> None:
    s = make(store, Clock(), config=Config(new_per_day=4))
    assert s.progress == (0, 4)
    assert review_everything(s) == ["l1-c0", "l1-c1", "l1-c2", "l2-c0"]


def test_lecture_filter_limits_the_queue(store: Store) -> None:
    s = make(store, Clock(), lectures=[2])
    assert review_everything(s) == ["l2-c0", "l2-c1", "l2-c2"]


def test_new_cards_already_introduced_today_use_up_the_budget(store: Store) -> None:
    clock = Clock()
    config = Config(new_per_day=4)
    review_everything(make(store, clock, config=config, lectures=[1]))  # 3 new today
    clock.advance(hours=2)
    assert review_everything(make(store, clock, config=config, mode="new")) == ["l2-c0"]
    clock.now = T0.replace(hour=0) + timedelta(days=1, minutes=1)  # the next day
    s = make(store, clock, config=config, mode="new")
    assert s.progress == (0, 2)  # lecture 2's two remaining new cards


def test_due_mode_shows_only_due_cards_ordered_by_due(store: Store) -> None:
    clock = Clock()
    s = make(store, clock, lectures=[1])
    s.rate(4)  # l1-c0: Easy -> days
    s.rate(3)  # l1-c1: Good -> 10 minutes
    s.rate(4)  # l1-c2: Easy
    clock.advance(days=30)
    due = make(store, clock, mode="due")
    order = [c for c in review_everything(due)]
    assert sorted(order) == ["l1-c0", "l1-c1", "l1-c2"] and order[0] == "l1-c1"
    assert make(store, clock, mode="due").current is None


def test_rating_is_committed_before_the_next_card_is_shown(store: Store) -> None:
    s = make(store, Clock())
    first = s.current.id
    s.rate(3, duration_ms=1500)
    row = sqlite3.connect(store.path).execute(
        "SELECT card_id, rating, duration_ms FROM review_log").fetchall()
    assert row == [(first, 3, 1500)]


def test_duration_defaults_to_time_the_card_was_shown(store: Store) -> None:
    clock = Clock()
    s = make(store, clock)
    clock.advance(seconds=7)
    s.rate(3)
    assert store.review_rows()[0].duration_ms == 7000


def test_again_on_a_new_card_brings_it_back_in_the_same_session(store: Store) -> None:
    clock = Clock()
    s = make(store, clock, lectures=[1])
    s.rate(1)  # l1-c0 again: due in a minute
    assert s.progress == (1, 4)
    seen = review_everything(s)
    assert seen == ["l1-c1", "l1-c2", "l1-c0"]


def test_a_learning_card_that_is_due_comes_before_the_queue(store: Store) -> None:
    clock = Clock()
    s = make(store, clock, lectures=[1])
    s.rate(1)  # l1-c0 due in 1 minute
    clock.advance(minutes=2)
    s.rate(4)  # l1-c1
    assert s.current.id == "l1-c0"


def test_easy_does_not_bring_a_card_back(store: Store) -> None:
    s = make(store, Clock(), lectures=[1])
    assert review_everything(s, rating=4) == ["l1-c0", "l1-c1", "l1-c2"]
    assert s.progress == (3, 3)


def test_cards_due_within_twenty_minutes_at_start_are_in_the_session(store: Store) -> None:
    clock = Clock()
    s = make(store, clock, lectures=[1])
    s.rate(3)  # l1-c0 Good: due in 10 minutes
    later = make(store, clock, lectures=[1], mode="due")
    assert later.current.id == "l1-c0"


def test_intervals_are_the_preview_labels(store: Store) -> None:
    clock = Clock()
    s = make(store, clock)
    sched = StudyScheduler(fuzz=False)
    expected = {r: format_interval(td)
                for r, td in sched.preview(sched.new_card(s.current.id, T0), T0).items()}
    assert s.intervals() == expected
    assert s.intervals()[1] == "1m" and s.intervals()[3] == "10m"


def test_undo_restores_the_card_the_store_and_the_progress(store: Store) -> None:
    clock = Clock()
    s = make(store, clock, lectures=[1])
    assert not s.can_undo and s.undo() is None
    s.rate(4)
    s.rate(1)
    state_after_first = store.state_of("l1-c0")
    assert s.can_undo
    back = s.undo()
    assert back.id == "l1-c1" and s.current.id == "l1-c1"
    assert s.progress == (1, 3)
    assert store.state_of("l1-c1") is None  # new again
    assert store.state_of("l1-c0") == state_after_first
    assert [r.card_id for r in store.review_rows()] == ["l1-c0"]
    assert review_everything(s, 4) == ["l1-c1", "l1-c2"]  # no stale learning copy


def test_undo_then_rate_again_schedules_from_the_earlier_state(store: Store) -> None:
    clock = Clock()
    s = make(store, clock, lectures=[1])
    s.rate(1)
    s.undo()
    s.rate(4)
    assert store.state_of("l1-c0")["state"] == 2  # Easy on a new card goes to Review


def test_failed_commit_leaves_the_card_unrated(store: Store) -> None:
    s = make(store, Clock())
    first = s.current.id
    store.close()  # any store failure behaves the same way
    with pytest.raises(StoreError):
        s.rate(3)
    assert s.current.id == first and s.progress == (0, 6) and not s.can_undo


def test_summary_counts_again_time_and_next_due(store: Store) -> None:
    clock = Clock()
    s = make(store, clock, lectures=[1])
    clock.advance(seconds=10)
    s.rate(1)
    clock.advance(seconds=10)
    s.rate(4)
    clock.advance(seconds=10)
    s.rate(4)
    summary = s.summary()
    assert (summary.reviewed, summary.again) == (3, 1)
    assert summary.again_rate == pytest.approx(1 / 3)
    assert summary.seconds == 30
    assert summary.next_due == T0 + timedelta(seconds=10, minutes=1)


def test_finished_session_cannot_be_rated(store: Store) -> None:
    s = make(store, Clock(), config=Config(new_per_day=0))
    assert s.current is None and s.intervals() == {}
    with pytest.raises(RuntimeError, match="finished"):
        s.rate(3)


def test_unknown_mode_is_rejected(store: Store) -> None:
    with pytest.raises(ValueError, match="mode"):
        make(store, Clock(), mode="cram")


def test_interleave_spreads_new_cards_among_due_ones() -> None:
    assert interleave(["a", "b", "c", "d"], ["X", "Y"]) == ["a", "X", "b", "c", "Y", "d"]
    assert interleave([], ["X"]) == ["X"] and interleave(["a"], []) == ["a"]
    merged = interleave([f"d{i}" for i in range(10)], [f"n{i}" for i in range(3)])
    assert sorted(merged) == sorted([f"d{i}" for i in range(10)] + ["n0", "n1", "n2"])
