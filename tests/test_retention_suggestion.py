"""The suggested retention: py-fsrs's simulation, fed with the learner's own
answer shares and seconds, and an answer that moves with them."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest
from fsrs.scheduler import DEFAULT_PARAMETERS

from studytui.study.retention_suggestion import (
    MIN_TIMED,
    AnswerCosts,
    best_retention,
    costs_of,
    simulated_cost,
)
from studytui.study.review_history import history_of

FITTED_LIKE = tuple(p * 1.1 if i in (0, 1, 2, 3) else p for i, p in enumerate(DEFAULT_PARAMETERS))


def _reference_dict(costs: AnswerCosts) -> dict[str, float]:
    names = ("again", "hard", "good", "easy")
    out = {}
    for name, share, seconds in zip(names, costs.first_shares, costs.first_seconds, strict=True):
        out[f"prob_first_{name}"] = share
        out[f"avg_first_{name}_review_duration"] = seconds
    for name, share in zip(names[1:], costs.recall_shares, strict=True):
        out[f"prob_{name}"] = share
    for name, seconds in zip(names, costs.later_seconds, strict=True):
        out[f"avg_{name}_review_duration"] = seconds
    return out


@pytest.mark.parametrize("parameters", [DEFAULT_PARAMETERS, FITTED_LIKE])
@pytest.mark.parametrize("retention", [0.7, 0.9])
def test_simulated_cost_equals_py_fsrs_simulation(parameters, retention):
    optimizer = pytest.importorskip("fsrs.optimizer")
    if not hasattr(optimizer.Optimizer, "_simulate_cost"):
        pytest.fail("fsrs[optimizer] (a dev dependency) is needed for the reference")
    costs = dataclasses.replace(AnswerCosts(), later_seconds=(30.0, 12.0, 9.0, 4.0))
    reference = optimizer.Optimizer.__new__(optimizer.Optimizer)._simulate_cost(
        desired_retention=retention, parameters=parameters, num_cards_simulate=60,
        probs_and_costs_dict=_reference_dict(costs))
    assert simulated_cost(costs, parameters, retention, cards=60) == pytest.approx(reference,
                                                                                    rel=1e-12)


def _log(first: list[int], later: list[int], seconds: float):
    """One card per first rating; each card's later answers follow it a day apart."""
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    rows = []
    for n, rating in enumerate(first):
        rows.append((f"c{n}", start, rating, int(seconds * 1000)))
        for k, again in enumerate(later):
            rows.append((f"c{n}", start + timedelta(days=k + 1), again, int(seconds * 2000)))
    return history_of(rows)


def test_costs_come_from_the_log_when_it_has_enough_answers():
    history = _log([3] * 24 + [1] * 8, [2, 3, 3, 4], seconds=6.0)
    costs = costs_of(history)
    assert costs.first_shares == (0.25, 0.0, 0.75, 0.0)
    assert costs.recall_shares == (0.25, 0.5, 0.25)
    assert costs.first_seconds[2] == 6.0  # 24 timed Good first answers
    assert costs.first_seconds[0] == AnswerCosts().first_seconds[0]  # 8: too few, default
    assert costs.later_seconds[2] == 12.0  # 64 later Good answers of 12 s
    assert costs.later_seconds[0] == AnswerCosts().later_seconds[0]  # no later Again


def test_a_short_log_keeps_the_default_costs():
    assert costs_of(_log([3] * (MIN_TIMED - 1), [], seconds=6.0)) == AnswerCosts()


def test_suggestion_rises_when_a_lapse_costs_more():
    cheap = dataclasses.replace(AnswerCosts(), later_seconds=(2.0, 17.6, 12.4, 8.9))
    dear = dataclasses.replace(AnswerCosts(), later_seconds=(120.0, 17.6, 12.4, 8.9))
    low = best_retention(cheap, DEFAULT_PARAMETERS, cards=200)
    high = best_retention(dear, DEFAULT_PARAMETERS, cards=200)
    assert low < high
    assert low > 0.70 or high > 0.90  # the answer is not pinned to one end of the range
