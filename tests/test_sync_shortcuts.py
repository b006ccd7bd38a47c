"""The sync's shortcuts give what the whole replay gives, or step aside: a
card replayed from its state as it stands (`replay_tail`), a first sync's
second side copying the first side's derived tables (`copy_derived`), and
events copied inside SQLite from an attached store (`copy_events`), refused
unless they are exactly the ones asked for."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from studytui.store import sqlite_sync
from studytui.store.sqlite_store import Store
from studytui.store.sqlite_sync import copy_derived, mark_of
from studytui.store.sync_attach import PEER, BadCopy, attached, copy_events
from studytui.study.scheduler import StudyScheduler, fuzz_seed
from tests.sync_histories import T0, derived, events, rebuilt, review, reviewed, sync


def _store(path: Path, device: int, count: int = 30) -> Path:
    return reviewed(path, device, count, cards=6, hours=9, spread=7)


def test_a_second_sync_replays_cards_from_their_state_and_agrees_with_doctor(
        tmp_path, monkeypatch):
    laptop, desktop = _store(tmp_path / "l.db", 0), _store(tmp_path / "d.db", 1)
    sync(laptop, desktop)  # every card's history now interleaves both devices'
    later = T0 + timedelta(days=30)
    with Store.open(laptop, backup=False) as store:
        review(store, "card-1", 3, later)
        review(store, "card-2", 1, later + timedelta(minutes=1))
    with Store.open(desktop, backup=False) as store:
        review(store, "card-3", 4, later + timedelta(hours=2))
    tails: list[bool] = []
    real = sqlite_sync.replay_tail
    monkeypatch.setattr(sqlite_sync, "replay_tail",
                        lambda *args: (tails.append(real(*args)), tails[-1])[1])
    sync(laptop, desktop)
    assert tails and all(tails)  # each card went the short way
    assert derived(laptop) == derived(desktop) == rebuilt(laptop, tmp_path / "doctor.db")


def test_a_review_whose_recorded_state_is_not_the_one_computed_gets_the_whole_replay(
        tmp_path, monkeypatch):
    """A review made with another desired retention on the other device: its
    recorded state is not what this replay computes, so where the whole replay
    keeps it or computes it again decides, and only the whole replay knows."""
    laptop, desktop = _store(tmp_path / "l.db", 0), _store(tmp_path / "d.db", 1)
    sync(laptop, desktop)
    at = T0 + timedelta(days=30)
    other = StudyScheduler(parameters=None)
    other.fsrs.desired_retention = 0.8
    with Store.open(desktop, backup=False) as store:
        before = store.state_of("card-1")
        assert before is not None
        after = other.review(other.card_from_state(before), 3, at, 3000,
                             seed=fuzz_seed("card-1", at, 3))
        store.record_review("card-1", 3, at, 3000, after.to_dict())
    tails: list[bool] = []
    real = sqlite_sync.replay_tail
    monkeypatch.setattr(sqlite_sync, "replay_tail",
                        lambda *args: (tails.append(real(*args)), tails[-1])[1])
    sync(laptop, desktop)
    assert tails == [False]
    # (the desktop keeps the state its own retention gave: retention is not an event)
    assert derived(laptop) == rebuilt(laptop, tmp_path / "doctor.db")


def test_derived_tables_are_copied_only_while_the_source_holds_what_was_compared(tmp_path):
    source, target = _store(tmp_path / "s.db", 0), _store(tmp_path / "t.db", 1, 3)
    sync(source, target)  # the same events on both sides now
    with sqlite3.connect(source) as conn:
        mark = mark_of(conn)
    with Store.open(source, backup=False) as store:
        review(store, "card-0", 2, T0 + timedelta(days=60))  # after the comparison
    dst = sqlite3.connect(target, isolation_level=None)
    try:
        with attached(dst, source) as ok:
            assert ok
            assert copy_derived(dst, mark) is None  # not the events compared
            dst.execute("BEGIN")
            assert copy_derived(dst, mark_of(dst, PEER)) == {(
                "studytui-bundled", "card-0", "forward")}
            dst.execute("COMMIT")
    finally:
        dst.close()
    assert derived(target) == derived(source) and events(target) != events(source)


def test_a_first_syncs_second_side_copies_the_tables_the_first_side_rebuilt(
        tmp_path, monkeypatch):
    """Not replayed again on the second side: SQLite copies the first side's
    tables whole, and they are what doctor rebuilds from the events."""
    laptop, desktop = _store(tmp_path / "l.db", 0), _store(tmp_path / "d.db", 1)
    monkeypatch.setattr(sqlite_sync, "REBUILD_MIN", -1)
    monkeypatch.setattr(sqlite_sync, "REBUILD_SHARE", -1)
    rebuilds: list[int] = []
    real = sqlite_sync.rebuild
    monkeypatch.setattr(sqlite_sync, "rebuild", lambda *args: rebuilds.append(1) or real(*args))
    report = sync(laptop, desktop)
    assert report.received.events and report.sent.events and report.same
    assert rebuilds == [1]  # the local side's; the other side copied
    assert derived(laptop) == derived(desktop) == rebuilt(laptop, tmp_path / "doctor.db")


@pytest.mark.parametrize("rows, asked, why", [
    ([("a", "{}"), ("b", "{}"), ("b", "{}")], ["a", "b"], "UNIQUE"),  # one id found twice
    ([("a", "{}")], ["a", "b"], "2 events asked for, 1 found"),  # an id the list had
    ([("a", "{}"), ("b", '{"rating": 3')], ["a", "b"], "event b: payload is not JSON"),
], ids=["doubled", "missing", "not-json"])
def test_events_copied_from_an_attached_store_are_exactly_those_asked_for_and_json(
        tmp_path, rows, asked, why):
    """The peer's event table answers the way a damaged id index might."""
    with sqlite3.connect(tmp_path / "peer.db") as peer:
        peer.execute("CREATE TABLE event (id, device_id, kind, at, deck_id, card_id,"
                     " direction, payload)")
        peer.executemany("INSERT INTO event VALUES (?, 'd', 'review', 't', 'k', 'c',"
                         " 'forward', ?)", rows)
    Store.open(tmp_path / "ours.db", backup=False).close()
    conn = sqlite3.connect(tmp_path / "ours.db", isolation_level=None)
    try:
        with attached(conn, tmp_path / "peer.db") as ok:
            assert ok
            conn.execute("BEGIN")
            with pytest.raises(BadCopy, match=why):
                copy_events(conn, asked)
            conn.execute("ROLLBACK")
            assert conn.execute("SELECT count(*) FROM event").fetchone() == (0,)
    finally:
        conn.close()
