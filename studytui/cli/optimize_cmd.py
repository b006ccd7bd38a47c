"""`studytui optimize` and `studytui reschedule`: fit the learner's parameters,
change the desired retention, and move due dates only after showing the
workload and asking (no terminal to ask: only with --yes)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import datetime

from studytui.clock import utcnow
from studytui.config import RETENTION_RANGE, Config, load_config, save_config
from studytui.errors import Said, UserError
from studytui.study import fitted_params
from studytui.study.reschedule import FORECAST_DAYS, commit, preview
from studytui.study.scheduler import StudyScheduler
from studytui.words import say


def _lang(args: argparse.Namespace, config: Config) -> str:
    return args.lang or config.lang


def run_optimize(args: argparse.Namespace) -> int:
    from studytui.cli.handlers import db_path, deck_id, open_store, store_missing
    from studytui.study.optimize import optimize
    from studytui.study.review_history import read_review_history

    config = load_config()
    lang = _lang(args, config)
    path = db_path(args)
    if store_missing(path):
        raise UserError(Said("optimize.no_store_fit", path=path))
    print(say("optimize.reading", lang, path=path))
    with open_store(path, deck=deck_id(args), lang=lang) as store:
        fitted = fitted_params.load(store)
        history = read_review_history(store)
        result = optimize(history, fitted.parameters)
        if result.needed:
            print(say("optimize.too_short", lang, reviews=result.reviews, judged=result.judged,
                      min=result.judged + result.needed, needed=result.needed))
            return 0
        _print_scores(result, lang)
        now = utcnow()
        assert result.parameters is not None
        fitted_params.record_fit(
            store, now, result.parameters, "new" if result.keep_new else "old",
            {name: {"log_loss": ev.log_loss, "rmse_bins": ev.rmse_bins, "reviews": ev.reviews}
             for name, ev in (("default", result.default), ("in_use", result.current),
                              ("fitted", result.fitted)) if ev is not None},
            result.suggested_retention)
        print(say("optimize.recorded", lang, path=path))
        if result.keep_new:
            old = StudyScheduler(config, fuzz=False, parameters=fitted.parameters)
            new = StudyScheduler(config, fuzz=False, parameters=result.parameters)
            _offer_reschedule(store, old, new, now, args.yes, lang)
    return 0


def _print_scores(result, lang: str) -> None:  # type: ignore[no-untyped-def]
    print(say("optimize.counts", lang, reviews=result.reviews, judged=result.judged))
    print(say("optimize.table_head", lang))
    head = (say("optimize.col_set", lang), say("optimize.col_loss", lang),
            say("optimize.col_rmse", lang))
    rows = [(say("optimize.row_default", lang), result.default)]
    if result.current is not None:
        rows.append((say("optimize.row_current", lang), result.current))
    rows.append((say("optimize.row_fitted", lang), result.fitted))
    from rich.cells import cell_len

    width = max(cell_len(r[0]) for r in [head, *rows]) + 2

    def pad(text: str, room: int = width, right: bool = False) -> str:
        space = " " * max(0, room - cell_len(text))
        return space + text if right else text + space

    print(f"  {pad(head[0])}{pad(head[1], 14, True)}{pad(head[2], 14, True)}")
    for name, ev in rows:
        print(f"  {pad(name)}{ev.log_loss:>14.4f}{ev.rmse_bins:>14.4f}")
    print(say("optimize.kept_new" if result.keep_new else "optimize.kept_old", lang))
    print(say("optimize.suggested", lang, suggested=result.suggested_retention,
              current=load_config().desired_retention))


def _offer_reschedule(store, old: StudyScheduler, new: StudyScheduler,  # type: ignore[no-untyped-def]
                      now: datetime, yes: bool, lang: str) -> bool:
    """Show the workload before and after, ask, and reschedule (recorded). True if done."""
    result = preview(store, old, new, now)
    moved = result.moved
    if not moved:
        print(say("optimize.nothing_to_move", lang))
        return False
    before, after = result.before, result.after
    print(say("optimize.workload", lang, days=FORECAST_DAYS, before=before.mean,
              after=after.mean, cards=len(moved)))
    if not yes:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            print(say("optimize.not_rescheduled", lang))
            return False
        try:
            answer = input(say("optimize.ask", lang)).strip().lower()
        except EOFError:  # Ctrl+D: no answer is no
            answer = ""
        if answer not in ("y", "yes", "예", "네"):
            print(say("optimize.not_rescheduled", lang))
            return False
    commit(store, moved, new.config.desired_retention, now)
    print(say("optimize.rescheduled", lang, cards=len(moved)))
    return True


def run_reschedule(args: argparse.Namespace) -> int:
    """Reschedule for `--retention` (saved to the config file first), else for the
    config file's retention: after an edit of config.toml, this moves the cards."""
    from studytui.cli.handlers import db_path, deck_id, open_store, store_missing

    config = load_config()
    lang = _lang(args, config)
    path = db_path(args)
    if store_missing(path):
        raise UserError(Said("optimize.no_store_reschedule", path=path))
    if args.retention is not None:
        try:
            wanted = replace(config, desired_retention=args.retention)
        except ValueError:
            lo, hi = RETENTION_RANGE
            raise UserError(Said("optimize.bad_retention", value=args.retention, lo=lo,
                                 hi=hi)) from None
    with open_store(path, deck=deck_id(args), lang=lang) as store:
        parameters = fitted_params.load(store).parameters
        in_force = fitted_params.retention_in_force(store) or config.desired_retention
        old = StudyScheduler(replace(config, desired_retention=in_force), fuzz=False,
                             parameters=parameters)
        if args.retention is not None:
            config = wanted
            save_config(config)
            print(say("optimize.retention_saved", lang, retention=config.desired_retention))
        new = StudyScheduler(config, fuzz=False, parameters=parameters)
        _offer_reschedule(store, old, new, utcnow(), args.yes, lang)
    return 0
