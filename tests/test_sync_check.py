"""Which check a sync gives OTHER's snapshot (store/sync_check.py): the full
`integrity_check` on a first sync, when the marks of the last sync no longer
hold, a week after the last full check, and on `--full-check`; the quick check
otherwise, which still refuses a damaged or half-copied OTHER; events read
through an index it does not compare are checked as they are read."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from studytui.cli import main
from studytui.store import sqlite_snapshot
from studytui.store.sqlite_snapshot import Snapshot, SyncRefused
from studytui.store.sqlite_store import Store
from studytui.store.sync_files import sync_files
from tests.sync_histories import RECOMPUTE, T0, copy_store, derived, events, review

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


def _add(path: Path, *minutes: int) -> Path:
    with Store.open(path, backup=False) as store:
        for n in minutes:
            review(store, f"card-{n % 20}", 1 + n % 4, T0 + timedelta(minutes=n))
    return path


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    """Two stores of 60 reviews each over 20 cards."""
    return (_add(tmp_path / "laptop.db", *range(0, 1800, 30)),
            _add(tmp_path / "desktop.db", *range(7, 1807, 30)))


@pytest.fixture
def checks(monkeypatch) -> list[bool]:
    """Each check a snapshot got: True for the full one, False for the quick one."""
    seen: list[bool] = []
    real = Snapshot.start_check
    monkeypatch.setattr(Snapshot, "start_check", lambda snapshot, full, after=None: (
        seen.append(full), real(snapshot, full, after))[1])
    return seen


def _sync(local: Path, other: Path, now: datetime = NOW, full: bool = False) -> str | None:
    return sync_files(local, other, RECOMPUTE, backup=False, now=now, full_check=full).check


def test_a_first_sync_checks_fully_and_the_next_one_quickly(two, checks):
    laptop, desktop = two
    assert _sync(laptop, desktop) == "full"
    _add(desktop, 5000)
    assert _sync(laptop, desktop, NOW + timedelta(hours=1)) == "quick"
    assert checks == [True, False]
    assert events(laptop) == events(desktop) and derived(laptop) == derived(desktop)


def test_a_week_after_the_last_full_check_the_check_is_full_again(two, checks):
    laptop, desktop = two
    _sync(laptop, desktop)
    week = timedelta(days=7)
    assert _sync(laptop, desktop, NOW + week - timedelta(minutes=1)) == "quick"
    assert _sync(laptop, desktop, NOW + week) == "full"
    # the week counts again from that full check
    assert _sync(laptop, desktop, NOW + 2 * week - timedelta(minutes=1)) == "quick"
    # a last check that seems to lie ahead (the clock was wrong then) is no excuse
    assert _sync(laptop, desktop, NOW - timedelta(days=1)) == "full"
    assert checks == [True, False, True, False, True]


def test_full_check_is_per_peer(two, tmp_path, checks):
    laptop, desktop = two
    _sync(laptop, desktop)
    server_copy = _add(tmp_path / "third.db", 9)
    assert _sync(laptop, server_copy, NOW + timedelta(hours=1)) == "full"  # new to the laptop
    assert _sync(laptop, desktop, NOW + timedelta(hours=2)) == "quick"


def test_an_other_store_put_back_to_an_older_copy_gets_the_full_check(two, tmp_path, checks):
    """The marks no longer hold: OTHER is not the file the last sync saw (a
    backup put back, an older copy synced into the folder), and nothing about
    it can be taken from then."""
    laptop, desktop = two
    _sync(laptop, desktop)
    older = tmp_path / "older.db"
    copy_store(desktop, older)
    _add(laptop, 5000)
    _add(desktop, 5010)
    assert _sync(laptop, desktop, NOW + timedelta(hours=1)) == "quick"
    copy_store(older, desktop)
    assert _sync(laptop, desktop, NOW + timedelta(hours=2)) == "full"
    assert checks == [True, False, True]
    assert events(laptop) == events(desktop)


def test_the_full_check_option_forces_it_and_the_report_says_which_ran(two, checks, capsys):
    laptop, desktop = two
    _sync(laptop, desktop, datetime.now(timezone.utc))
    run = ["--db", str(laptop), "--lang", "en", "sync", str(desktop)]
    assert main(run) == 0
    assert "got the quick check" in capsys.readouterr().out
    assert main([*run, "--full-check"]) == 0
    assert "was checked fully" in capsys.readouterr().out
    assert main(["--db", str(laptop), "--lang", "ko", "sync", str(desktop)]) == 0
    assert "빠르게 검사했습니다(quick check)" in capsys.readouterr().out
    assert checks == [True, False, True, False]


def _refused_quickly(laptop: Path, desktop: Path, broken: bytes, checks: list[bool]) -> None:
    before = events(laptop), derived(laptop)
    desktop.write_bytes(broken)
    checks.clear()
    with pytest.raises(SyncRefused) as refused:
        _sync(laptop, desktop, NOW + timedelta(hours=1))
    assert refused.value.key == "sync.damaged"
    assert checks == [False]  # found on the quick path
    assert (events(laptop), derived(laptop)) == before
    assert desktop.read_bytes() == broken


def test_a_half_copied_other_is_refused_on_a_second_sync_too(two, checks):
    laptop, desktop = two
    _sync(laptop, desktop)
    _add(desktop, *range(5000, 5400, 20))
    data = bytearray(desktop.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    # The last pages did not arrive, and the header's page count is not one
    # SQLite trusts (written by an older SQLite), so only a check can tell.
    data[92:96] = b"\0\0\0\1"
    _refused_quickly(laptop, desktop, bytes(data[:-3 * page]), checks)


@pytest.mark.parametrize("table", ["review_log", "review_log_stats", "card_state"])
def test_a_damaged_page_of_other_is_refused_on_a_second_sync_too(two, checks, table):
    laptop, desktop = two
    _sync(laptop, desktop)
    _add(desktop, 5000)
    with sqlite3.connect(desktop) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            (table,)).fetchone()[0]
    data = bytearray(desktop.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[(root - 1) * page:root * page] = b"\xa5" * page
    _refused_quickly(laptop, desktop, bytes(data), checks)


def _snapshot(rows: list[tuple[str, str]]) -> Snapshot:
    """A snapshot whose event table answers lookups by id the way a damaged id
    index might: with a row twice, or a payload that is not JSON."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE meta (key, value)")
    conn.execute("CREATE TABLE event (id, device_id, kind, at, deck_id, card_id, direction,"
                 " payload)")
    conn.executemany("INSERT INTO event VALUES (?, 'd', 'review', 't', 'k', 'c', 'forward', ?)",
                     rows)
    return Snapshot(conn, Path("other.db"))


