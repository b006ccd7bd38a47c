"""`studytui sync` at scale: two stores of a year each, 200,000 reviews each,
half of them shared (the devices last synced half a year ago and the learner
studied the same 10,000 cards on both since).

    python benchmarks/bench_sync.py [--cards 10000] [--rows 200000] [--new 100]

Budgets (issue 25): the first sync under 10 s; a second sync with 100 new
events on each side under 0.5 s (only what is new is replayed). Ratios are
against a baseline measured in the same run: copying the other store into
memory with SQLite's backup API, which every sync does first.

The check of the other store's snapshot runs in a thread beside the local
side's merge (store/sqlite_snapshot.py), so "copy" and "check" are shown
apart and do not add up with the merge. A first sync gets the full
`integrity_check`, a second one within a week `quick_check` (CHECK constraints
left to the full check); both checks' time on the same store is measured
apart too. The page cache is flushed
(os.sync) before each timed sync: the files were just written by this
script, and a sync's closing checkpoint would otherwise pay for flushing them.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from studytui.store import sync_files as sync_files_module  # noqa: E402
from studytui.store.ids import Uuid7Source  # noqa: E402
from studytui.store.sqlite_snapshot import take_snapshot  # noqa: E402
from studytui.store.sqlite_store import BUNDLED_DECK, FORWARD, Store  # noqa: E402
from studytui.store.sync_files import sync_files  # noqa: E402
from studytui.store.times import epoch_ms, iso  # noqa: E402
from studytui.study.scheduler import StudyScheduler, fuzz_seed  # noqa: E402

FIRST_BUDGET, SECOND_BUDGET = 10.0, 0.5
DAY = 24 * 60


def chains(cards: int, rows: int, now: datetime, seed: int = 7) -> list[list[tuple]]:
    """Per part (shared, laptop only, desktop only): (time, card, rating, state
    after, prev part) reviews. A third of the rows each: the shared year's first
    half, then each device's own second half, both going on from the shared state."""
    rng = random.Random(seed)
    sched = StudyScheduler()
    per = max(1, rows // 2 // cards)
    start = now - timedelta(days=365)
    parts: list[list[tuple]] = [[], [], []]
    for n in range(cards):
        cid = f"card-{n}"
        card = sched.new_card(cid, start)
        for at in sorted(start + timedelta(minutes=rng.randrange(182 * DAY)) for _ in range(per)):
            card = _review(sched, card, cid, at, rng, parts[0])
        shared = card
        for part in (1, 2):
            card = shared
            for at in sorted(now - timedelta(minutes=rng.randrange(1, 182 * DAY))
                             for _ in range(per)):
                card = _review(sched, card, cid, at, rng, parts[part])
    return parts


def _review(sched, card, cid, at, rng, into):
    rating = rng.choices((1, 2, 3, 4), weights=(1, 2, 6, 1))[0]
    card = sched.review(card, rating, at, 3000, seed=fuzz_seed(cid, at, rating))
    into.append((at, cid, rating, card.to_dict()))
    return card


def write_stores(laptop: Path, desktop: Path, parts: list[list[tuple]]) -> None:
    """The events as the app writes them (ids in time order, `prev` chained per
    device), then each store's derived tables built once."""
    devices = {}
    for path in (laptop, desktop):
        with Store.open(path, backup=False) as store:
            devices[path] = store.device_id
    new_id = Uuid7Source()
    tagged = sorted([(r[0], i, r) for i, part in enumerate(parts) for r in part],
                    key=lambda t: t[0])
    rows: dict[Path, list[tuple]] = {laptop: [], desktop: []}
    prev: dict[tuple[Path, str], str] = {}
    for at, part, (_, cid, rating, state) in tagged:
        event_id = new_id(epoch_ms(iso(at)))
        owners = {0: (laptop, desktop), 1: (laptop,), 2: (desktop,)}[part]
        for path in owners:
            payload = {"rating": rating, "duration_ms": 3000, "source": "review",
                       "state_after": state, "prev": prev.get((path, cid))}
            prev[path, cid] = event_id
            rows[path].append((event_id, devices[laptop if part < 2 else desktop], "review",
                               iso(at), BUNDLED_DECK, cid, FORWARD,
                               json.dumps(payload, separators=(",", ":"))))
    for path, batch in rows.items():
        with sqlite3.connect(path) as conn:
            conn.executemany("INSERT INTO event VALUES (?,?,?,?,?,?,?,?)", batch)
        with Store.open(path, backup=False) as store:
            store.rebuild_states()


def study(path: Path, count: int, cards: int, now: datetime, seed: int) -> None:
    """`count` reviews of random cards made today on this device, as the review
    session makes them."""
    rng = random.Random(seed)
    sched = StudyScheduler()
    with Store.open(path, backup=False) as store:
        for i in range(count):
            cid = f"card-{rng.randrange(cards)}"
            state = store.state_of(cid)
            card = sched.card_from_state(state) if state else sched.new_card(cid, now)
            at = now + timedelta(minutes=i)
            after = sched.review(card, 3, at, 2000, seed=fuzz_seed(cid, at, 3))
            store.record_review(cid, 3, at, 2000, after.to_dict())


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def baseline(path: Path) -> float:
    def copy() -> None:
        source, memory = sqlite3.connect(path), sqlite3.connect(":memory:")
        source.backup(memory)
        source.close()
        memory.close()
    return min(timed(copy)[0] for _ in range(3))


def check_alone(path: Path, pragma: str, checks: bool) -> float:
    """Best of 3 on a copy in memory; `checks`: evaluate CHECK constraints."""
    memory = sqlite3.connect(":memory:")
    with sqlite3.connect(path) as source:
        source.backup(memory)
    memory.execute(f"PRAGMA ignore_check_constraints = {'OFF' if checks else 'ON'}")
    try:
        return min(timed(lambda: memory.execute(f"PRAGMA {pragma}").fetchall())[0]
                   for _ in range(3))
    finally:
        memory.close()


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--cards", type=int, default=10_000)
    p.add_argument("--rows", type=int, default=200_000, help="reviews in each store")
    p.add_argument("--new", type=int, default=100, help="new events on each side")
    args = p.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    now = datetime.now(timezone.utc)
    laptop, desktop = tmp / "laptop.db", tmp / "desktop.db"
    took, parts = timed(lambda: chains(args.cards, args.rows, now - timedelta(days=1)))
    write_stores(laptop, desktop, parts)
    print(f"two stores of {len(parts[0]) + len(parts[1])} and {len(parts[0]) + len(parts[2])}"
          f" reviews, {len(parts[0])} shared, {args.cards} cards (made in {took:.0f} s;"
          f" {desktop.stat().st_size / 1e6:.0f} MB each)")
    # The generated history (a gigabyte of Python objects) is not what a sync
    # process holds: kept, it would make the sync's fork (fork_split) copy its
    # page tables and the collector walk it.
    del parts
    gc.collect()
    recompute = StudyScheduler().recompute
    base = baseline(desktop)
    results = [("baseline: copy the other store into memory (backup API)", base, None)]

    snapshots: list[tuple[float, object]] = []  # (copy time, the snapshot) of each sync

    def timed_snapshot(path: Path, plan, **how) -> object:
        took, snapshot = timed(lambda: take_snapshot(path, plan, **how))
        snapshots.append((took, snapshot))
        return snapshot

    sync_files_module.take_snapshot = timed_snapshot  # type: ignore[assignment]

    def sync_round(what: str, budget: float | None) -> None:
        os.sync()
        took, done = timed(lambda: sync_files(laptop, desktop, recompute, backup=False))
        report = done.report  # type: ignore[attr-defined]
        copied, snapshot = snapshots[-1]
        results.append((f"{what} ({report.received.events} received, {report.sent.events}"
                        f" sent, {len(report.received.changed)} cards changed here)",
                        took, budget))
        results.append(("  of which: copy of the other (backup API)", copied, None))
        check = "integrity_check" if done.check == "full" else "quick_check"  # type: ignore
        results.append((f"  beside the merge: {check} of the copy",
                        snapshot.check_seconds, None))  # type: ignore[attr-defined]

    sync_round("first sync", FIRST_BUDGET)
    study(laptop, args.new, args.cards, now, 1)
    study(desktop, args.new, args.cards, now + timedelta(hours=1), 2)
    sync_round("second sync", SECOND_BUDGET)
    sync_round("sync with nothing new", None)
    for pragma, checks in (("integrity_check", True), ("quick_check", True),
                           ("quick_check", False)):
        what = " of the other's copy" if checks else ", CHECKs off as a sync runs it"
        results.append((f"{pragma}{what} (alone)",
                        check_alone(desktop, pragma, checks), None))
    with sqlite3.connect(laptop) as a, sqlite3.connect(desktop) as b:
        same = (a.execute("SELECT count(*) FROM event").fetchone()
                == b.execute("SELECT count(*) FROM event").fetchone())
    print(f"\n{'measure':<66} {'seconds':>8} {'ratio':>7} {'budget':>7}  ok")
    failed = False
    for name, value, budget in results:
        ok = "" if budget is None else ("yes" if value < budget else "NO")
        failed |= ok == "NO"
        shown = "-" if budget is None else f"{budget:g} s"
        print(f"{name:<66} {value:>8.3f} {value / base:>6.1f}x {shown:>7}  {ok}")
    print(f"both stores hold the same events afterwards: {same}")
    shutil.rmtree(tmp)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
