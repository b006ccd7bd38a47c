"""Histories on several devices for the sync tests: reviews, undos (of any
standing review, one received from another device too), quiz answers, events
of kinds the replay does not know, and syncs in between, on real store files."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from studytui.store.ids import uuid7
from studytui.store.sqlite_store import Store
from studytui.store.sync_files import sync_files
from studytui.store.times import iso
from studytui.study.scheduler import StudyScheduler, fuzz_seed

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
CARDS = ("adam", "sgd", "dropout")
# Kinds other engineers add (suspend, notebook, ...): the merge must carry any kind.
OTHER_KINDS = ("flag", "notebook", "exam-attempt")
SCHEDULER = StudyScheduler()
RECOMPUTE = SCHEDULER.recompute

# An operation: (what, device, a, b, minutes later than the one before)
#   review: card index a, rating b     undo: the a-th standing review (mod)
#   quiz: card index a, correct b % 2  other: kind index a, card index b
#   sync: device with device a
Op = tuple[str, int, int, int, int]


def sync(a: Path, b: Path) -> Any:
    return sync_files(a, b, RECOMPUTE, backup=False).report


def review(store: Store, card: str, rating: int, at: datetime) -> str:
    """A review as the review session makes it."""
    before = store.state_of(card)
    now = SCHEDULER.card_from_state(before) if before else SCHEDULER.new_card(card, at)
    after = SCHEDULER.review(now, rating, at, 3000, seed=fuzz_seed(card, at, rating))
    return store.record_review(card, rating, at, 3000, after.to_dict())


def reviewed(path: Path, device: int, count: int, cards: int, hours: int, spread: int
             ) -> Path:
    """A store with `count` reviews over `cards` cards, `hours` apart, ratings
    stepping by `spread`, set off by `device` (so two devices' histories interleave)."""
    with Store.open(path, backup=False) as store:
        for n in range(count):
            review(store, f"card-{n % cards}", 1 + (n * spread + device) % 4,
                   T0 + timedelta(hours=n * hours + device))
    return path


def run(paths: list[Path], ops: list[Op]) -> None:
    at = T0
    for what, device, a, b, minutes in ops:
        at += timedelta(minutes=minutes)
        if what == "sync":
            if a % len(paths) != device:
                sync(paths[device], paths[a % len(paths)])
            continue
        with Store.open(paths[device], backup=False) as store:
            if what == "review":
                review(store, CARDS[a % len(CARDS)], 1 + b % 4, at)
            elif what == "undo":
                standing = store.review_rows()
                if standing:
                    store.undo_review(standing[a % len(standing)].id, at, RECOMPUTE)
            elif what == "quiz":
                card = CARDS[a % len(CARDS)]
                again = None
                if b % 2 == 0:  # a miss records an Again review of the card
                    before = store.state_of(card)
                    now = (SCHEDULER.card_from_state(before) if before
                           else SCHEDULER.new_card(card, at))
                    again = SCHEDULER.review(now, 1, at, seed=fuzz_seed(card, at, 1)).to_dict()
                store.record_quiz_answer(f"q-{card}", card, "answer", b % 2 == 1, at, again)
            else:
                with store._write() as conn:
                    store._event(conn, uuid7(), OTHER_KINDS[a % len(OTHER_KINDS)], iso(at),
                                 CARDS[b % len(CARDS)], "forward", {"note": f"{device}-{a}"})


def events(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM event ORDER BY id").fetchall()


Tables = tuple[tuple[tuple[Any, ...], ...], ...]


def derived(path: Path) -> Tables:
    """card_state, review_log and quiz_log, every row, in a fixed order."""
    with sqlite3.connect(path) as conn:
        return tuple(tuple(conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3"))
                     for table in ("card_state", "review_log", "quiz_log"))


def rebuilt(path: Path, into: Path) -> Tables:
    """The derived tables `doctor` would write for the events of `path` (on a copy)."""
    copy_store(path, into)
    with Store.open(into, backup=False) as store:
        store.rebuild_states(RECOMPUTE)
    return derived(into)


def copy_store(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
