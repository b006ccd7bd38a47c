"""No review lost: restore refuses an open store and restores in place; locked is
not damaged; read-only commands create nothing; files are the learner's alone;
orphaned reviews stay and count; every message names the real cause."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from studytui.cli import main
from studytui.store import doctor
from studytui.store import errors as store_errors
from studytui.store.backups import backup_path, make_daily_backup
from studytui.store.sqlite_store import Store, StoreError
from studytui.study.scheduler import StudyScheduler
from studytui.study.stats import compute_stats
from tests.core_fixtures import T0, small_deck

# Opens the store like the app, prints "open", then rates a card every 20 ms,
# printing each id once committed, until it has made `count`; prints "done" and
# keeps the store open until a line comes on stdin.
APP = """
import sys, time
from datetime import datetime, timezone
from studytui.study.scheduler import StudyScheduler
from studytui.store.sqlite_store import Store
path, count = sys.argv[1], int(sys.argv[2])
sched = StudyScheduler()
store = Store.open(path, backup=False)
print("open", flush=True)
for i in range(count):
    now = datetime.now(timezone.utc)
    card = sched.review(sched.new_card(f"app-{i}", now), 3, now)
    print(store.record_review(f"app-{i}", 3, now, 10, card.to_dict()), flush=True)
    time.sleep(0.02)
