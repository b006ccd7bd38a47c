"""`studytui doctor`: check, rebuild, and restore the latest good backup."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from studytui.store import doctor
from studytui.store.backups import backup_path, list_backups, make_daily_backup
from studytui.store.sqlite_store import Store
from studytui.study.scheduler import StudyScheduler
from tests.core_fixtures import T0


def fill(path: Path, cards: list[str]) -> None:
    sched = StudyScheduler()
    with Store.open(path, backup=False) as s:
        for cid in cards:
            s.record_review(cid, 3, T0, 100, sched.review(sched.new_card(cid, T0), 3, T0).to_dict())


def backup_now(path: Path, day: date) -> Path:
    with Store.open(path, backup=False) as s:
        make_daily_backup(s._conn, path, day)
    return backup_path(path, day)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "reviews.db"
    fill(path, ["a", "b", "c"])
    return path


def test_sound_store_passes_and_is_rebuilt(db: Path) -> None:
    report = doctor.diagnose(db)
    assert report.status == 0
    assert f"integrity check of {db}: ok" in report.in_words()
    assert any("rebuilt from the events: 3 cards (all matched)" in x for x in report.in_words())


def test_a_damaged_state_table_is_fixed_from_the_log(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM card_state WHERE card_id = 'a'")
    conn.execute("UPDATE card_state SET due = '1999-01-01T00:00:00.000000+00:00' WHERE card_id='b'")
    conn.commit()
    conn.close()
    report = doctor.diagnose(db)
    assert report.status == 0
    assert any("(2 differed and were fixed)" in x for x in report.in_words())
    with Store.open(db, backup=False) as s:
        assert sorted(s.card_states()) == ["a", "b", "c"]
        assert s.due_index()[0][1] != "1999-01-01T00:00:00.000000+00:00"


def test_missing_store_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    report = doctor.diagnose(path)
    assert report.status == 0 and "nothing to check" in report.in_words()[0]
    assert not path.exists()


def test_corrupt_store_is_reported_and_left_alone(db: Path) -> None:
    backup_now(db, date(2026, 3, 1))
    db.write_bytes(os.urandom(4096))
    before = db.read_bytes()
    report = doctor.diagnose(db)
    assert report.status == 1
    assert "damaged" in report.in_words()[0]
    assert "studytui doctor --restore" in report.in_words()[-1]
    assert db.read_bytes() == before


def test_restore_brings_back_the_latest_backup_and_keeps_the_damaged_file(db: Path) -> None:
    backup_now(db, date(2026, 3, 1))
    fill(db, ["d"])
    backup_now(db, date(2026, 3, 2))
    damaged = os.urandom(4096)
    db.write_bytes(damaged)
    report = doctor.diagnose(db, restore=True)
    assert report.status == 0, report.in_words()
    assert any("2026-03-02" in x for x in report.in_words())
    with Store.open(db, backup=False) as s:
        assert sorted(s.card_states()) == ["a", "b", "c", "d"]
    kept = [p for p in db.parent.glob("reviews.db.replaced-*") if not p.name.endswith("-wal")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_restore_skips_a_bad_backup(db: Path) -> None:
    backup_now(db, date(2026, 3, 1))
    newest = backup_now(db, date(2026, 3, 2))
    newest.write_bytes(b"not a database at all" * 300)
    db.write_bytes(b"")
    report = doctor.diagnose(db, restore=True)
    assert report.status == 0
    assert any(x.startswith("skipped backup") for x in report.in_words())
    assert any("2026-03-01" in x and x.startswith("restored") for x in report.in_words())
    with Store.open(db, backup=False) as s:
        assert len(s.review_rows()) == 3


def test_restore_without_backups_fails_and_touches_nothing(db: Path) -> None:
    before = db.read_bytes()
    report = doctor.diagnose(db, restore=True)
    assert report.status == 1 and "no good backup" in report.in_words()[-1]
    assert db.read_bytes() == before and list_backups(db) == []


def test_main_prints_the_lines_and_returns_the_status(db: Path) -> None:
    printed: list[str] = []
    assert doctor.main(db, echo=printed.append) == 0
    assert printed == doctor.diagnose(db).in_words()[: len(printed)]
    assert printed and all("\n" not in line for line in printed)


def test_restore_keeps_a_stale_wal_with_the_damaged_file_and_never_applies_it(db: Path) -> None:
    backup_now(db, date(2026, 3, 1))
    db.write_bytes(os.urandom(4096))
    wal = db.with_name(db.name + "-wal")
    wal.write_bytes(os.urandom(1000))
    assert doctor.diagnose(db, restore=True).status == 0
    assert not wal.exists()
    assert len(list(db.parent.glob("reviews.db.replaced-*-wal"))) == 1
    with Store.open(db, backup=False) as s:
        assert len(s.review_rows()) == 3 and s.integrity_check() == []


def test_run_unpacks_into_lines_and_status_for_the_cli(db: Path) -> None:
    db.write_bytes(b"garbage" * 100)
    lines, status = doctor.run(db, restore=False)
    assert status == 1 and "damaged" in str(lines[0])


def test_doctor_speaks_korean_to_a_korean_learner(db: Path, tmp_path: Path) -> None:
    """`studytui --lang ko doctor`: the check-up's lines in Korean, not English."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "studytui", "--lang", "ko", "--db", str(db),
                          "doctor"], capture_output=True, text=True,
                         env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert "무결성 검사 통과" in out.stdout and "integrity check" not in out.stdout
