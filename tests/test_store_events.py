"""The store as a log of events: UUIDv7 ids, a replay that gives the live states,
reviews keyed by deck, card and direction, and the migration of a v2 store."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from studytui.config import Config
from studytui.store.ids import Uuid7Source, uuid7, uuid7_ms
from studytui.store.sqlite_store import BUNDLED_DECK, Store
from studytui.study.quiz_session import QuizSession
from studytui.study.review_session import ReviewSession
from studytui.study.scheduler import StudyScheduler, fuzz_seed
from tests.core_fixtures import Clock, quiz_deck, small_deck

DATA = Path(__file__).parent / "data"
UTC = timezone.utc


# ---- UUIDv7 ------------------------------------------------------------------------------

def test_uuid7_ids_are_version_7_unique_and_in_the_order_made() -> None:
    ids = [uuid7() for _ in range(20_000)]  # many share a millisecond
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)  # text order is the order made
    parsed = uuid.UUID(ids[0])
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    now_ms = datetime.now(UTC).timestamp() * 1000
    assert abs(uuid7_ms(ids[-1]) - now_ms) < 5_000


def test_uuid7_stays_ordered_when_the_clock_steps_back_or_a_millisecond_overflows() -> None:
    make = Uuid7Source()
    ids = [make(1_000_000), make(999_000), *[make(1_000_000) for _ in range(5000)]]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert uuid7_ms(ids[0]) == 1_000_000 and uuid7_ms(ids[-1]) >= 1_000_000


def test_uuid7_places_an_id_at_a_given_time() -> None:
    at = int(datetime(2026, 1, 2, tzinfo=UTC).timestamp() * 1000)
    assert uuid7_ms(Uuid7Source()(at)) == at


# ---- replay ------------------------------------------------------------------------------

def _derived(store: Store) -> tuple[object, ...]:
    conn = store._conn
    return (
        conn.execute("SELECT * FROM card_state ORDER BY deck_id, card_id, direction").fetchall(),
        conn.execute("SELECT * FROM review_log ORDER BY id").fetchall(),
        conn.execute("SELECT * FROM quiz_log ORDER BY id").fetchall(),
    )


def _study_for_months(store: Store, seed: int, days: int = 120, fuzz: bool = True) -> Clock:
    """Real sessions over 120 simulated days: ratings of every kind, undos, quiz
    misses; intervals grow past 2.5 days, so fsrs fuzz is in play (unless off,
    for two stores that must agree). Returns the clock, at the end."""
    rng = random.Random(seed)
    clock = Clock()
    config = Config(new_per_day=6)
    scheduler = StudyScheduler(config, fuzz=fuzz)  # fuzz on, as in the app
    deck = small_deck(3, 4)
    # The quiz's cards studied first: a quiz miss records an Again review only then.
    studied = ReviewSession(quiz_deck(), store, scheduler, config, now=clock, tz=UTC)
    while studied.current is not None:
        studied.rate(3)
    for _ in range(days):
        session = ReviewSession(deck, store, scheduler, config, now=clock, tz=UTC)
        while session.current is not None and session.progress[0] < 30:
            session.rate(rng.choice((1, 2, 3, 3, 3, 4)))
            clock.advance(seconds=rng.randrange(5, 40))
            if rng.random() < 0.1:
                session.undo()
        quiz = QuizSession(quiz_deck(), store, scheduler, count=2, seed=rng.randrange(99),
                           now=clock)
        while quiz.current is not None:
            q = quiz.current
            quiz.answer({"choice": 1, "multi": {1}, "truefalse": False}.get(q.type, "wrong"))
        clock.advance(days=1)
    return clock


def test_a_rebuild_from_the_events_gives_the_live_states(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db", backup=False) as store:
        _study_for_months(store, seed=3)
        live = _derived(store)
        assert len(live[0]) >= 12 and len(live[1]) > 200 and live[2]
        fuzzed = [json.loads(s[3]) for s in live[0]]
        assert any(datetime.fromisoformat(s["due"]) - datetime.fromisoformat(s["last_review"])
                   > timedelta(days=3) for s in fuzzed)
        store.rebuild_states(StudyScheduler().recompute)
        assert _derived(store) == live
        store.rebuild_states()  # without a scheduler: the recorded states
        assert _derived(store) == live


def test_every_review_recomputed_from_its_event_gives_its_recorded_state(tmp_path: Path) -> None:
    """Fuzz is seeded from the review's recorded fields: a replay that has to
    compute a review again computes what the learner was shown."""
    with Store.open(tmp_path / "s.db", backup=False) as store:
        _study_for_months(store, seed=5)
        events = store._conn.execute(
            "SELECT id, at, card_id, payload FROM event WHERE kind = 'review' ORDER BY id")
        states: dict[str, dict] = {}
        scheduler = StudyScheduler()
        checked = 0
        for event_id, at, card_id, payload in events:
            p = json.loads(payload)
            before = states.get(p["prev"]) if p["prev"] else None
            again = scheduler.recompute(before, p["rating"], datetime.fromisoformat(at),
                                        p["duration_ms"], event_id, card_id)
            assert again == p["state_after"], event_id
            states[event_id] = p["state_after"]
            checked += 1
        assert checked > 200


def test_a_review_whose_base_was_undone_later_is_computed_again(tmp_path: Path) -> None:
    """A merge can put an undo under later reviews: their recorded states rested
    on the undone one, so the replay computes them from the new base."""
    sched = StudyScheduler()
    t = datetime(2026, 3, 2, tzinfo=UTC)
    with Store.open(tmp_path / "s.db", backup=False) as store:
        ids, card = [], sched.new_card("adam", t)
        for day, rating in enumerate((3, 3, 1, 3)):
            at = t + timedelta(days=day * 3)
            card = sched.review(card, rating, at, seed=fuzz_seed("adam", at, rating))
            ids.append(store.record_review("adam", rating, at, 10, card.to_dict()))
        store.undo_review(ids[1], t + timedelta(days=20), recompute=sched.recompute)
        expected = sched.new_card("adam", t)
        for day, rating in ((0, 3), (2, 1), (3, 3)):
            at = t + timedelta(days=day * 3)
            expected = sched.review(expected, rating, at, seed=fuzz_seed("adam", at, rating))
        assert store.state_of("adam") == expected.to_dict()
        store.rebuild_states(sched.recompute)
        assert store.state_of("adam") == expected.to_dict()


def test_events_cannot_be_changed_or_deleted(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db", backup=False) as store:
        sched = StudyScheduler()
        t = datetime(2026, 3, 2, tzinfo=UTC)
        store.record_review("adam", 3, t, 5, sched.review(sched.new_card("adam"), 3, t).to_dict())
        for sql in ("UPDATE event SET kind = 'x'", "DELETE FROM event"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                store._conn.execute(sql)
        row = store._conn.execute("SELECT device_id, kind FROM event").fetchone()
        assert row == (store.device_id, "review") and uuid.UUID(store.device_id)


# ---- keys: deck, card, direction -----------------------------------------------------------

def test_a_card_of_another_deck_or_direction_has_its_own_history(tmp_path: Path) -> None:
    sched = StudyScheduler()
    t = datetime(2026, 3, 2, tzinfo=UTC)
    state = sched.review(sched.new_card("adam"), 4, t).to_dict()
    path = tmp_path / "s.db"
    with Store.open(path, backup=False) as bundled:
        bundled.record_review("adam", 4, t, 5, state)
        bundled.record_review("adam", 1, t, 5, state, direction="reverse")
    with Store.open(path, backup=False, deck_id="folder-mine") as mine:
        assert mine.state_of("adam") is None and mine.review_rows() == []
        assert mine.known_cards() == set() and mine.review_counts() == {}
    with Store.open(path, backup=False) as bundled:
        assert bundled.deck_id == BUNDLED_DECK
        assert [(r.rating, r.direction) for r in bundled.review_rows()] == [
            (4, "forward"), (1, "reverse")]
        assert bundled.known_cards() == {"adam"} == bundled.known_cards("reverse")
        assert bundled.state_of("adam", "reverse") == state


# ---- the migration from v2 -----------------------------------------------------------------

def test_a_store_made_by_the_v2_release_is_migrated_keeping_every_row(tmp_path: Path) -> None:
    """tests/data/store_v2.db was written by the release at commit 1b8e333 (40 days
    of reviews, undos and quiz answers); store_v2.json is what it read from it."""
    path = tmp_path / "store_v2.db"
    shutil.copyfile(DATA / "store_v2.db", path)
    old = json.loads((DATA / "store_v2.json").read_text(encoding="utf-8"))
    with Store.open(path, backup=False) as store:
        counts = store.event_counts()
        assert counts == {"review": old["all_reviews"], "undo": len(old["undone"]),
                          "quiz": len(old["quiz"])}
        assert store.card_states() == old["card_states"]
        rows = store.review_rows()
        assert [(r.card_id, r.rating, r.reviewed_at.isoformat(), r.duration_ms, r.source)
                for r in rows] == [tuple(r[1:]) for r in old["reviews"]]
        assert list(store.review_pass_counts()) == old["pass_counts"]
        quiz = store.quiz_rows()
        assert [(q[1], q[2], q[3], q[4], q[5].isoformat()) for q in quiz] == [
            tuple(q[1:6]) for q in old["quiz"]]
        # a miss still points at its Again review, now by event id
        old_ids = [r[0] for r in old["reviews"]]
        by_old = dict(zip(old_ids, [r.id for r in rows], strict=True))
        assert [q[6] for q in quiz] == [by_old.get(q[6]) if q[6] else None for q in old["quiz"]]
        introduced = {c: row[3] for (_, c, _), row in store.state_rows().items()}
        assert introduced == old["introduced"]
        assert [r.id for r in rows] == sorted(r.id for r in rows)
        before = _derived(store)
        store.rebuild_states(StudyScheduler().recompute)
        assert _derived(store) == before  # migrated reviews keep their recorded states
    with Store.open(path, backup=False) as store:  # opening again migrates nothing twice
        assert store.event_counts()["review"] == old["all_reviews"]
