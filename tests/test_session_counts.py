"""The three counts (new, learning, due) of a review session, against a hand count."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

import pytest

from studytui.config import Config
from studytui.store.sqlite_store import Store
from studytui.study.review_session import LEARN_AHEAD, ReviewSession
from studytui.study.scheduler import StudyScheduler
from tests.core_fixtures import Clock, small_deck

UTC = timezone.utc


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "reviews.db", backup=False)
    yield s
    s.close()


def session(store: Store, clock: Clock, **kw) -> ReviewSession:
    config = Config(new_per_day=kw.pop("new_per_day", 20))
    return ReviewSession(small_deck(), store, StudyScheduler(config, fuzz=False), config,
                         now=clock, tz=UTC, **kw)


def shown(s: ReviewSession) -> tuple[int, int, int, str | None]:
    c = s.counts
    return c.new, c.learning, c.due, c.current


def test_new_cards_count_down_and_again_moves_a_card_into_learning(store: Store) -> None:
    s = session(store, Clock(), lectures=[1])
    assert shown(s) == (3, 0, 0, "new")  # the card on screen counts, in "new"
    s.rate(1)  # Again: back within minutes
    assert shown(s) == (2, 1, 0, "new")
    s.rate(4)  # Easy on a new card: days away, out of the session
    assert shown(s) == (1, 1, 0, "new")
    s.rate(4)
    # Only the card rated Again is left: it is on screen, in "learning".
    assert shown(s) == (0, 1, 0, "learning")
    assert s.current.id == "l1-c0"
    s.rate(4)
    assert shown(s) == (0, 0, 0, None) and s.current is None


def test_due_review_cards_count_as_due_and_again_moves_one_to_learning(store: Store) -> None:
    clock = Clock()
    first = session(store, clock, lectures=[1])
    while first.current is not None:
        first.rate(4)  # three Review cards, days away
    clock.advance(days=60)  # all three due
    s = session(store, clock, mode="due")
    assert shown(s) == (0, 0, 3, "due")
    s.rate(3)
    assert shown(s) == (0, 0, 2, "due")
    s.rate(1)  # Again on a review card: it relearns within the session
    assert shown(s) == (0, 1, 1, "due")
    s.rate(2)
    assert shown(s) == (0, 1, 0, "learning")


def test_the_counts_match_a_hand_count_after_every_rating_of_a_mixed_session(
        store: Store) -> None:
    """A hand count: a card is in learning after its rating exactly when the
    interval that rating gave (shown on its button) brings it back within the
    session; the sum of the counts never rises; the session ends at zero."""
    clock = Clock()
    warm = session(store, clock, lectures=[1])
    while warm.current is not None:
        warm.rate(4)
    clock.advance(days=60)
    s = session(store, clock)  # 3 due (lecture 1), 3 new (lecture 2)
    new, learning, due = 3, 0, 3
    assert shown(s)[:3] == (new, learning, due)
    ratings = [1, 3, 1, 2, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]
    for rating in ratings:
        if s.current is None:
            break
        kind = shown(s)[3]
        back = s.interval_deltas()[rating] <= LEARN_AHEAD
        total = sum(shown(s)[:3])
        s.rate(rating)
        clock.advance(seconds=30)
        new -= kind == "new"
        learning -= kind == "learning"
        due -= kind == "due"
        learning += back
        assert shown(s)[:3] == (new, learning, due), (rating, kind)
        assert sum(shown(s)[:3]) <= total
    assert s.current is None and shown(s) == (0, 0, 0, None)


def test_undo_puts_the_counts_back(store: Store) -> None:
    s = session(store, Clock(), lectures=[1])
    before = shown(s)
    s.rate(1)
    s.undo()
    assert shown(s) == before
