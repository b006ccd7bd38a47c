"""`StudyScheduler.recompute`, the replay's fsrs review (its Card reused between
calls, the fuzz drawn from a reseeded generator, short intervals not drawn at
all), gives exactly what fsrs's public `review_card` gives on a Card made
afresh from the state, with the fuzz drawn from a new `random.Random(seed)`:
on random histories of several cards interleaved, every rating, gaps from
seconds to months, fuzz on and off, other learning and relearning steps."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from typing import Any
from unittest import mock

import fsrs.scheduler as fsrs_scheduler
import pytest
from fsrs import Card, Rating, Scheduler

from studytui.study.scheduler import StudyScheduler, fsrs_card_id, fuzz_seed

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
STEPS = [
    {},
    {"learning_steps": (timedelta(minutes=1),), "relearning_steps": ()},
    {"learning_steps": (), "relearning_steps": (timedelta(minutes=5), timedelta(hours=2))},
]


def _public(scheduler: Scheduler, before: dict[str, Any] | None, rating: int, at: datetime,
            duration_ms: int | None, card_id: str) -> dict[str, Any]:
    card = Card.from_dict(before) if before else Card(card_id=fsrs_card_id(card_id), due=at)
    draw = random.Random(fuzz_seed(card_id, at, rating)).random()
    with mock.patch.object(fsrs_scheduler, "random", lambda: draw):
        after, _ = scheduler.review_card(card, Rating(rating), at, duration_ms)
    return after.to_dict()


@pytest.mark.parametrize("fuzz", [True, False], ids=["fuzz", "no-fuzz"])
@pytest.mark.parametrize("steps", range(len(STEPS)), ids=["default", "short", "relearning"])
@pytest.mark.parametrize("seed", range(4))
def test_recompute_gives_what_fsrs_review_card_gives(fuzz, steps, seed):
    rng = random.Random(seed)
    ours = StudyScheduler(fuzz=fuzz)
    ours.fsrs = type(ours.fsrs)(enable_fuzzing=fuzz, **STEPS[steps])
    public = Scheduler(enable_fuzzing=fuzz, **STEPS[steps])
    cards = [f"card-{n}" for n in range(3)]
    mine: dict[str, dict[str, Any] | None] = dict.fromkeys(cards)
    theirs: dict[str, dict[str, Any] | None] = dict.fromkeys(cards)
    at = T0
    for n in range(400):
        at += timedelta(seconds=rng.choice((5, 90, 3600, 86400 * rng.randint(1, 90))))
        card = rng.choice(cards)  # interleaved: the last result is not always the base
        rating = rng.choice((1, 2, 3, 4))
        duration = rng.choice((None, 2500))
        before = mine[card]
        if before is not None and n % 37 == 0:
            before = dict(before)  # an equal state in another dict
        mine[card] = ours.recompute(before, rating, at, duration, f"e{n}", card)
        theirs[card] = _public(public, theirs[card], rating, at, duration, card)
        assert mine[card] == theirs[card], (n, card, rating)


def test_a_state_changed_after_it_was_returned_is_read_again():
    ours = StudyScheduler()
    state = ours.recompute(None, 3, T0, None, "e1", "adam")
    state["stability"] = 50.0  # the same dict, changed: the Card it came from is stale
    at = T0 + timedelta(days=20)
    public = Scheduler()
    assert ours.recompute(state, 3, at, None, "e2", "adam") == _public(
        public, state, 3, at, None, "adam")