print("done", flush=True)
sys.stdin.readline()
store.close()
"""


def fill(path: Path, cards: list[str]) -> None:
    sched = StudyScheduler()
    with Store.open(path, backup=False) as s:
        for cid in cards:
            s.record_review(cid, 3, T0, 100, sched.review(sched.new_card(cid, T0), 3, T0).to_dict())


def backup_now(path: Path, day: date = date(2026, 3, 1)) -> Path:
    with Store.open(path, backup=False) as s:
        make_daily_backup(s._conn, path, day)
    return backup_path(path, day)


def cards_in(path: Path) -> list[str]:
    with Store.open(path, backup=False) as s:
        return sorted(s.card_states())


# ---- restore while the app runs -------------------------------------------------------------

def test_restore_refuses_while_the_app_rates_and_no_rating_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "reviews.db"
    fill(path, ["a"])
    backup_now(path)
    app = subprocess.Popen([sys.executable, "-c", APP, str(path), "60"], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert app.stdout is not None and app.stdout.readline().strip() == "open"
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(app.stdout or []), daemon=True)
    reader.start()
    tries = 0
    while not any(line.strip() == "done" for line in lines):
        for force in (False, True):  # --force never overrides "open"
            report = doctor.diagnose(path, restore=True, force=force)
            tries += 1
            assert report.status == 1
            assert "the app is running" in report.in_words()[-1] and "nothing was changed" in (
                report.in_words()[-1])
        time.sleep(0.03)
    assert app.stdin is not None and app.stderr is not None
    app.stdin.write("\n")
    app.stdin.close()
    assert app.wait(timeout=60) == 0, app.stderr.read()
    reader.join(timeout=10)
    acknowledged = {line.strip() for line in lines} - {"done"}
    assert tries >= 2 and len(acknowledged) == 60
    with Store.open(path, backup=False) as s:
        assert acknowledged <= {r.id for r in s.review_rows()}


def test_restore_of_a_sound_store_needs_force_and_then_works_in_place(tmp_path: Path) -> None:
    path = tmp_path / "reviews.db"
    fill(path, ["a", "b"])
    backup_now(path)
    fill(path, ["c"])
    before = path.read_bytes()
    report = doctor.diagnose(path, restore=True)
    assert report.status == 1 and "is sound: nothing to restore" in report.in_words()[0]
    assert path.read_bytes() == before
    inode = path.stat().st_ino
    report = doctor.diagnose(path, restore=True, force=True)
    assert report.status == 0, report.in_words()
    assert path.stat().st_ino == inode  # in place: a writer's file stays the store
    assert cards_in(path) == ["a", "b"]
    kept = [p for p in tmp_path.glob("reviews.db.replaced-*") if not p.name.endswith("-wal")]
    assert len(kept) == 1 and kept[0].read_bytes() == before
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600


def test_a_store_opened_during_a_restore_waits_its_turn(tmp_path: Path) -> None:
    from studytui.store.lock import StoreLock

    path = tmp_path / "reviews.db"
    fill(path, ["a"])
    lock = StoreLock(path)
    assert lock.exclusive()
    try:
        with pytest.raises(StoreError, match="being restored"):
            Store.open(path, backup=False)
    finally:
        lock.release()
    assert cards_in(path) == ["a"]


# ---- locked is not damaged -------------------------------------------------------------------

@pytest.mark.parametrize("how", ["writer", "exclusive"])
def test_doctor_on_a_store_locked_by_another_program_says_locked_not_damaged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.setattr(store_errors, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "reviews.db"
    fill(path, ["a"])
    backup_now(path)
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    if how == "exclusive":  # e.g. a sqlite3 shell with locking_mode=EXCLUSIVE
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE meta SET value = value")
    try:
        before = path.read_bytes()
        for restore in (False, True):
            report = doctor.diagnose(path, restore=restore, force=restore)
            text = "\n".join(report.in_words())
            assert report.status == 1
            assert "locked" in text and "not damaged" in text and "try again" in text
            assert "--restore" not in text and "damaged:" not in text
        assert path.read_bytes() == before
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert doctor.diagnose(path).status == 0


# ---- read-only commands on a missing store --------------------------------------------------

@pytest.mark.parametrize("argv", [["stats"], ["stats", "--json"], ["doctor"]])
def test_a_read_only_command_where_there_is_no_store_says_so_and_creates_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    path = tmp_path / "not" / "yet" / "reviews.db"
    assert main([*argv, "--db", str(path)]) == 0
    out, err = capsys.readouterr()
    assert f"no review store at {path}" in out + err and "nothing was created" in out + err
    assert list(tmp_path.iterdir()) == []


# ---- the learner's files are the learner's alone --------------------------------------------

def test_store_backups_lock_and_config_are_private_and_a_users_folder_is_left_alone(
        tmp_path: Path) -> None:
    from studytui.config import Config, save_config

    old = os.umask(0o022)
    try:
        tmp_path.chmod(0o755)
        path = tmp_path / "made" / "by" / "us" / "reviews.db"
        with Store.open(path, backup=False) as s:
            fill(path, ["a"])
            make_daily_backup(s._conn, path, date(2026, 3, 1))
            files = [path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.lock"),
                     backup_path(path, date(2026, 3, 1))]
            for f in files:
                assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
        config = save_config(Config(), tmp_path / "cfg" / "studytui" / "config.toml")
        assert stat.S_IMODE(config.stat().st_mode) == 0o600
    finally:
        os.umask(old)
    for folder in (tmp_path / "made", tmp_path / "made" / "by", path.parent,
                   path.parent / "backups", config.parent, config.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755  # the user's own: untouched


# ---- orphaned reviews -----------------------------------------------------------------------

def test_reviews_of_a_card_gone_from_the_deck_stay_count_everywhere_and_doctor_names_them(
        tmp_path: Path) -> None:
    path = tmp_path / "reviews.db"
    deck = small_deck(1, 2)  # l1-c0, l1-c1
    fill(path, ["l1-c0", "gone-card", "gone-card"])
    now = T0 + timedelta(hours=1)
    with Store.open(path, backup=False) as s:
        full = compute_stats(deck, s, now)
        home = compute_stats(deck, s, now, history=False)
    assert full.totals.reviews == 3 and full.orphaned_reviews == 2
    assert full.per_lecture[0].reviews == 1
    today = max(full.reviews_per_day)
    assert full.reviews_per_day[today] == home.reviews_per_day[today] == 3
    report = doctor.diagnose(path, card_ids=set(deck.cards))
    assert report.status == 0
    assert any(line.startswith("orphaned: 2 reviews of 1 card no longer") and "gone-card" in line
               for line in report.in_words())
    assert doctor.diagnose(path, card_ids={"l1-c0", "gone-card"}).in_words() == [
        line for line in doctor.diagnose(path, card_ids={"l1-c0", "gone-card"}).in_words()
        if not line.startswith("orphaned")]


# ---- honest messages ------------------------------------------------------------------------

def _one_line_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        status = exc.code
    assert status == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("command", ["stats", "doctor", "review"])
def test_a_db_path_that_cannot_be_a_store_is_named_for_what_it_is(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    (tmp_path / "a-file").write_text("x")
    before = sorted(p.name for p in tmp_path.iterdir())
    folder = _one_line_error([command, "--db", str(tmp_path)], capsys)
    assert "is a folder, not a file" in folder and "damaged" not in folder
    blocked = _one_line_error([command, "--db", str(tmp_path / "a-file" / "r.db")], capsys)
    assert "a-file is a file, not a folder" in blocked and "damaged" not in blocked
    empty = _one_line_error([command, "--db", ""], capsys)
    assert "empty path" in empty
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_backups_path_that_is_a_file_or_read_only_is_named_in_the_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "reviews.db"
    fill(path, ["a"])
    (tmp_path / "backups").write_text("not a folder")
    with Store.open(path) as s:
        assert len(s.warnings) == 1
        assert "backups is a file, not a folder" in str(s.warnings[0])
        assert "damaged" not in str(s.warnings[0])
    (tmp_path / "backups").unlink()
    (tmp_path / "backups").mkdir()
    (tmp_path / "backups").chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: ask as a learner would be answered
        real = os.access
        monkeypatch.setattr("studytui.store.backups.os.access",
                            lambda p, mode: False if Path(p).name == "backups" else real(p, mode))
    with Store.open(path) as s:
        assert len(s.warnings) == 1 and "is read-only" in str(s.warnings[0]), s.warnings
    assert cards_in(path) == ["a"]


KILLED = """
import os, signal, sys
from datetime import datetime, timezone
from studytui.study.scheduler import StudyScheduler
from studytui.store.sqlite_store import Store
s = Store.open(sys.argv[1], backup=False)
sched = StudyScheduler()
for i in range(int(sys.argv[2])):
    now = datetime.now(timezone.utc)
    state = sched.review(sched.new_card(f"c{i}", now), 3, now).to_dict()
    s.record_review(f"c{i}", 3, now, 10, state)
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.parametrize("reviews", [1, 40, 400])
def test_a_deleted_wal_is_named_and_nothing_is_written_until_it_is_back(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], reviews: int) -> None:
    path = tmp_path / "reviews.db"
    if reviews == 400:  # a store with a checkpointed past and recent work in the WAL
        fill(path, [f"old-{i}" for i in range(300)])
    done = subprocess.run([sys.executable, "-c", KILLED, str(path), str(reviews)])
    assert done.returncode == -signal.SIGKILL
    wal = Path(f"{path}-wal")
    shutil.move(wal, tmp_path / "aside-wal")
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Store.open(path, backup=False)
    message = str(err.value)
    assert "missing its write-ahead log" in message and "not damaged" in message
    line = _one_line_error(["stats", "--db", str(path)], capsys)
    assert "missing its write-ahead log" in line
    report = doctor.diagnose(path)
    assert report.status == 1 and "missing its write-ahead log" in report.in_words()[0]
    assert path.read_bytes() == before and not wal.exists()
    shutil.move(tmp_path / "aside-wal", wal)  # put back: every review is there
    with Store.open(path, backup=False) as s:
        assert {f"c{i}" for i in range(reviews)} <= set(s.card_states())
