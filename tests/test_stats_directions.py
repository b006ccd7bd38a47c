"""Stats count every direction a card is studied in, each as a card of its own
(as Anki counts each card of a note), and say how the totals divide."""

from __future__ import annotations

import json
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from studytui.cli import main
from studytui.config import Config
from studytui.store.sqlite_store import Store
from studytui.study.stats import compute_stats
from tests.core_fixtures import T0, small_deck
from tests.test_stats import LEARNING, REVIEW, state

DAY = timedelta(days=1)
SUMMED = ("cards", "new", "due", "learning", "seen", "young", "mature", "reviews")


@pytest.fixture
def both_ways(tmp_path: Path) -> Store:
    """Forward: l1-c0 Review (young, due in 5 days). Reverse: l1-c0 Review (mature,
    overdue), l1-c1 Learning (due). ko->en: l2-c0 Review, two reviews."""
    s = Store.open(tmp_path / "reviews.db", backup=False)
    s.record_review("l1-c0", 3, T0 - DAY, 1000, state(REVIEW, T0 + 5 * DAY, 10, T0 - DAY))
    s.record_review("l1-c0", 3, T0 - 30 * DAY, 1000,
                    state(REVIEW, T0 - DAY, 40, T0 - 30 * DAY), direction="reverse")
    s.record_review("l1-c1", 1, T0 - 2 * DAY, 1000,
                    state(LEARNING, T0 - DAY, 1, T0 - 2 * DAY), direction="reverse")
    for days in (9, 3):
        s.record_review("l2-c0", 3, T0 - days * DAY, 1000,
                        state(REVIEW, T0 + 2 * DAY, 5, T0 - days * DAY), direction="ko->en")
    yield s
    s.close()


def test_every_direction_studied_counts_as_cards_of_its_own(both_ways: Store) -> None:
    st = compute_stats(small_deck(), both_ways, T0, tz=timezone.utc)
    one, two = st.per_lecture
    # Three directions in play: forward (turned on: 3 cards a lecture, new until
    # studied), and reverse and ko->en (studied, not turned on: only the cards
    # studied in them count, since a plain session brings no new card of them).
    assert (one.cards, one.seen, one.new, one.learning, one.due) == (5, 3, 2, 1, 2)
    assert (one.young, one.mature, one.reviews) == (1, 1, 3)
    assert (two.cards, two.seen, two.new, two.young, two.reviews) == (4, 1, 3, 1, 2)
    assert st.totals.cards == 9 and st.totals.seen == 4 and st.totals.reviews == 5
    assert st.forecast[0] == 2 and sum(st.forecast) == 4  # every direction's due date
    assert list(st.per_direction) == ["forward", "reverse", "ko->en"]
    fwd, rev, ko_en = st.per_direction.values()
    assert (fwd.cards, fwd.seen, rev.seen, rev.due, ko_en.seen, ko_en.reviews) == (
        6, 1, 2, 2, 1, 2)
    for field in SUMMED:  # the breakdown adds up to the totals
        assert sum(getattr(d, field) for d in st.per_direction.values()) == getattr(
            st.totals, field), field


def test_a_direction_turned_on_but_not_studied_counts_its_cards_as_new(tmp_path) -> None:
    with Store.open(tmp_path / "r.db", backup=False) as s:
        s.record_review("l1-c0", 3, T0 - DAY, 1000, state(REVIEW, T0 + 5 * DAY, 10, T0 - DAY))
        st = compute_stats(small_deck(), s, T0, Config(directions=("cross",)),
                           tz=timezone.utc)
    # forward + ko->en + en->ko: a session would bring every one of them in as new
    assert (st.totals.cards, st.totals.new, st.new_available) == (18, 17, 17)
    assert list(st.per_direction) == ["forward", "ko->en", "en->ko"]


def test_stats_json_holds_the_breakdown_by_direction(tmp_path, capsys) -> None:
    db = tmp_path / "reviews.db"
    with Store.open(db, backup=False) as s:  # a bundled card, studied both ways
        for direction in ("forward", "reverse"):
            s.record_review("neural-network", 3, T0, 1000,
                            state(REVIEW, T0 + 5 * DAY, 10, T0), direction=direction)
    assert main(["--db", str(db), "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["per_direction"]) == {"forward", "reverse"}
    assert data["per_direction"]["reverse"]["seen"] == 1 and data["totals"]["seen"] == 2
    # reverse is not turned on: its one studied card counts, not every card
    assert data["totals"]["cards"] == data["per_direction"]["forward"]["cards"] + 1
    assert data["totals"]["reviews"] == 2
