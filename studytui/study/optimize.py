"""`studytui optimize` without the printing: fit, judge both sets on the same
log, keep the better one (Anki's rule), suggest a retention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from studytui.study import fsrs_fit
from studytui.study.fsrs_fit import DEFAULT_PARAMETERS, Evaluation
from studytui.study.review_history import ReviewHistory


@dataclass(frozen=True)
class OptimizeResult:
    reviews: int
    judged: int  # long-term reviews: what is fitted and judged
    needed: int  # more long-term reviews needed before a fit (0: it was fitted)
    default: Evaluation | None = None
    current: Evaluation | None = None  # the fitted set in use before, if any
    fitted: Evaluation | None = None
    parameters: tuple[float, ...] | None = None  # the new fit
    keep_new: bool = False
    suggested_retention: float | None = None


def optimize(history: ReviewHistory, current: Sequence[float] | None) -> OptimizeResult:
    """Fit to `history`; `current` is the fitted set in use (None: the defaults).
    The new set replaces the one in use only when its log loss on this log is
    lower (log loss is what the fit minimises and a proper score; a tie keeps
    the old set, so rescheduling never happens for nothing)."""
    from studytui.study.retention_suggestion import suggested_retention

    judged = fsrs_fit.long_term_reviews(history)
    needed = fsrs_fit.reviews_needed(history)
    if needed:
        return OptimizeResult(history.reviews, judged, needed)
    fitted_parameters = fsrs_fit.fit_parameters(history)
    default = fsrs_fit.evaluate(history, DEFAULT_PARAMETERS)
    in_use = default
    now_eval = None
    if current is not None:
        now_eval = in_use = fsrs_fit.evaluate(history, current)
    fitted = fsrs_fit.evaluate(history, fitted_parameters)
    keep_new = fitted.log_loss < in_use.log_loss
    chosen = fitted_parameters if keep_new else (current or DEFAULT_PARAMETERS)
    return OptimizeResult(history.reviews, judged, 0, default, now_eval, fitted,
                          fitted_parameters, keep_new, suggested_retention(history, chosen))
