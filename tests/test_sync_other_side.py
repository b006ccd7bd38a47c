"""A first sync of large stores does OTHER's side in a process of its own,
beside the local side (store/other_side.py): it gives what one process gives,
commits only after the local side has committed, and when it cannot do its
part (OTHER cannot take the derived tables whole, or the process fails) this
process does it, with the same result."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest

from studytui.store import other_side, sqlite_sync
from studytui.store.ids import uuid7
from studytui.store.other_side import OtherSide
from studytui.store.sqlite_snapshot import SyncRefused
from tests.sync_histories import copy_store, derived, events, rebuilt, reviewed, sync


def _store(path: Path, device: int) -> Path:
    return reviewed(path, device, 24, cards=5, hours=7, spread=5)


@pytest.fixture
def pairs(tmp_path: Path) -> tuple[tuple[Path, Path], tuple[Path, Path]]:
    """Two laptop/desktop pairs, the same stores twice."""
    laptop, desktop = _store(tmp_path / "l.db", 0), _store(tmp_path / "d.db", 1)
    copy_store(laptop, tmp_path / "l2.db")
    copy_store(desktop, tmp_path / "d2.db")
    return (laptop, desktop), (tmp_path / "l2.db", tmp_path / "d2.db")


@pytest.fixture
def finishes(monkeypatch) -> list[object]:
    """What each process said when told the local side committed (None: nothing
    done there); the process used whatever the stores' size."""
    said: list[object] = []
    real = OtherSide.finish
    monkeypatch.setattr(OtherSide, "finish",
                        lambda side, mark: said.append(real(side, mark)) or said[-1])
    monkeypatch.setattr(other_side, "BESIDE_MIN", 0)
    return said


def _whole(monkeypatch) -> None:
    """Every sync replays every card, as a first sync of a year of reviews does."""
    monkeypatch.setattr(sqlite_sync, "REBUILD_MIN", -1)
    monkeypatch.setattr(sqlite_sync, "REBUILD_SHARE", -1)


def _same_as_one_process(beside: tuple[Path, Path], alone: tuple[Path, Path],
                         monkeypatch) -> None:
    with monkeypatch.context() as m:
        m.setattr(other_side, "BESIDE_MIN", 10**12)
        alone_report = sync(*alone)
    report = sync(*beside)
    assert (report.received.kinds, report.sent.kinds, report.same) == (
        alone_report.received.kinds, alone_report.sent.kinds, alone_report.same)
    assert report.sent.changed == alone_report.sent.changed
    assert events(beside[1]) == events(alone[1]) == events(beside[0])
    assert derived(beside[1]) == derived(alone[1]) == derived(beside[0])


def test_other_side_in_its_own_process_gives_what_one_process_gives(
        pairs, finishes, monkeypatch, tmp_path):
    _whole(monkeypatch)
    beside, alone = pairs
    _same_as_one_process(beside, alone, monkeypatch)
    assert len(finishes) == 1 and finishes[0] is not None  # the process did it
    assert derived(beside[1]) == rebuilt(beside[1], tmp_path / "doctor.db")
    assert sync(*beside).received.events == 0  # and the marks it left hold


def test_when_other_cannot_take_the_tables_whole_this_process_replays_its_cards(
        pairs, finishes, monkeypatch):
    """OTHER has a derived table only `rebuild` knows (another kind's): its cards
    are replayed, with the scheduler, which is this process's."""
    beside, alone = pairs
    for path in (beside[1], alone[1]):
        with closing(sqlite3.connect(path)) as conn, conn:
            conn.execute("CREATE TABLE card_flag (card_id TEXT)")
    _same_as_one_process(beside, alone, monkeypatch)
    assert finishes == [None]


def test_a_process_that_fails_leaves_the_work_to_this_one(pairs, finishes, monkeypatch):
    _whole(monkeypatch)
    monkeypatch.setattr(other_side, "_command",
                        lambda args: [sys.executable, "-c", "raise SystemExit(3)"])
    beside, alone = pairs
    _same_as_one_process(beside, alone, monkeypatch)
    assert finishes == [None]


def test_when_the_local_side_fails_other_is_left_as_it_was(pairs, finishes, monkeypatch):
    """OTHER's transaction, begun beside the local one, rolls back with it."""
    _whole(monkeypatch)
    (laptop, desktop), _ = pairs
    with closing(sqlite3.connect(desktop)) as conn, conn:  # an event the replay cannot read
        conn.execute("INSERT INTO event VALUES (?, 'x', 'review', '2026-03-02T08:00:00.000000Z',"
                     " 'studytui-bundled', 'card-1', 'forward', '{}')", (uuid7(),))
    before = events(laptop), derived(laptop), events(desktop), derived(desktop)
    went: list[bool] = []
    real = OtherSide.go
    monkeypatch.setattr(OtherSide, "go", lambda side: went.append(True) or real(side))
    with pytest.raises(SyncRefused):
        sync(laptop, desktop)
    assert went == [True]  # OTHER's copy had begun
    assert (events(laptop), derived(laptop), events(desktop), derived(desktop)) == before
    assert finishes == []
