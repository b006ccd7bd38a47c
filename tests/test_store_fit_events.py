"""The store's writes for `optimize`: fits and retention changes as events of
one deck, and the bulk import of a past log."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from studytui.store.sqlite_store import FORWARD, Store
from studytui.study import fitted_params
from studytui.study.scheduler import StudyScheduler

NOW = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)


def _reviews(cards: int = 5) -> list[tuple]:
    sched = StudyScheduler(fuzz=False)
    out = []
    for i in range(cards):
        at = NOW - timedelta(days=10, hours=i)
        card = sched.new_card(f"c{i}", at)
        for rating in (3, 3, 1, 3):
            card = sched.review(card, rating, at)
            out.append((f"c{i}", rating, at, 3000, card.to_dict(), "review", FORWARD))
            at = max(card.due, at + timedelta(minutes=1))
    return out


def test_an_imported_log_gives_the_states_and_rows_of_reviews_recorded_one_by_one(tmp_path):
    reviews = _reviews()
    with Store.open(tmp_path / "one.db", backup=False) as one:
        for card_id, rating, at, ms, state, source, direction in sorted(
                reviews, key=lambda r: r[2]):
            one.record_review(card_id, rating, at, ms, state, source, direction=direction)
        expected = (one.card_states(), [(r.card_id, r.rating, r.reviewed_at)
                                        for r in one.review_rows()])
    with Store.open(tmp_path / "bulk.db", backup=False) as bulk:
        assert bulk.import_reviews(reversed(reviews)) == len(reviews)  # any order in
        got = (bulk.card_states(), [(r.card_id, r.rating, r.reviewed_at)
                                    for r in bulk.review_rows()])
        assert bulk.event_counts() == {"review": len(reviews)}
    assert got == expected


def test_an_import_with_a_bad_rating_writes_nothing(tmp_path):
    reviews = _reviews(1)
    reviews[-1] = (*reviews[-1][:1], 7, *reviews[-1][2:])
    with Store.open(tmp_path / "s.db", backup=False) as store:
        with pytest.raises(ValueError, match="rating"):
            store.import_reviews(reviews)
        assert store.event_counts() == {}


def test_fits_and_retention_changes_belong_to_their_deck(tmp_path):
    path = tmp_path / "s.db"
    with Store.open(path, backup=False, deck_id="deck-a") as a:
        fitted_params.record_fit(a, NOW, [0.5] * 21, "old", {}, 0.85)
        fitted_params.record_retention(a, NOW, 0.85, {})
        fitted_params.record_retention(a, NOW + timedelta(hours=1), 0.8, {})
        changes = fitted_params.load(a).retention_changes
        assert [(c.old, c.retention, c.cards) for c in changes] == [(None, 0.85, 0),
                                                                      (0.85, 0.8, 0)]
        assert fitted_params.load(a).suggested_retention == 0.85
    with Store.open(path, backup=False, deck_id="deck-b") as b:
        assert fitted_params.load(b) == fitted_params.Fitted()
        assert fitted_params.retention_in_force(b) is None
