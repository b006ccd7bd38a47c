"""Store and session speed at scale: 10,000 cards and 200,000 review rows.

    python benchmarks/bench_store.py [--cards 10000] [--rows 200000] [--db PATH]

Budgets (issue 6): building the due queue < 20 ms; a rating committed < 5 ms
median. Also printed, without a budget: opening the store, today's backup,
rebuilding the state table from the log, and computing the stats.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from synthetic import fill_store

from studytui.config import Config
from studytui.content.deck import Deck
from studytui.content.model import BiText, Card, Lecture
from studytui.store.sqlite_store import Store
from studytui.study.review_session import ReviewSession
from studytui.study.scheduler import StudyScheduler
from studytui.study.stats import compute_stats

QUEUE_BUDGET_MS = 20.0
RATING_BUDGET_MS = 5.0


def make_deck(cards: int, lectures: int = 10) -> Deck:
    per = -(-cards // lectures)
    out = []
    for n in range(lectures):
        ids = range(n * per, min(cards, (n + 1) * per))
        out.append(Lecture(
            id=f"bench-{n}", number=n + 1, title=BiText(ko=f"강의 {n}", en=f"Lecture {n}"),
            summary=BiText(ko="요약", en="summary"),
            cards=[Card(id=f"card-{i}", term=BiText(ko=f"용어 {i}", en=f"term {i}"),
                        definition=BiText(ko="정의", en="definition")) for i in ids],
        ))
    return Deck.of(out)


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--cards", type=int, default=10_000)
    p.add_argument("--rows", type=int, default=200_000)
    p.add_argument("--db", type=Path, help="keep the generated store here")
    args = p.parse_args(argv)

    now = datetime.now(timezone.utc)
    deck = make_deck(args.cards)
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "reviews.db"
    if db.exists():
        sys.exit(f"{db} exists; give a new path")
    t = time.perf_counter()
    fill_store(db, deck, args.rows, now)
    print(f"generated {args.rows} review rows over {args.cards} cards "
          f"in {time.perf_counter() - t:.1f} s ({db.stat().st_size / 1e6:.0f} MB)")

    config = Config()
    sched = StudyScheduler(config)
    results: list[tuple[str, float, float | None]] = []

    store = Store.open(db, backup=False)
    rebuild = timed(store.rebuild_states, 1)[0]
    results.append(("rebuild card states from the log", rebuild, None))
    store.close()

    results.append(("open store (no backup)", statistics.median(
        timed(lambda: Store.open(db, backup=False).close(), 9)), None))
    results.append(("today's backup (first open of a day, in a thread)",
                    timed(lambda: Store.open(db).close(), 1)[0], None))

    store = Store.open(db, backup=False)
    queue = timed(lambda: ReviewSession(deck, store, sched, config, now=lambda: now), 21)
    results.append(("due queue from 200k rows (ReviewSession built)",
                    statistics.median(queue), QUEUE_BUDGET_MS))
    session = ReviewSession(deck, store, sched, config, now=lambda: now)
    print(f"queue: {session.progress[1]} cards to review")

    def rate() -> None:
        session.intervals()
        session.rate(random.choice((1, 3, 3, 4)), 2000)

    ratings = timed(rate, 200)
    results.append(("rating: preview + schedule + commit + next", statistics.median(ratings),
                    RATING_BUDGET_MS))
    results.append(("undo (store + session)", statistics.median(timed(session.undo, 50)), None))
    results.append(("stats for Home: 10k cards' states, no log scan", statistics.median(
        timed(lambda: compute_stats(deck, store, now, history=False), 5)), None))
    results.append(("stats for the Stats screen: states + the whole log", statistics.median(
        timed(lambda: compute_stats(deck, store, now), 5)), None))
    store.close()

    print(f"\n{'measure':<52} {'median ms':>10} {'budget':>8}  ok")
    failed = False
    for name, value, budget in results:
        ok = "" if budget is None else ("yes" if value < budget else "NO")
        failed |= ok == "NO"
        shown = "-" if budget is None else f"{budget:.0f}"
        print(f"{name:<52} {value:>10.2f} {shown:>8}  {ok}")
    print(f"rating p95: {statistics.quantiles(ratings, n=20)[-1]:.2f} ms; "
          f"queue p95: {statistics.quantiles(queue, n=20)[-1]:.2f} ms")
    tmp.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
