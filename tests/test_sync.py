"""`studytui sync OTHER`: both stores end with the union of their events and the
same states; what moved is said by kind in the learner's language; a damaged,
half-copied or foreign OTHER is refused in one line (exit 2) with both stores
unchanged; only the cards new events touch are replayed."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from studytui.cli import main
from studytui.store import sqlite_sync
from studytui.store.ids import uuid7
from studytui.store.lock import StoreLock
from studytui.store.sqlite_store import Store
from tests.sync_histories import T0, copy_store, derived, events, rebuilt, review, sync


def _store(path: Path, *reviews: tuple[str, int, int]) -> Path:
    """A store with reviews (card, rating, minutes after T0)."""
    with Store.open(path, backup=False) as store:
        for card, rating, minutes in reviews:
            review(store, card, rating, T0 + timedelta(minutes=minutes))
    return path


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    laptop = _store(tmp_path / "laptop.db", ("adam", 3, 0), ("momentum", 1, 5))
    desktop = _store(tmp_path / "desktop.db", ("adam", 4, 600), ("rmsprop", 3, 610),
                     ("rmsprop", 3, 2000))
    return laptop, desktop


def _sync(local: Path, other: Path, lang: str = "en") -> int:
    return main(["--db", str(local), "--lang", lang, "sync", str(other)])


def test_sync_gives_both_stores_every_event_and_the_same_states(two, capsys):
    laptop, desktop = two
    assert _sync(laptop, desktop) == 0
    assert events(laptop) == events(desktop) and len(events(laptop)) == 5
    assert derived(laptop) == derived(desktop)
    out = capsys.readouterr().out
    assert "Received 3 events" in out and "review ×3" in out
    assert "Sent 2 events" in out and "review ×2" in out
    # adam was rated on both devices the same day: its state changed on both sides
    assert "Cards whose state changed here: 2 — Adam, RMSprop" in out
    assert "Cards whose state changed in" in out and "Momentum" in out
    assert "Both stores now hold the same 5 events." in out


def test_sync_speaks_korean_and_says_each_fact_in_both_languages(two, capsys):
    laptop, desktop = two
    assert _sync(laptop, desktop, "ko") == 0
    out = capsys.readouterr().out
    assert "받은 기록 3건" in out and "복습 3건" in out and "아담 (Adam)" in out
    assert "Received" not in out
    assert _sync(laptop, desktop, "both") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("받은 기록 없음") and lines[1].startswith("Received nothing")


def test_syncing_again_changes_nothing(two, capsys):
    laptop, desktop = two
    _sync(laptop, desktop)
    before = derived(laptop), derived(desktop), events(laptop)
    capsys.readouterr()
    assert _sync(desktop, laptop) == 0
    assert (derived(laptop), derived(desktop), events(laptop)) == before
    out = capsys.readouterr().out
    assert "Received nothing" in out and "Sent nothing" in out
    assert "No card's state changed." in out


def test_a_missing_other_store_is_made_with_every_event(two, tmp_path, capsys):
    laptop, _ = two
    other = tmp_path / "synced folder" / "study.db"
    assert _sync(laptop, other) == 0
    assert events(other) == events(laptop) and derived(other) == derived(laptop)
    assert "There was no store at" in capsys.readouterr().out


def _refused(local: Path, other: Path, capsys) -> str:
    before = events(local), derived(local)
    assert _sync(local, other) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert (events(local), derived(local)) == before
    return err


def test_a_half_copied_other_store_is_refused_and_nothing_changes(two, tmp_path, capsys):
    laptop, desktop = two
    half = tmp_path / "half.db"
    half.write_bytes(desktop.read_bytes()[:5000])
    assert "not yet fully copied" in _refused(laptop, half, capsys)
    assert half.stat().st_size == 5000


def test_a_damaged_other_store_is_refused_before_any_write(two, tmp_path, capsys):
    laptop, desktop = two
    data = bytearray(desktop.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 2:page * 3] = b"\xa5" * page  # a table page overwritten: the header is fine
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    assert "damaged" in _refused(laptop, damaged, capsys)
    assert damaged.read_bytes() == bytes(data)


def test_a_store_of_another_program_or_a_newer_studytui_is_refused(two, tmp_path, capsys):
    laptop, _ = two
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (x)")
    assert "not a studytui store" in _refused(laptop, foreign, capsys)
    newer = tmp_path / "newer.db"
    _store(newer, ("adam", 3, 0))
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    assert "newer studytui" in _refused(laptop, newer, capsys)


def test_the_reason_inside_a_refusal_is_in_the_learners_language(two, tmp_path, capsys):
    laptop, _ = two
    junk = tmp_path / "junk.db"
    junk.write_text("not a store")
    assert _sync(laptop, junk, "ko") == 2
    err = capsys.readouterr().err
    assert "SQLite 데이터베이스가 아닙니다" in err and "not a SQLite database" not in err


def test_this_store_itself_or_a_folder_is_refused(two, tmp_path, capsys):
    laptop, _ = two
    assert "this very store" in _refused(laptop, laptop, capsys)
    assert "is a folder" in _refused(laptop, tmp_path, capsys)


def test_a_store_being_restored_is_refused(two, capsys):
    laptop, desktop = two
    restore = StoreLock(desktop)
    assert restore.exclusive()
    try:
        assert "being restored" in _refused(laptop, desktop, capsys)
    finally:
        restore.release()


def test_a_failed_send_keeps_what_was_received_and_the_next_sync_sends_it(
        two, monkeypatch, capsys):
    laptop, desktop = two
    theirs = events(desktop)
    real = Store.copy_events

    def disk_full_there(self, source, ids):
        if self.path == desktop:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, source, ids)

    monkeypatch.setattr(Store, "copy_events", disk_full_there)
    assert _sync(laptop, desktop) == 2
    assert "disk is full" in capsys.readouterr().err
    assert events(desktop) == theirs  # one transaction: all or nothing
    assert set(theirs) <= set(events(laptop))  # the local side received
    monkeypatch.undo()
    assert _sync(laptop, desktop) == 0
    assert events(laptop) == events(desktop) and derived(laptop) == derived(desktop)


def test_an_event_the_replay_cannot_read_stops_the_sync_in_one_line(two, capsys):
    laptop, desktop = two
    with sqlite3.connect(desktop) as conn:
        conn.execute("INSERT INTO event VALUES (?, 'x', 'review', '2026-03-02T08:00:00.000000Z',"
                     " 'studytui-bundled', 'adam', 'forward', '{}')", (uuid7(),))
    _refused(laptop, desktop, capsys)


def test_only_the_cards_new_events_touch_are_replayed(tmp_path, monkeypatch):
    shared = [(f"card-{i}", 3, i) for i in range(40)]
    laptop = _store(tmp_path / "laptop.db", *shared)
    desktop = tmp_path / "desktop.db"
    sync(laptop, desktop)
    _store(laptop, ("card-3", 4, 3000))
    _store(desktop, ("card-7", 2, 3100), ("card-3", 3, 3200))
    replayed: list[tuple[str, str, str]] = []
    real, tail = sqlite_sync.replay_one, sqlite_sync.replay_tail
    monkeypatch.setattr(sqlite_sync, "replay_one",
                        lambda conn, key, rc: (replayed.append(key), real(conn, key, rc)))
    # a card with only later reviews replays from its state as it stands
    monkeypatch.setattr(sqlite_sync, "replay_tail", lambda conn, key, row, rc: (
        replayed.append(key), tail(conn, key, row, rc))[1] or replayed.pop() and False)
    report = sync(laptop, desktop)
    assert sorted(k[1] for k in replayed) == ["card-3", "card-3", "card-7"]
    assert {k[1] for k in report.received.changed} == {"card-3", "card-7"}
    assert {k[1] for k in report.sent.changed} == {"card-3"}
    assert derived(laptop) == derived(desktop)


def test_kinds_the_replay_does_not_know_travel_and_are_named(two, capsys):
    laptop, desktop = two
    with Store.open(desktop, backup=False) as store, store._write() as conn:
        store._event(conn, uuid7(), "exam-attempt", "2026-03-02T09:00:00.000000Z", "", "",
                     {"score": 7})
    assert _sync(laptop, desktop) == 0
    assert "exam-attempt ×1" in capsys.readouterr().out
    assert events(laptop) == events(desktop)


def test_a_store_with_a_derived_table_sync_does_not_know_is_rebuilt_whole(two, monkeypatch):
    """Another kind's derived table is rebuilt by `replay.rebuild` alone, so a
    sync into a store that has one rebuilds rather than replaying card by card."""
    laptop, desktop = two
    with sqlite3.connect(laptop) as conn:
        conn.execute("CREATE TABLE card_flag (card_id TEXT)")
    rebuilt: list[object] = []
    real = sqlite_sync.rebuild
    monkeypatch.setattr(sqlite_sync, "rebuild",
                        lambda conn, *rest: (rebuilt.append(conn), real(conn, *rest)))
    report = sync(laptop, desktop)
    assert len(rebuilt) == 1  # the laptop's; the desktop has no such table
    assert {k[1] for k in report.received.changed} == {"adam", "rmsprop"}
    assert derived(laptop) == derived(desktop)


def test_one_new_review_is_said_as_one_event(two, capsys):
    laptop, desktop = two
    _sync(laptop, desktop)
    _store(desktop, ("dropout", 3, 3000))
    capsys.readouterr()
    assert _sync(laptop, desktop) == 0
    out = capsys.readouterr().out
    assert "Received 1 event (" in out and "review ×1" in out
    assert "Both stores now hold the same 6 events." in out


def test_sync_works_while_the_app_has_either_store_open(two, tmp_path):
    """Like the app, an open Store holds the lock shared: sync takes it shared too,
    and the app's next rating lands on top of the merged state."""
    laptop, desktop = two
    with Store.open(laptop, backup=False) as app, Store.open(desktop, backup=False):
        report = sync(laptop, desktop)
        assert report.received.events == 3 and report.sent.events == 2
        review(app, "adam", 3, T0 + timedelta(days=2))
    sync(desktop, laptop)
    assert events(laptop) == events(desktop) and derived(laptop) == derived(desktop)
    assert derived(laptop) == rebuilt(laptop, tmp_path / "doctor.db")


