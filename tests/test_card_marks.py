"""Suspend, bury and flag: events in the store, undoable, and kept out of every queue."""

from __future__ import annotations

from datetime import timedelta, timezone
from pathlib import Path

import pytest

from studytui.config import Config
from studytui.store.card_marks import NO_MARKS
from studytui.store.replay import rebuild
from studytui.store.sqlite_store import Store
from studytui.study.availability import available, bury_until
from studytui.study.quiz_session import QuizSession
from studytui.study.review_session import ReviewSession
from studytui.study.scheduler import StudyScheduler
from tests.core_fixtures import T0, Clock, card, lecture, question, small_deck

UTC = timezone.utc


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "reviews.db", backup=False)
    yield s
    s.close()


def session(store: Store, clock: Clock, deck=None, **kw) -> ReviewSession:
    config = Config()
    return ReviewSession(deck or small_deck(), store, StudyScheduler(config, fuzz=False), config,
                         now=clock, tz=UTC, **kw)


def everything(s: ReviewSession) -> list[str]:
    seen = []
    while s.current is not None:
        seen.append(s.current.id)
        s.rate(4)
    return seen


def test_each_mark_is_an_event_and_the_latest_standing_one_decides(store: Store) -> None:
    store.mark_card("a", "suspend", T0)
    store.mark_card("a", "flag", T0)
    flag_off = store.mark_card("a", "flag", T0, on=False)
    store.mark_card("b", "bury", T0, until=T0 + timedelta(hours=12))
    assert store.event_counts() == {"suspend": 1, "flag": 2, "bury": 1}
    marks = store.card_marks()
    assert marks["a"].suspended and not marks["a"].flagged
    assert marks["b"].buried_until == T0 + timedelta(hours=12) and not marks["b"].suspended
    store.undo_mark(flag_off, T0)
    assert store.marks_of("a").flagged  # the flag that was taken off is on again
    assert store.marks_of("nothing") == NO_MARKS


def test_undoing_a_mark_twice_or_a_review_as_a_mark_is_refused(store: Store) -> None:
    event = store.mark_card("a", "suspend", T0)
    store.undo_mark(event, T0)
    with pytest.raises(ValueError, match="already undone"):
        store.undo_mark(event, T0)
    review = store.record_review("a", 3, T0, 100, StudyScheduler().new_card("a", T0).to_dict())
    with pytest.raises(ValueError, match="no mark"):
        store.undo_mark(review, T0)
    with pytest.raises(ValueError, match="mark must be"):
        store.mark_card("a", "delete", T0)


def test_marks_survive_a_rebuild_of_the_derived_tables(store: Store) -> None:
    store.mark_card("a", "suspend", T0)
    with store._write() as conn:
        rebuild(conn)
    assert store.marks_of("a").suspended


def test_a_suspended_card_is_in_no_review_queue_until_unsuspended(store: Store) -> None:
    clock = Clock()
    store.mark_card("l1-c1", "suspend", clock())
    assert "l1-c1" not in everything(session(store, clock))
    clock.advance(days=40)  # everything else is due now: still not that one
    assert "l1-c1" not in everything(session(store, clock, mode="due"))
    store.mark_card("l1-c1", "suspend", clock(), on=False)
    assert "l1-c1" in everything(session(store, clock, mode="new"))


def test_a_buried_card_comes_back_at_the_start_of_the_next_local_day(store: Store) -> None:
    clock = Clock()  # 12:00 UTC
    s = session(store, clock, lectures=[1])
    assert s.current.id == "l1-c0"
    s.mark("bury")
    assert s.current.id == "l1-c1"
    assert store.marks_of("l1-c0").buried_until == bury_until(clock(), UTC)
    assert everything(s) == ["l1-c1", "l1-c2"]
    clock.advance(hours=11, minutes=59)  # 23:59 the same day
    assert session(store, clock, lectures=[1]).current is None
    clock.advance(minutes=1)  # midnight
    assert session(store, clock, lectures=[1]).current.id == "l1-c0"


def test_a_flagged_card_stays_in_the_session_and_undo_unflags_it(store: Store) -> None:
    s = session(store, Clock(), lectures=[1])
    s.mark("flag")
    assert s.current.id == "l1-c0" and s.flagged
    assert s.undo_kind == "flag"
    s.undo()
    assert not s.flagged and not s.can_undo
    s.mark("flag")
    s.mark("flag")  # a second press takes the flag off
    assert not s.flagged


def test_undoing_a_suspend_brings_the_card_back_on_screen_and_into_queues(store: Store) -> None:
    clock = Clock()
    s = session(store, clock, lectures=[1])
    before = s.counts
    s.mark("suspend")
    assert s.current.id == "l1-c1" and s.counts.new == before.new - 1
    assert s.undo_kind == "suspend"
    assert s.undo().id == "l1-c0"
    assert s.current.id == "l1-c0" and s.counts == before
    assert not store.marks_of("l1-c0").suspended
    assert store.review_rows() == []  # the undo of a mark touched no review


def test_undo_takes_back_a_rating_and_a_mark_in_the_order_they_came(store: Store) -> None:
    s = session(store, Clock(), lectures=[1])
    s.rate(3)  # l1-c0: comes back later in the session
    s.mark("suspend")  # l1-c1
    assert s.undo_kind == "suspend"
    s.undo()
    assert s.undo_kind == "rating"
    s.undo()
    assert s.current.id == "l1-c0" and store.review_rows() == []


def test_quiz_leaves_out_questions_of_suspended_and_buried_cards(store: Store) -> None:
    deck_cards = [card("a"), card("b"), card("c")]
    qs = [question(f"q-{c.id}", c.id, "short", "x") for c in deck_cards]
    from studytui.content.deck import Deck

    deck = Deck.of([lecture(1, deck_cards, qs)])
    store.mark_card("a", "suspend", T0)
    store.mark_card("b", "bury", T0, until=T0 + timedelta(hours=1))
    quiz = QuizSession(deck, store, StudyScheduler(), count=None, seed=1, now=lambda: T0)
    assert [q.card for q in quiz.questions] == ["c"]


def test_availability_keeps_the_order_of_what_it_is_given(store: Store) -> None:
    store.mark_card("b", "suspend", T0)
    cards = [card(i) for i in "dcba"]
    assert [c.id for c in available(store, cards, T0)] == ["d", "c", "a"]
