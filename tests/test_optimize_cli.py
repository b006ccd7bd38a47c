"""`studytui optimize` as a learner runs it: both losses, the keep rule, asking."""

from __future__ import annotations

from studytui.config import Config
from studytui.store.sqlite_store import Store
from studytui.study import fitted_params
from studytui.study.fitted_params import scheduler_for
from studytui.study.fsrs_fit import DEFAULT_PARAMETERS
from tests.learner_logs import learner_events, synthetic_learner


def _store(path, cards: int, rows: int):
    synthetic_learner.write_log(path, learner_events(cards, rows))
    return path


def test_optimize_prints_both_losses_records_the_fit_and_asks_before_rescheduling(tmp_path,
                                                                                  capsys):
    path = _store(tmp_path / "s.db", 300, 6000)
    with Store.open(path, backup=False) as store:
        dues = {c: s["due"] for c, s in store.card_states().items()}
    assert main_run(path) == 0
    out = capsys.readouterr().out
    assert "20 equal-width bins of predicted recall" in out
    assert "default" in out and "fitted now" in out
    assert "The fitted parameters replace the ones in use" in out
    assert "Due dates unchanged" in out  # no terminal, no --yes: nothing moved
    with Store.open(path, backup=False) as store:
        assert {c: s["due"] for c, s in store.card_states().items()} == dues
    with Store.open(path, backup=False) as store:
        fitted = fitted_params.load(store)
        assert fitted.parameters is not None and fitted.parameters != DEFAULT_PARAMETERS
        assert scheduler_for(Config(), store).parameters == fitted.parameters
        assert store.event_counts()["fit"] == 1  # in the log, no file beside it
    assert not list(tmp_path.glob("*.json"))


def test_optimize_yes_reschedules_and_a_second_run_judges_against_the_set_in_use(tmp_path,
                                                                                 capsys):
    path = _store(tmp_path / "s.db", 300, 6000)
    assert main_run(path, "--yes") == 0
    assert "cards rescheduled" in capsys.readouterr().out
    with Store.open(path, backup=False) as store:
        assert fitted_params.load(store).retention_changes[-1].parameters is not None
    assert main_run(path) == 0
    out = capsys.readouterr().out
    assert "\n  in use " in out  # three rows: default, in use, fitted now
    with Store.open(path, backup=False) as store:
        assert [e["kind"] for e in fitted_params.load(store).events] == [
            "fit", "retention", "fit"]


def test_optimize_on_a_short_log_says_how_many_more_reviews_and_keeps_defaults(tmp_path,
                                                                              capsys):
    path = _store(tmp_path / "s.db", 10, 60)
    assert main_run(path) == 0
    out = capsys.readouterr().out
    assert "fitting needs 400 such reviews" in out and "more" in out
    with Store.open(path, backup=False) as store:
        assert fitted_params.load(store).parameters is None


def test_optimize_without_a_store_creates_none(tmp_path, capsys):
    from studytui.cli import main

    assert main(["--db", str(tmp_path / "none.db"), "optimize"]) == 2
    assert "no review store" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def main_run(path, *extra: str) -> int:
    from studytui.cli import main

    return main(["--db", str(path), "--lang", "en", "optimize", *extra])


def test_a_malformed_fit_event_is_one_line_naming_the_store_not_a_traceback(tmp_path,
                                                                          capsys):
    # A fit merged from another device or written by another version can be wrong.
    from datetime import datetime, timezone

    from studytui.cli import main

    path = tmp_path / "s.db"
    at = datetime(2026, 3, 1, tzinfo=timezone.utc)
    for payload in ({"kept": "new"}, {"kept": "new", "parameters": [1e9, 2]}):
        with Store.open(path, backup=False) as store:
            store.record_fit(at, payload)
        assert main(["--db", str(path), "stats"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err