def test_a_second_sync_compares_only_the_events_added_since_the_first(two, monkeypatch):
    laptop, desktop = two
    sync(laptop, desktop)
    _store(laptop, ("dropout", 3, 3000))
    _store(desktop, ("adam", 2, 3100))
    listed: list[str | None] = []
    real = sqlite_sync.ids_of
    monkeypatch.setattr(sqlite_sync, "ids_of",
                        lambda conn, after=None: (listed.append(after), real(conn, after))[1])
    report = sync(laptop, desktop)
    assert listed and None not in listed  # never every id: only those after the marks
    assert report.received.events == report.sent.events == 1
    assert events(laptop) == events(desktop) and derived(laptop) == derived(desktop)


@pytest.mark.parametrize("restored", ["laptop", "desktop"])
def test_a_store_put_back_to_an_older_copy_is_merged_whole(two, tmp_path, restored):
    """A restore from a backup (or an older copy synced back into the folder)
    takes events away that the marks of the last sync counted as shared."""
    stores = dict(zip(("laptop", "desktop"), two, strict=True))
    laptop, desktop = two
    sync(laptop, desktop)
    older = tmp_path / "older.db"
    copy_store(stores[restored], older)
    _store(laptop, ("dropout", 3, 3000))
    _store(desktop, ("adam", 2, 3100))
    sync(laptop, desktop)
    everything = events(laptop)
    copy_store(older, stores[restored])  # the two newest events are gone from it
    _store(stores[restored], ("sgd", 4, 4000))
    sync(laptop, desktop)
    assert events(laptop) == events(desktop)
    assert set(everything) < set(events(laptop))
    assert derived(laptop) == derived(desktop) == rebuilt(laptop, tmp_path / "doctor.db")
