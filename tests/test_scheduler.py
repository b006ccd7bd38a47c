"""StudyScheduler wraps fsrs: previews that do not mutate, retention from the config."""

from __future__ import annotations

import zlib
from datetime import timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from fsrs import State

from studytui.config import Config
from studytui.study.scheduler import StudyScheduler, format_interval
from tests.core_fixtures import T0


def test_new_card_uses_a_stable_id_from_the_slug_and_the_given_time() -> None:
    card = StudyScheduler().new_card("gradient-descent", T0)
    assert card.card_id == zlib.crc32(b"gradient-descent")
    assert card.due == T0 and card.state == State.Learning and card.last_review is None


def test_preview_does_not_change_the_card() -> None:
    sched = StudyScheduler()
    card = sched.new_card("adam", T0)
    before = card.to_dict()
    sched.preview(card, T0)
    assert card.to_dict() == before


def test_preview_matches_what_an_unfuzzed_review_gives() -> None:
    sched = StudyScheduler(fuzz=False)
    card = sched.review(sched.new_card("adam", T0), 3, T0)
    card = sched.review(card, 3, T0 + timedelta(minutes=10))  # now in Review state
    later = T0 + timedelta(days=3)
    preview = sched.preview(card, later)
    for rating in (1, 2, 3, 4):
        assert preview[rating] == sched.review(card, rating, later).due - later


def test_preview_intervals_grow_from_again_to_easy() -> None:
    sched = StudyScheduler()
    card = sched.review(sched.new_card("adam", T0), 3, T0)
    card = sched.review(card, 3, T0 + timedelta(minutes=10))
    p = sched.preview(card, T0 + timedelta(days=5))
    assert p[1] < p[2] < p[3] < p[4]


def test_higher_desired_retention_gives_shorter_intervals() -> None:
    def good_interval(retention: float) -> timedelta:
        sched = StudyScheduler(Config(desired_retention=retention), fuzz=False)
        card = sched.review(sched.new_card("adam", T0), 4, T0)
        return sched.preview(card, card.due)[3]

    assert good_interval(0.97) < good_interval(0.9) < good_interval(0.75)


def test_review_accepts_any_aware_timezone_and_stores_utc() -> None:
    sched = StudyScheduler()
    seoul = T0.astimezone(ZoneInfo("Asia/Seoul"))
    card = sched.review(sched.new_card("adam", T0), 3, seoul)
    assert card.last_review == T0 and card.last_review.tzinfo is timezone.utc


def test_review_rejects_bad_rating_and_naive_time() -> None:
    sched = StudyScheduler()
    card = sched.new_card("adam", T0)
    with pytest.raises(ValueError, match="rating"):
        sched.review(card, 0, T0)
    with pytest.raises(ValueError, match="naive"):
        sched.review(card, 3, T0.replace(tzinfo=None))


def test_card_round_trips_through_its_state_dict() -> None:
    sched = StudyScheduler()
    card = sched.review(sched.new_card("adam", T0), 3, T0)
    assert sched.card_from_state(card.to_dict()).to_dict() == card.to_dict()


@pytest.mark.parametrize(
    ("delta", "label"),
    [
        (timedelta(seconds=0), "<1m"),
        (timedelta(seconds=59), "<1m"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(minutes=59, seconds=50), "1h"),
        (timedelta(hours=3), "3h"),
        (timedelta(hours=23, minutes=50), "1d"),
        (timedelta(days=4), "4d"),
        (timedelta(days=29), "29d"),
        (timedelta(days=60), "2mo"),
        (timedelta(days=350), "1.0y"),
        (timedelta(days=438), "1.2y"),
        (timedelta(days=3650 * 2), "20y"),
    ],
)
def test_format_interval(delta: timedelta, label: str) -> None:
    assert format_interval(delta) == label


@pytest.mark.parametrize(
    ("delta", "lang", "label"),
    [
        (timedelta(seconds=30), "ko", "1분 미만"),
        (timedelta(minutes=10), "ko", "10분"),
        (timedelta(hours=3), "ko", "3시간"),
        (timedelta(days=4), "ko", "4일"),
        (timedelta(days=60), "ko", "2개월"),
        (timedelta(days=438), "ko", "1.2년"),
        (timedelta(days=4), "both", "4d"),
    ],
)
def test_format_interval_speaks_the_learners_language(delta: timedelta, lang: str,
                                                      label: str) -> None:
    assert format_interval(delta, lang) == label
