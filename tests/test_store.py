"""The review store: schema, committed writes, undo, rebuild, backups, bad files."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from studytui.store.backups import KEEP, list_backups, make_daily_backup
from studytui.store.migrations import SCHEMA_VERSION
from studytui.store.sqlite_store import Store, StoreError, iso
from studytui.study.scheduler import StudyScheduler
from tests.core_fixtures import T0

SCHED = StudyScheduler(fuzz=False)


def state_after(card_id: str, ratings: list[int], start=T0) -> list[dict]:
    """fsrs states after each of `ratings`, one minute apart."""
    card = SCHED.new_card(card_id, start)
    out = []
    for i, rating in enumerate(ratings):
        card = SCHED.review(card, rating, start + timedelta(minutes=i))
        out.append(card.to_dict())
    return out


def add(store: Store, card_id: str, rating: int, minutes: int = 0, source="review") -> int:
    state = state_after(card_id, [rating])[0]
    return store.record_review(card_id, rating, T0 + timedelta(minutes=minutes), 1000, state,
                               source)


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "data" / "reviews.db")
    yield s
    s.close()


def other_connection(store: Store) -> sqlite3.Connection:
    return sqlite3.connect(store.path)


def test_open_creates_folder_schema_version_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "reviews.db"
    with Store.open(path):
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"event", "meta", "review_log", "card_state", "quiz_log"} <= tables
        conn.close()


def test_reopening_keeps_schema_and_data(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with Store.open(path) as s:
        add(s, "adam", 3)
    with Store.open(path) as s:
        assert list(s.card_states()) == ["adam"]
        assert len(s.review_rows()) == 1


def test_record_review_is_committed_before_returning(store: Store) -> None:
    review_id = add(store, "adam", 3)
    # A second connection sees it at once: the write is not waiting for a later commit.
    row = other_connection(store).execute(
        "SELECT card_id, rating, source FROM review_log WHERE id = ?", (review_id,)).fetchone()
    assert row == ("adam", 3, "review")


def test_card_state_follows_the_latest_review(store: Store) -> None:
    states = state_after("adam", [1, 3])
    store.record_review("adam", 1, T0, None, states[0])
    store.record_review("adam", 3, T0 + timedelta(minutes=1), None, states[1])
    assert store.card_states() == {"adam": states[1]}
    assert store.state_of("adam") == states[1]
    assert store.state_of("nobody") is None


def test_undo_restores_the_previous_state(store: Store) -> None:
    states = state_after("adam", [1, 3])
    store.record_review("adam", 1, T0, None, states[0])
    second = store.record_review("adam", 3, T0 + timedelta(minutes=1), None, states[1])
    store.undo_review(second, T0 + timedelta(minutes=2))
    assert store.state_of("adam") == states[0]
    assert [r.rating for r in store.review_rows()] == [1]
    # Append-only: the undone review is still in the log, marked by an undo row.
    conn = other_connection(store)
    assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 2
    assert conn.execute("SELECT json_extract(payload, '$.review') FROM event"
                        " WHERE kind = 'undo'").fetchall() == [(second,)]


def test_undo_of_a_first_review_makes_the_card_new_again(store: Store) -> None:
    review_id = add(store, "adam", 3)
    store.undo_review(review_id)
    assert store.state_of("adam") is None
    assert store.introduced_since(T0 - timedelta(days=1)) == 0


def test_undo_twice_or_unknown_is_an_error(store: Store) -> None:
    review_id = add(store, "adam", 3)
    store.undo_review(review_id)
    with pytest.raises(ValueError, match="already undone"):
        store.undo_review(review_id)
    with pytest.raises(ValueError, match="no review"):
        store.undo_review(9999)


def test_bad_rating_or_source_writes_nothing(store: Store) -> None:
    state = state_after("adam", [3])[0]
    with pytest.raises(ValueError):
        store.record_review("adam", 5, T0, None, state)
    with pytest.raises(ValueError):
        store.record_review("adam", 3, T0, None, state, source="import")
    assert store.review_rows() == [] and store.card_states() == {}


def test_naive_datetime_is_rejected(store: Store) -> None:
    with pytest.raises(ValueError, match="naive"):
        store.record_review("adam", 3, T0.replace(tzinfo=None), None, state_after("adam", [3])[0])


def test_due_index_is_ordered_by_due(store: Store) -> None:
    add(store, "easy", 4)    # due in days
    add(store, "again", 1)   # due in a minute
    add(store, "good", 3)    # due in ten minutes
    assert [cid for cid, _ in store.due_index()] == ["again", "good", "easy"]


def test_introduced_since_counts_first_reviews_only(store: Store) -> None:
    add(store, "a", 1, minutes=0)
    add(store, "a", 3, minutes=5)
    add(store, "b", 3, minutes=10)
    assert store.introduced_since(T0) == 2
    assert store.introduced_since(T0 + timedelta(minutes=1)) == 1  # 'a' was introduced before


def test_quiz_answer_with_again_state_also_records_a_quiz_review(store: Store) -> None:
    again = state_after("adam", [1])[0]
    store.record_quiz_answer("q1", "adam", "wrong", False, T0, again_state=again)
    store.record_quiz_answer("q2", "adam", "Adam", True, T0)
    rows = store.review_rows()
    assert [(r.card_id, r.rating, r.source) for r in rows] == [("adam", 1, "quiz")]
    quiz = store.quiz_rows()
    assert [(q[1], q[3], q[4], q[6]) for q in quiz] == [
        ("q1", "wrong", False, rows[0].id), ("q2", "Adam", True, None)]
    assert store.state_of("adam") == again


def test_review_rows_since_filters_by_time(store: Store) -> None:
    add(store, "a", 3, minutes=0)
    add(store, "b", 3, minutes=30)
    assert [r.card_id for r in store.review_rows(T0 + timedelta(minutes=10))] == ["b"]
    assert store.review_rows()[0].reviewed_at == T0


def test_rebuild_states_matches_incremental_states(store: Store) -> None:
    for i, card_id in enumerate(["a", "b", "c", "a", "b", "a"]):
        add(store, card_id, 1 + i % 4, minutes=i)
    last_b = [r.id for r in store.review_rows() if r.card_id == "b"][-1]
    store.undo_review(last_b)
    incremental = store.card_states()
    conn = other_connection(store)
    conn.execute("DELETE FROM card_state WHERE card_id = 'a'")
    conn.execute("UPDATE card_state SET state = '{}' WHERE card_id = 'b'")
    conn.commit()
    assert store.rebuild_states() == 3
    assert store.card_states() == incremental


def test_integrity_check_of_a_sound_store_is_empty(store: Store) -> None:
    add(store, "a", 3)
    assert store.integrity_check() == []


def test_daily_backup_is_made_once_with_data(tmp_path: Path) -> None:
    path = tmp_path / "reviews.db"
    with Store.open(path):
        pass
    assert list_backups(path) == []  # nothing worth keeping yet
    with Store.open(path) as s:
        add(s, "a", 3)
    with Store.open(path):
        pass
    backups = list_backups(path)
    assert len(backups) == 1 and backups[0].parent.name == "backups"
    stamp = backups[0].stat().st_mtime_ns
    with Store.open(path) as s:
        add(s, "b", 3)
    assert backups[0].stat().st_mtime_ns == stamp  # today's exists: not rewritten
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 1


def test_backups_keep_the_last_seven(store: Store) -> None:
    add(store, "a", 3)
    for i in range(10):
        make_daily_backup(store._conn, store.path, date(2026, 1, 1) + timedelta(days=i))
    names = [p.name for p in list_backups(store.path)]
    assert len(names) == KEEP
    assert names[0] == "reviews-2026-01-10.db" and names[-1] == "reviews-2026-01-04.db"


def test_failed_backup_is_a_warning_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "reviews.db"
    with Store.open(path) as s:
        add(s, "a", 3)
    (tmp_path / "backups").write_text("a file where the folder should be")
    with Store.open(path) as s:
        assert s.warnings and "backup" in str(s.warnings[0])
        add(s, "b", 3)  # still works


def _damaged(path: Path, how: str) -> None:
    if how == "random":
        path.write_bytes(os.urandom(8192))
    elif how == "text":
        path.write_text("these are my notes, not a database\n" * 50)
    elif how == "truncated":
        with Store.open(path) as s:
            for i in range(300):
                add(s, f"card-{i}", 3)
        size = path.stat().st_size
        with open(path, "r+b") as f:
            f.truncate(size // 2)


@pytest.mark.parametrize("how", ["random", "text", "truncated"])
def test_damaged_file_is_refused_in_one_line_and_left_untouched(tmp_path: Path, how: str) -> None:
    path = tmp_path / "reviews.db"
    _damaged(path, how)
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Store.open(path)
    message = str(err.value)
    assert "\n" not in message and "damaged" in message
    assert "studytui doctor --restore" in message
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a studytui store"):
        Store.open(path)
    assert path.read_bytes() == before


def test_store_from_a_newer_studytui_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with Store.open(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="upgrade studytui"):
        Store.open(path)


def test_empty_file_is_a_fresh_store_only_without_backups(tmp_path: Path) -> None:
    path = tmp_path / "reviews.db"
    path.write_bytes(b"")
    with Store.open(path) as s:  # e.g. killed before the schema was written
        add(s, "a", 3)
    with Store.open(path):
        pass  # makes today's backup
    path.write_bytes(b"")  # now an empty file may be a wiped store
    with pytest.raises(StoreError, match="empty"):
        Store.open(path)
    assert path.read_bytes() == b""


def test_full_disk_is_a_one_line_error_and_keeps_saved_reviews(tmp_path: Path) -> None:
    path = tmp_path / "reviews.db"
    store = Store.open(path)
    saved = [add(store, "a", 3)]
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    # SQLite's own "disk full" (SQLITE_FULL): the file may not grow past its size now.
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError) as err:
        for i in range(2000):
            saved.append(add(store, f"card-{i}", 3))
    assert "disk is full" in str(err.value) and "\n" not in str(err.value)
    store.close()
    with Store.open(path) as again:
        assert [r.id for r in again.review_rows()] == saved
        assert again.integrity_check() == []


def test_iso_is_fixed_width_utc() -> None:
    assert iso(T0) == "2026-03-02T12:00:00.000000+00:00"
    assert len({len(iso(T0 + timedelta(microseconds=i))) for i in range(3)}) == 1


def test_damage_inside_the_file_surfaces_as_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "reviews.db"
    with Store.open(path, backup=False) as s:
        for i in range(300):
            add(s, f"card-{i}", 3)
    data = bytearray(path.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)  # every page but the first
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as err:
        with Store.open(path, backup=False) as s:
            s.review_rows()
    assert "damaged" in str(err.value) and "studytui doctor --restore" in str(err.value)


def test_a_first_release_store_is_migrated_with_its_reviews_and_recall_columns(
        tmp_path: Path) -> None:
    from studytui.store.migrations import MIGRATIONS, sql_statements

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)  # a store as the first release left it, with a review
    for statement in sql_statements(MIGRATIONS[0]):
        conn.execute(statement)
    state = state_after("adam", [3])[0]
    conn.execute("INSERT INTO review_log (card_id, rating, reviewed_at, state_after, source)"
                 " VALUES ('adam', 3, ?, ?, 'review')", (iso(T0), json.dumps(state)))
    conn.execute("INSERT INTO card_state VALUES ('adam', ?, ?, ?, 1, ?)",
                 (json.dumps(state), iso(T0), iso(T0), iso(T0)))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store.open(path) as s:
        assert [r.card_id for r in s.review_rows()] == ["adam"]
        # card_state is derived again from the review: its due is the state's own
        due = iso(datetime.fromisoformat(state["due"]))
        assert s.recall_rows() == [("adam", due, state["state"], state["stability"],
                                    state["last_review"])]
        add(s, "momentum", 1)  # a write after the migration fills the columns too
        add(s, "adam", 4, minutes=5)
        rows = {r[0]: r for r in s.recall_rows()}
        assert rows["momentum"][2:] == tuple(state_after("momentum", [1])[0][k] for k in
                                             ("state", "stability", "last_review"))
        assert rows["adam"][3] == s.card_states()["adam"]["stability"]
    with Store.open(path) as s:  # opening again migrates nothing twice
        assert len(s.review_rows()) == 3
        assert s.integrity_check() == []


def test_recall_columns_follow_undo_and_rebuild(store: Store) -> None:
    first = add(store, "adam", 3)
    second = add(store, "adam", 1, minutes=1)
    def recall():
        return {r[0]: r[2:] for r in store.recall_rows()}
    def from_json():
        return {c: (s["state"], s["stability"], s["last_review"])
                for c, s in store.card_states().items()}
    assert recall() == from_json()
    store.undo_review(second)
    assert recall() == from_json()
    store.rebuild_states()
    assert recall() == from_json()
    store.undo_review(first)
    assert recall() == {} == from_json()