@pytest.mark.parametrize("rows, asked", [
    ([("a", "{}"), ("b", "{}"), ("b", "{}")], ["a", "b"]),  # one id found twice
    ([("a", "{}")], ["a", "b"]),  # an id the list had, missing from the lookup
    ([("a", "{}"), ("b", '{"rating": 3')], ["a", "b"]),  # a payload cut short
], ids=["doubled", "missing", "not-json"])
def test_events_read_from_other_are_exactly_those_asked_for_and_json(rows, asked):
    with pytest.raises(SyncRefused) as refused:
        _snapshot(rows).fetch_events(asked)
    assert refused.value.key == "sync.damaged"
    assert [e[0] for e in _snapshot([("a", "{}"), ("b", "[1]")]).fetch_events(asked)] == asked


def _bad_payload(path: Path, event_id: str) -> None:
    """An event whose payload is not JSON, as another program could write it."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("INSERT INTO event VALUES (?, 'x', 'review', '2026-03-09T08:00:00.000000"
                     "+00:00', 'studytui-bundled', 'card-1', 'forward', '{\"rating\": 3')",
                     (event_id,))


def test_an_event_that_is_not_json_is_refused_on_the_quick_path_when_it_is_read(two, checks):
    """The quick check leaves CHECK constraints (json_valid of every payload) to
    the full one; an event the sync reads is checked as it is read."""
    laptop, desktop = two
    _sync(laptop, desktop)
    before = events(laptop), derived(laptop)
    _bad_payload(desktop, "01ffffff-0000-7000-8000-000000000000")
    with pytest.raises(SyncRefused) as refused:
        _sync(laptop, desktop, NOW + timedelta(hours=1))
    assert refused.value.key == "sync.damaged" and "not JSON" in str(refused.value)
    assert checks == [True, False] and (events(laptop), derived(laptop)) == before


def test_only_the_full_check_finds_what_breaks_a_check_constraint(two, checks):
    """A derived row no sync reads, out of its CHECK (another program wrote it):
    the quick check passes over it, the weekly full one refuses the store."""
    laptop, desktop = two
    _sync(laptop, desktop)
    with sqlite3.connect(desktop) as conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("UPDATE review_log SET rating = 9 WHERE rowid = 1")
    assert _sync(laptop, desktop, NOW + timedelta(hours=1)) == "quick"
    with pytest.raises(SyncRefused) as refused:
        _sync(laptop, desktop, NOW + timedelta(days=8))
    assert "CHECK constraint failed" in str(refused.value) and checks == [True, False, True]


def test_no_room_for_the_copy_is_said_as_such_not_as_damage(two, tmp_path, monkeypatch):
    """The copy of OTHER goes to a scratch folder (a container's /dev/shm is
    often 64 MB): a full one is named, and OTHER is not called damaged."""
    laptop, desktop = two
    before = events(laptop), events(desktop)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(sqlite_snapshot, "_scratch_dir", lambda size: str(scratch))

    def full(*_: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sqlite_snapshot, "_give_up_when_busy", lambda: full)
    with pytest.raises(SyncRefused) as refused:
        _sync(laptop, desktop)
    assert refused.value.key == "sync.no_room" and str(scratch) in str(refused.value)
    assert (events(laptop), events(desktop)) == before
    assert list(scratch.iterdir()) == []  # the scratch copy is gone


def test_the_scratch_folder_is_memory_only_with_room_to_spare(monkeypatch):
    class Room:
        f_frsize = 4096

        def __init__(self, free: int) -> None:
            self.f_bavail = free // 4096

    monkeypatch.setattr(sqlite_snapshot.os, "access", lambda *_: True)
    monkeypatch.setattr(sqlite_snapshot.os, "statvfs", lambda _: Room(64 << 20))
    assert sqlite_snapshot._scratch_dir(300 << 20) is None  # a container's 64 MB
    monkeypatch.setattr(sqlite_snapshot.os, "statvfs", lambda _: Room(8 << 30))
    assert sqlite_snapshot._scratch_dir(300 << 20) == "/dev/shm"
