"""`studytui export reviews`: the review log in fsrs-optimizer's columns."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from pathlib import Path

from studytui.cli import main
from studytui.store.sqlite_store import Store
from studytui.study.review_export import COLUMNS, integer_card_id
from studytui.study.scheduler import StudyScheduler

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def _review(store: Store, scheduler: StudyScheduler, card_id: str, rating: int,
            at: datetime, duration: int | None) -> int:
    state = store.state_of(card_id)
    card = scheduler.card_from_state(state) if state else scheduler.new_card(card_id, at)
    after = scheduler.review(card, rating, at)
    return store.record_review(card_id, rating, at, duration, after.to_dict())


def test_reviews_export_in_fsrs_optimizer_columns_of_this_deck_without_undone_ones(tmp_path: Path):
    db = tmp_path / "r.db"
    store = Store.open(db, backup=False)
    scheduler = StudyScheduler()
    _review(store, scheduler, "adam", 3, T0, 4200)
    _review(store, scheduler, "adam", 1, T0 + timedelta(days=3), None)
    undone = _review(store, scheduler, "sgd", 4, T0 + timedelta(days=4), 900)
    store.undo_review(undone, T0 + timedelta(days=4, seconds=5))
    store.close()
    with Store.open(db, backup=False, deck_id="deck-another") as other:  # another deck's adam
        _review(other, scheduler, "adam", 3, T0, 100)
    out = tmp_path / "revlog.csv"
    assert main(["--db", str(db), "export", "reviews", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 2
    first, second = rows
    adam = integer_card_id("studytui-bundled", "adam")
    assert int(first["card_id"]) == adam == int(second["card_id"])
    assert first["review_time"] == str(int(T0.timestamp() * 1000))
    assert (first["review_rating"], first["review_state"], first["review_duration"]) == (
        "3", "0", "4200")  # a new card before its first review
    assert second["review_state"] in {"1", "2"} and second["review_duration"] == ""
    assert (first["deck_id"], first["card"]) == ("studytui-bundled", "adam")


def test_export_reviews_without_a_store_creates_nothing(tmp_path: Path, capsys):
    assert main(["--db", str(tmp_path / "none.db"), "export", "reviews",
                 "--out", str(tmp_path / "r.csv")]) == 2
    assert "no review store" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
