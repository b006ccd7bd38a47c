"""The desired retention that costs this learner the least study time per card
remembered: fsrs-rs's simulator (the one Anki uses) run with the learner's own
parameters, first-answer and review-answer shares and seconds per answer.

Durations come from the log (the store keeps each review's duration); a cell of
the cost table with fewer than MIN_TIMED answers keeps the simulator's default.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from studytui.config import RETENTION_RANGE
from studytui.study.review_history import ReviewHistory

MIN_TIMED = 20
SIM_DECK = 2000  # cards simulated: enough for a stable optimum, about a second in all
LEARN_PER_DAY = 20  # studytui's default new cards per day
_ROW = {0: 0, 1: 0, 2: 1, 3: 2}  # fsrs State before the answer -> the cost table's row


def _shares(counts: Sequence[int], default: Sequence[float]) -> list[float]:
    total = sum(counts)
    return [c / total for c in counts] if total >= MIN_TIMED else list(default)


def suggested_retention(history: ReviewHistory, parameters: Sequence[float]) -> float:
    import fsrs_rs_python as rs

    config = rs.default_simulator_config()
    config.deck_size = SIM_DECK
    config.learn_limit = LEARN_PER_DAY
    first = [0, 0, 0, 0]
    later = [0, 0, 0]
    seconds: dict[tuple[int, int], list[float]] = {}
    for card in history.cards:
        days = card.elapsed_days()
        for k, rating in enumerate(card.ratings):
            if k == 0:
                first[rating - 1] += 1
            elif days[k] > 0 and rating > 1:
                later[rating - 2] += 1
            duration = card.durations_ms[k]
            if duration:
                cell = (_ROW[card.states_before[k]], rating - 1)
                seconds.setdefault(cell, []).append(duration / 1000)
    config.first_rating_prob = _shares(first, config.first_rating_prob)
    config.review_rating_prob = _shares(later, config.review_rating_prob)
    costs = [list(row) for row in config.state_rating_costs]
    for (row, col), values in seconds.items():
        if len(values) >= MIN_TIMED:
            costs[row][col] = median(values)  # a walk away from the screen is not study time
    config.state_rating_costs = costs
    best = float(rs.optimal_retention(config, list(parameters)))
    lo, hi = RETENTION_RANGE
    return round(min(max(best, lo), hi), 2)
