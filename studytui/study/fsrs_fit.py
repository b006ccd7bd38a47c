"""Fit FSRS-6 parameters to one learner's reviews, and judge them on that log.

The fit is fsrs-rs's (the Rust engine Anki uses, through `fsrs-rs-python`):
py-fsrs's own Optimizer is a scalar autograd loop (83 s for 20,000 reviews).
fsrs-rs computes the same memory model as py-fsrs's Scheduler, which schedules
our cards (tests/test_fsrs_fit.py holds them equal, review by review), so its
parameters drive our scheduler as they would drive Anki's.

The evaluation is a plain replay, no autograd: each review made a day or more
after the card's previous one is a prediction (the recall probability FSRS gave
it) and an outcome (not Again); log loss and RMSE over 20 equal-width bins of
predicted recall are computed from those, as srs-benchmark does.

`fsrs_rs_python` is imported inside the functions: nothing here loads at start-up.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from fsrs.scheduler import DEFAULT_PARAMETERS as _FSRS_DEFAULTS

from studytui.study.review_history import ReviewHistory

DEFAULT_PARAMETERS: tuple[float, ...] = tuple(_FSRS_DEFAULTS)
# Fewer long-term reviews than this and `optimize` does not fit. Each is one
# yes/no outcome; at 400 the standard error of a log loss near 0.33 is about
# 0.02, the size of the gain fitting brings (0.339 -> 0.321 on srs-benchmark),
# so below it a "better" fit is mostly noise. (fsrs-rs would fit from 8.)
MIN_REVIEWS = 400
BINS = 20
RELEARNING_STEPS = 1  # studytui's Scheduler: one 10-minute relearning step


@dataclass(frozen=True)
class Evaluation:
    log_loss: float
    rmse_bins: float
    reviews: int  # the predictions judged


def long_term_reviews(history: ReviewHistory) -> int:
    """Reviews a day or more after the card's previous review: what is fitted and judged."""
    return sum(sum(1 for d in c.elapsed_days()[1:] if d > 0) for c in history.cards)


def reviews_needed(history: ReviewHistory) -> int:
    """How many more long-term reviews the log needs before a fit (0: enough)."""
    return max(0, MIN_REVIEWS - long_term_reviews(history))


def _items(history: ReviewHistory, prefixes: bool) -> list:
    """fsrs-rs items: with `prefixes`, one per long-term review (the card's history
    up to it, the form training wants); else one per card (its whole history)."""
    import fsrs_rs_python as rs

    items = []
    for card in history.cards:
        days = card.elapsed_days()
        reviews = [rs.FSRSReview(r, d) for r, d in zip(card.ratings, days, strict=True)]
        if not prefixes:
            items.append(rs.FSRSItem(reviews))
            continue
        for k in range(1, len(reviews)):
            if days[k] > 0:
                items.append(rs.FSRSItem(reviews[: k + 1]))
    return items


def fit_parameters(history: ReviewHistory) -> tuple[float, ...]:
    """FSRS-6 parameters fitted to `history` by fsrs-rs (a few seconds for a year)."""
    import fsrs_rs_python as rs

    items = _items(history, prefixes=True)
    fitted = rs.FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(
        items, enable_short_term=True, num_relearning_steps=RELEARNING_STEPS)
    return clamp_to_scheduler(fitted)


def clamp_to_scheduler(parameters: Sequence[float]) -> tuple[float, ...]:
    """`parameters` inside py-fsrs's bounds (its Scheduler refuses others); fsrs-rs
    clamps to the same bounds, so this only absorbs float32 rounding."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    return tuple(min(max(float(p), lo), hi) for p, lo, hi in
                 zip(parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True))


def predictions(history: ReviewHistory, parameters: Sequence[float]
                ) -> tuple[list[float], list[int]]:
    """(predicted recall, recalled 1/0) of every long-term review, by replaying
    each card's history under `parameters`."""
    import fsrs_rs_python as rs

    model = rs.FSRS(list(parameters))
    states = model.historical_memory_state_batch(_items(history, prefixes=False))
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    predicted: list[float] = []
    outcome: list[int] = []
    for card, card_states in zip(history.cards, states, strict=True):
        days = card.elapsed_days()
        for k in range(1, len(days)):
            if days[k] > 0:
                stability = card_states[k - 1].stability
                predicted.append((1 + factor * days[k] / stability) ** decay)
                outcome.append(int(card.ratings[k] > 1))
    return predicted, outcome


def scores(predicted: Sequence[float], outcome: Sequence[int], bins: int = BINS) -> Evaluation:
    """Log loss, and RMSE over `bins` equal-width bins of predicted recall (each
    bin's mean prediction against its share recalled, weighted by its size)."""
    if not predicted:
        return Evaluation(math.nan, math.nan, 0)
    eps = 1e-7
    loss = 0.0
    sums = [[0.0, 0.0, 0] for _ in range(bins)]
    for p, y in zip(predicted, outcome, strict=True):
        q = min(max(p, eps), 1 - eps)
        loss -= math.log(q) if y else math.log(1 - q)
        cell = sums[min(int(p * bins), bins - 1)]
        cell[0] += p
        cell[1] += y
        cell[2] += 1
    square = sum((s[0] - s[1]) ** 2 / s[2] for s in sums if s[2])
    n = len(predicted)
    return Evaluation(loss / n, math.sqrt(square / n), n)


def evaluate(history: ReviewHistory, parameters: Sequence[float]) -> Evaluation:
    return scores(*predictions(history, parameters))
