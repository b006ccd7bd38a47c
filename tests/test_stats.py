"""compute_stats against a store filled by hand, each number worked out in the comments."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from studytui.config import Config
from studytui.store.sqlite_store import Store
from studytui.study.stats import HEATMAP_DAYS, compute_stats
from tests.core_fixtures import T0, small_deck

UTC = timezone.utc
DAY = timedelta(days=1)
LEARNING, REVIEW, RELEARNING = 1, 2, 3


def state(st: int, due: datetime, stability: float, last: datetime) -> dict:
    return {"card_id": 1, "state": st, "step": None if st == REVIEW else 0,
            "stability": stability, "difficulty": 5.0, "due": due.isoformat(),
            "last_review": last.isoformat()}


@pytest.fixture
def filled(tmp_path: Path) -> Store:
    """Lecture 1: c0 Review (R=1), c1 Learning overdue (R=1), c2 new.
    Lecture 2: c0 Relearning after a lapse (R=1), c1 Review at t=S (R=0.9), c2 new."""
    s = Store.open(tmp_path / "reviews.db")
    def add(cid, rating, at, st):
        return s.record_review(cid, rating, at, 1000, st)
    add("l1-c0", 3, T0 - 10 * DAY, state(REVIEW, T0 - DAY, 10, T0 - 10 * DAY))
    add("l2-c1", 3, T0 - 10 * DAY, state(REVIEW, T0 + 20 * DAY, 10, T0 - 10 * DAY))
    add("l2-c0", 4, T0 - 5 * DAY, state(REVIEW, T0 - DAY, 5, T0 - 5 * DAY))
    undone = add("l2-c1", 1, T0 - DAY, state(RELEARNING, T0 - DAY, 1, T0 - DAY))
    s.undo_review(undone, T0 - DAY)
    add("l1-c1", 1, T0 - timedelta(hours=2),
        state(LEARNING, T0 - timedelta(hours=1), 1, T0 - timedelta(hours=2)))
    add("l2-c0", 1, T0 - timedelta(hours=1),  # a lapse: Review -> Again
        state(RELEARNING, T0 + DAY + timedelta(hours=1), 2, T0 - timedelta(hours=1)))
    add("l1-c0", 3, T0, state(REVIEW, T0 + 5 * DAY, 10, T0))  # a pass of a Review card
    yield s
    s.close()


def stats(store: Store, **kw):
    return compute_stats(small_deck(), store, T0, tz=UTC, **kw)


def test_per_lecture_counts(filled: Store) -> None:
    one, two = stats(filled).per_lecture
    counts = ("number", "cards", "new", "due", "learning", "reviews")
    assert tuple(getattr(one, c) for c in counts) == (1, 3, 1, 1, 1, 3)
    # l2-c1's lapse was undone: it counts neither as a review nor as relearning.
    assert tuple(getattr(two, c) for c in counts) == (2, 3, 1, 0, 1, 3)
    assert one.title.en == "Lecture 1"


def test_seen_young_mature_split_the_reviewed_cards_by_state_and_interval(
        filled: Store) -> None:
    one, two = stats(filled).per_lecture
    # Lecture 1: c0 Review, interval 5 days (young); c1 Learning; c2 new.
    assert (one.seen, one.learning, one.young, one.mature) == (2, 1, 1, 0)
    # Lecture 2: c0 Relearning; c1 Review, interval 30 days (mature); c2 new.
    assert (two.seen, two.learning, two.young, two.mature) == (2, 1, 0, 1)


def test_recall_tomorrow_is_fsrs_one_day_ahead_over_review_cards_lapsed_ones_at_zero(
        filled: Store) -> None:
    from studytui.study.scheduler import StudyScheduler

    r = StudyScheduler().retrievability
    one, two = stats(filled).per_lecture
    in_a_day = r(10, T0, T0 + DAY)  # l1-c0: reviewed now, S = 10
    eleven_days = r(10, T0 - 10 * DAY, T0 + DAY)  # l2-c1: reviewed 10 days ago, S = 10
    assert eleven_days < 0.9 < in_a_day  # R is 0.9 at t = S
    assert one.recall_tomorrow == pytest.approx(in_a_day)  # l1-c1 (learning) counted apart
    # l2-c0 lapsed (Relearning): in the base, counted as not recalled.
    assert two.recall_tomorrow == pytest.approx(eleven_days / 2)
    with Store.open(filled.path.parent / "empty.db") as empty:
        assert stats(empty).totals.recall_tomorrow is None  # nothing in review yet


def test_true_retention_counts_reviews_of_review_cards_only(filled: Store) -> None:
    # Reviews whose card was in Review before: l1-c0's pass and l2-c0's lapse.
    assert stats(filled).true_retention == pytest.approx(0.5)


def test_true_retention_is_none_without_such_reviews(tmp_path: Path) -> None:
    with Store.open(tmp_path / "r.db") as s:
        assert stats(s).true_retention is None


def test_reviews_per_day_covers_84_days_and_skips_undone(filled: Store) -> None:
    per_day = stats(filled).reviews_per_day
    today = date(2026, 3, 2)
    assert len(per_day) == HEATMAP_DAYS and list(per_day)[-1] == today
    assert list(per_day)[0] == today - timedelta(days=HEATMAP_DAYS - 1)
    assert per_day[today] == 3
    assert per_day[today - timedelta(days=1)] == 0  # the undone lapse
    assert per_day[today - timedelta(days=5)] == 1
    assert per_day[today - timedelta(days=10)] == 2
    assert sum(per_day.values()) == 6


def test_forecast_puts_overdue_cards_on_day_zero(filled: Store) -> None:
    s = stats(filled)
    # l1-c1 overdue -> day 0; l2-c0 tomorrow 13:00 -> day 1; l1-c0 in 5 days; l2-c1 in 20: out.
    assert s.forecast == [1, 1, 0, 0, 0, 1] + [0] * 8
    assert s.due_today == 1


def test_new_available_is_limited_by_cards_introduced_today(filled: Store) -> None:
    assert stats(filled).new_available == 2  # two new cards, budget 20 - 1 introduced
    assert stats(filled, config=Config(new_per_day=2)).new_available == 1
    assert stats(filled, config=Config(new_per_day=1)).new_available == 0


def test_to_json_is_plain_json(filled: Store) -> None:
    data = json.loads(json.dumps(stats(filled).to_json()))
    assert data["totals"]["reviews"] == 6
    assert data["per_lecture"][0]["title"] == {"ko": "강의 1", "en": "Lecture 1"}
    assert data["reviews_per_day"]["2026-03-02"] == 3
    assert data["true_retention"] == 0.5 and len(data["forecast"]) == 14


def test_local_day_decides_which_day_a_review_counts_on(filled: Store) -> None:
    # At UTC-11 the reviews at 12:00 and 11:00 UTC fall on 2 March (01:00, 00:00 local)
    # and the one at 10:00 UTC on the evening of 1 March (23:00 local).
    west = timezone(timedelta(hours=-11))
    per_day = compute_stats(small_deck(), filled, T0, tz=west).reviews_per_day
    assert list(per_day)[-1] == date(2026, 3, 2)
    assert (per_day[date(2026, 3, 2)], per_day[date(2026, 3, 1)]) == (2, 1)


def test_without_history_the_progress_is_the_same_and_the_log_numbers_are_left_out(
        filled: Store) -> None:
    full, home = stats(filled), stats(filled, history=False)
    progress = ("number", "cards", "new", "due", "learning", "seen", "young", "mature",
                "recall_tomorrow")
    for a, b in zip([*full.per_lecture, full.totals], [*home.per_lecture, home.totals],
                    strict=True):
        assert [getattr(a, f) for f in progress] == [getattr(b, f) for f in progress]
        assert b.reviews is None
    assert (home.forecast, home.due_today, home.new_available) == (
        full.forecast, full.due_today, full.new_available)
    assert home.reviews_per_day == {date(2026, 3, 2): 3}  # today only, still counted
    assert home.true_retention is None


def test_an_again_never_raises_a_number_that_claims_knowledge(tmp_path: Path) -> None:
    """Cards learned over two months at different ratings, then each due card
    rated Again in turn: young, mature and recall tomorrow never go up (seen
    and learning claim no knowledge and may)."""
    from studytui.study.review_session import ReviewSession
    from studytui.study.scheduler import StudyScheduler
    from tests.core_fixtures import Clock

    deck = small_deck(lectures=3, per_lecture=6)
    config = Config(new_per_day=100)
    clock = Clock(T0 - 90 * DAY)
    knowing = ("young", "mature", "recall_tomorrow")
    with Store.open(tmp_path / "r.db") as store:
        def session(mode: str) -> ReviewSession:
            return ReviewSession(deck, store, StudyScheduler(config), config, mode=mode,
                                 now=clock, tz=UTC)

        for day, rating in enumerate((4, 3, 2, 3, 4, 3, 3, 2, 4, 3)):
            s = session("mixed")
            while s.current is not None:  # learning steps passed with Good
                varied = s.counts.current == "due" and s.current.id[-1] in "024"
                s.rate(rating if varied else 3)
                clock.advance(minutes=5)
            clock.advance(days=7 + day)
        clock.advance(days=40)  # many due, some long overdue
        s = session("due")
        assert s.counts.due >= 5  # cards in Review to forget

        def figures() -> tuple:
            st = compute_stats(deck, store, clock(), config, tz=UTC)
            return tuple(getattr(row, f) for row in [*st.per_lecture, st.totals]
                         for f in knowing)

        while s.current is not None and s.counts.current == "due":
            before = figures()
            s.rate(1)
            clock.advance(seconds=20)
            after = figures()
            for b, a in zip(before, after, strict=True):
                assert b is None or a is None or a <= b + 1e-12, (before, after)
