"""`studytui stats` and `studytui doctor` through the command line, against a
store filled by hand: the numbers printed are the store's."""

from __future__ import annotations

import json
from datetime import timedelta

from studytui.cli import main
from studytui.clock import utcnow
from studytui.config import Config
from studytui.content.loader import load_deck
from studytui.store.sqlite_store import Store
from studytui.study.scheduler import StudyScheduler


def _review(store: Store, card_id: str, ratings: list[int]) -> None:
    scheduler = StudyScheduler(Config())
    card = scheduler.new_card(card_id)
    at = utcnow() - timedelta(days=2)
    for rating in ratings:
        card = scheduler.review(card, rating, at, 4000)
        store.record_review(card_id, rating, at, 4000, card.to_dict())
        at += timedelta(minutes=15)


def test_stats_json_counts_what_the_store_holds(tmp_path, capsys):
    db = tmp_path / "r.db"
    deck = load_deck()
    lecture3 = [c.id for c in deck.lecture(3).cards]
    with Store.open(db) as store:
        _review(store, lecture3[0], [3, 3])
        _review(store, lecture3[1], [1])
    assert main(["--db", str(db), "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    row = next(r for r in data["per_lecture"] if r["number"] == 3)
    assert row["cards"] == len(lecture3)
    assert row["new"] == len(lecture3) - 2
    assert row["reviews"] == 3
    assert data["totals"]["reviews"] == 3


def test_stats_text_shows_every_lecture_title(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "r.db"), "--lang", "ko", "stats"]) == 0
    out = capsys.readouterr().out
    for lecture in load_deck().lectures:
        assert lecture.title.ko.split()[0] in out


def test_stats_on_a_damaged_store_is_one_line_exit_2(tmp_path, capsys):
    db = tmp_path / "r.db"
    db.write_bytes(b"this is not sqlite" * 100)
    assert main(["--db", str(db), "stats"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "damaged" in err[0]
    assert db.read_bytes() == b"this is not sqlite" * 100  # left untouched


def test_doctor_on_a_sound_store_exits_0(tmp_path, capsys):
    db = tmp_path / "r.db"
    with Store.open(db) as store:
        _review(store, "adam", [3])
    assert main(["--db", str(db), "doctor"]) == 0
    assert capsys.readouterr().out.strip()
