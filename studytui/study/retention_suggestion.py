"""The desired retention that costs this learner the least study time per card
remembered, by py-fsrs's simulation (its `Optimizer.compute_optimal_retention`)
fed with the learner's own parameters, answer shares and seconds per answer.

Why not fsrs-rs's `optimal_retention` (Anki's former "minimum recommended
retention"): it counts knowledge as the recall summed over a deck still being
learnt, and on every log tried here, the default parameters with its default
costs included, it answered its lower bound, 0.70: a suggestion that never
moves tells the learner nothing. py-fsrs's model follows each card for a year
and divides the time spent by the cards remembered at the retention asked for;
its answer moves with what the learner's answers cost (an expensive lapse pushes
retention up). We run the same simulation with py-fsrs's Scheduler (the one that
schedules our cards), not its Optimizer, which needs torch and pandas:
tests/test_retention_suggestion.py holds our costs equal to its `_simulate_cost`.

Seconds per answer are the median of the learner's durations, not the mean
py-fsrs takes: a walk away from the screen is not study time. A cell with fewer
than MIN_TIMED answers keeps the default (fsrs-rs's simulator defaults).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from random import Random
from statistics import median

from fsrs import Card, Rating, Scheduler

from studytui.study.review_history import ReviewHistory

CANDIDATES = (0.70, 0.75, 0.80, 0.85, 0.90, 0.95)  # py-fsrs's: the range Settings offers
SIM_CARDS = 1000  # py-fsrs's count: fewer and the costs of near candidates cross by noise
MIN_TIMED = 20
SEED = 42  # the same draws for every candidate, so their costs differ by retention alone
_START = datetime(2025, 1, 1, tzinfo=timezone.utc)
_END = datetime(2026, 1, 1, tzinfo=timezone.utc)
_RATINGS = (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy)


@dataclass(frozen=True)
class AnswerCosts:
    """What the simulation draws from: the first answer's shares and seconds per
    rating, the shares of Hard/Good/Easy among later recalls and seconds per rating."""

    first_shares: tuple[float, float, float, float] = (0.24, 0.094, 0.495, 0.171)
    first_seconds: tuple[float, float, float, float] = (19.58, 18.79, 13.78, 10.71)
    recall_shares: tuple[float, float, float] = (0.224, 0.631, 0.145)
    later_seconds: tuple[float, float, float, float] = (19.38, 17.59, 12.38, 8.94)


def costs_of(history: ReviewHistory) -> AnswerCosts:
    """The learner's shares and seconds; the defaults where the log has too few."""
    default = AnswerCosts()
    first_count, recall_count = [0] * 4, [0] * 3
    first_timed: list[list[float]] = [[], [], [], []]
    later_timed: list[list[float]] = [[], [], [], []]
    for card in history.cards:
        for k, rating in enumerate(card.ratings):
            if k == 0:
                first_count[rating - 1] += 1
            elif rating > 1:
                recall_count[rating - 2] += 1
            duration = card.durations_ms[k]
            if duration:
                (first_timed if k == 0 else later_timed)[rating - 1].append(duration / 1000)
    return AnswerCosts(
        _shares(first_count, default.first_shares),
        _seconds(first_timed, default.first_seconds),
        _shares(recall_count, default.recall_shares),
        _seconds(later_timed, default.later_seconds))


def _shares(counts: list[int], default: tuple[float, ...]) -> tuple[float, ...]:
    total = sum(counts)
    return tuple(c / total for c in counts) if total >= MIN_TIMED else default


def _seconds(timed: list[list[float]], default: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(median(v) if len(v) >= MIN_TIMED else d for v, d in zip(timed, default,
                                                                         strict=True))


def simulated_cost(costs: AnswerCosts, parameters: Sequence[float], retention: float,
                   cards: int = SIM_CARDS) -> float:
    """Seconds of study per card remembered after a year at `retention`: py-fsrs's
    `_simulate_cost`, draw for draw (same generator, same order of draws)."""
    rng = Random(SEED)
    scheduler = Scheduler(parameters=tuple(parameters), desired_retention=retention,
                          enable_fuzzing=False)
    spent = 0.0
    for _ in range(cards):
        card = Card()
        at = _START
        while at < _END:
            if at == _START:
                rating = rng.choices(_RATINGS, weights=costs.first_shares)[0]
                spent += costs.first_seconds[rating - 1]
            else:
                recalled = rng.choices(["recall", Rating.Again],
                                       weights=[retention, 1.0 - retention])[0]
                rating = Rating.Again
                if recalled == "recall":
                    rating = rng.choices(_RATINGS[1:], weights=costs.recall_shares)[0]
                spent += costs.later_seconds[rating - 1]
            card, _ = scheduler.review_card(card=card, rating=rating, review_datetime=at)
            at = card.due
    return spent / (retention * cards)


def suggested_retention(history: ReviewHistory, parameters: Sequence[float],
                        cards: int = SIM_CARDS) -> float:
    """The candidate retention with the least simulated cost per card remembered."""
    return best_retention(costs_of(history), parameters, cards)


def best_retention(costs: AnswerCosts, parameters: Sequence[float],
                   cards: int = SIM_CARDS) -> float:
    return min(CANDIDATES, key=lambda r: simulated_cost(costs, parameters, r, cards))
