"""Retention that reschedules: the preview, the new due dates, the replay, the CLI."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from studytui.cli import main
from studytui.config import Config, load_config
from studytui.store.sqlite_store import Store
from studytui.study import fitted_params
from studytui.study.reschedule import commit, preview, reschedule_all, workload
from studytui.study.scheduler import StudyScheduler

NOW = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)


def _store_with_reviews(path, cards: int = 40,
                        directions: tuple[str, ...] = ("forward",)) -> Store:
    store = Store.open(path, backup=False)
    sched = StudyScheduler(fuzz=False)
    for i in range(cards):
        for d, direction in enumerate(directions):
            at = NOW - timedelta(days=(i + d) % 3, hours=1 + i % 20)
            card = sched.new_card(f"c{i}", at)
            for rating in (3, 3):  # learning, then a Review card due in a few days
                card = sched.review(card, rating, at)
                store.record_review(f"c{i}", rating, at, 5000, card.to_dict(),
                                    direction=direction)
                at = max(card.due, at + timedelta(minutes=1))
    return store


def test_interval_days_is_the_interval_fsrs_gives_a_review_card():
    sched = StudyScheduler(Config(desired_retention=0.83), fuzz=False)
    card = sched.new_card("x", NOW)
    at = NOW
    for _ in range(6):
        card = sched.review(card, 3, at)
        if card.state == 2:
            assert card.due - at == timedelta(days=sched.interval_days(card.stability))
        at = card.due


def test_lower_retention_moves_review_cards_later_and_lightens_the_workload(tmp_path):
    with _store_with_reviews(tmp_path / "s.db") as store:
        states = store.card_states()
        old = StudyScheduler(Config(desired_retention=0.9), fuzz=False)
        new = StudyScheduler(Config(desired_retention=0.8), fuzz=False)
        moved = reschedule_all(states, new)
        assert moved and all(m["due"] > states[c]["due"] for c, m in moved.items())
        before, after = workload(states, old, NOW), workload({**states, **moved}, new, NOW)
        assert len(before.per_day) == len(after.per_day) == 30
        assert after.mean < before.mean


def test_workload_counts_each_card_on_the_day_it_comes_due():
    sched = StudyScheduler(fuzz=False)
    card = sched.new_card("a", NOW - timedelta(days=10))
    card = sched.review(card, 4, NOW - timedelta(days=10))  # Easy: a Review card
    state = {**card.to_dict(), "due": (NOW + timedelta(days=3)).isoformat()}
    overdue = {**card.to_dict(), "due": (NOW - timedelta(days=2)).isoformat()}
    per_day = workload({"a": state, "b": overdue}, sched, NOW, days=5,
                       tz=timezone.utc).per_day
    assert per_day[0] == 1 and per_day[3] == 1  # the overdue card counts today


def test_a_replay_of_the_log_and_the_recorded_change_gives_the_same_due_dates(tmp_path):
    path = tmp_path / "s.db"
    with _store_with_reviews(path) as store:
        new = StudyScheduler(Config(desired_retention=0.8), fuzz=False)
        moved = reschedule_all(store.states_by_direction(), new)
        before = {c: s["due"] for c, s in store.card_states().items()}
        commit(store, moved, 0.8, NOW)
        commit(store, {}, 0.7, NOW)  # a change whose due dates were kept: moves nothing
        expected = {c: s["due"] for c, s in store.card_states().items()}
        assert expected != before and all(expected[c] == m["due"] for (c, _), m in moved.items())
        rows = store.state_rows()
        store.rebuild_states()  # what doctor does: every derived table from the events
        assert {c: s["due"] for c, s in store.card_states().items()} == expected
        assert store.state_rows() == rows  # the same text the live write left, due column too
        assert store.event_counts()["reschedule"] == len(moved)


def test_a_review_after_a_reschedule_wins_and_undoing_it_brings_the_moved_due_back(tmp_path):
    path = tmp_path / "s.db"
    with _store_with_reviews(path, cards=3) as store:
        new = StudyScheduler(Config(desired_retention=0.8), fuzz=False)
        moved = reschedule_all(store.states_by_direction(), new)
        commit(store, moved, 0.8, NOW)
        key = sorted(moved)[0]
        card_id = key[0]
        card = new.card_from_state(store.state_of(card_id))
        card = new.review(card, 3, NOW + timedelta(days=30))
        review = store.record_review(card_id, 3, NOW + timedelta(days=30), 4000,
                                     card.to_dict())
        store.rebuild_states()
        assert store.state_of(card_id)["due"] == card.to_dict()["due"]
        store.undo_review(review, NOW + timedelta(days=30), new.recompute)
        assert store.state_of(card_id)["due"] == moved[key]["due"]
        store.rebuild_states(new.recompute)
        assert store.state_of(card_id)["due"] == moved[key]["due"]


def test_a_retention_change_reschedules_every_direction_and_doctor_keeps_the_dues(tmp_path):
    directions = ("forward", "reverse", "ko->en", "en->ko")
    with _store_with_reviews(tmp_path / "s.db", cards=6, directions=directions) as store:
        before = store.states_by_direction()
        old = StudyScheduler(Config(desired_retention=0.9), fuzz=False)
        new = StudyScheduler(Config(desired_retention=0.8), fuzz=False)
        result = preview(store, old, new, NOW)
        assert {d for _, d in result.moved} == set(directions)
        assert len(result.moved) == len(before) == 24
        commit(store, result.moved, 0.8, NOW)
        after = store.states_by_direction()
        assert all(after[key]["due"] > before[key]["due"] for key in before)
        assert store.event_counts()["reschedule"] == 24
        rows = store.state_rows()
        store.rebuild_states()  # doctor's replay: the same dues in every direction
        assert store.state_rows() == rows


def test_cli_reschedule_saves_retention_shows_the_workload_and_moves_cards(tmp_path, capsys):
    path = tmp_path / "s.db"
    _store_with_reviews(path).close()
    with Store.open(path, backup=False) as store:
        before = {c: s["due"] for c, s in store.card_states().items()}
    assert main(["--db", str(path), "--lang", "en", "reschedule", "--retention", "0.8",
                 "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Reviews per day over the next 30 days" in out and "cards rescheduled" in out
    assert load_config().desired_retention == 0.8
    with Store.open(path, backup=False) as store:
        after = {c: s["due"] for c, s in store.card_states().items()}
    assert after != before
    with Store.open(path, backup=False) as store:
        change = fitted_params.load(store).retention_changes[-1]
        assert (change.old, change.retention) == (None, 0.8)
        assert change.cards == store.event_counts()["reschedule"] > 0


def test_cli_reschedule_without_a_terminal_or_yes_changes_no_due_date(tmp_path, capsys):
    path = tmp_path / "s.db"
    _store_with_reviews(path).close()
    with Store.open(path, backup=False) as store:
        before = store.card_states()
    assert main(["--db", str(path), "--lang", "en", "reschedule", "--retention", "0.8"]) == 0
    assert "Due dates unchanged" in capsys.readouterr().out
    with Store.open(path, backup=False) as store:
        assert store.card_states() == before


@pytest.mark.parametrize("bad", ["0.5", "1.2"])
def test_cli_reschedule_refuses_a_retention_out_of_range(tmp_path, capsys, bad):
    path = tmp_path / "s.db"
    _store_with_reviews(path, cards=2).close()
    assert main(["--db", str(path), "reschedule", "--retention", bad, "--yes"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--retention" in err and "Traceback" not in err


def test_doctor_keeps_rescheduled_due_dates(tmp_path, capsys):
    path = tmp_path / "s.db"
    _store_with_reviews(path).close()
    assert main(["--db", str(path), "reschedule", "--retention", "0.8", "--yes"]) == 0
    with Store.open(path, backup=False) as store:
        expected = {c: s["due"] for c, s in store.card_states().items()}
    capsys.readouterr()
    assert main(["--db", str(path), "--lang", "en", "doctor"]) == 0
    assert "(all matched)" in capsys.readouterr().out  # the replay set the moved dues
    with Store.open(path, backup=False) as store:
        assert {c: s["due"] for c, s in store.card_states().items()} == expected
