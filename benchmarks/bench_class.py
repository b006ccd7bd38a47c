"""A class of 300 on PostgreSQL: ratings from 300 students at once, and the
instructor's view over 600,000 reviews.

Starts its own throwaway server (Debian's binaries, as the tests do) on
loopback TCP with room for the connections (max_connections 400) and fsync
on, so a commit is a real flush. Then:

1. ratings: 300 students, each its own login role, connection and thread,
   rate cards through `PostgresStore.record_review` (the app's own write: the
   card's state read, the event and the derived rows written, one commit) for
   `--seconds`. Reported: ratings per second, commit latency p50/p95 as the
   caller waits for it, and lost ratings (acknowledged but not in the
   student's rows when read back afterwards; must be 0).
2. the class view: 300 students with 2,000 reviews each (600,000 review rows,
   made in SQL by the administrator) and a card state per student and card;
   `studytui class`'s report (`class_report`) timed as the instructor.

    python benchmarks/bench_class.py [--students 300] [--seconds 10] [--reviews 2000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from studytui.content.deck import Deck  # noqa: E402
from studytui.content.lecture_schema import validate_lecture  # noqa: E402
from studytui.store.class_reads import ClassReads  # noqa: E402
from studytui.store.pg_admin import add_role, init_cohort, new_password  # noqa: E402
from studytui.store.pg_store import PostgresStore  # noqa: E402
from studytui.study.class_view import class_report  # noqa: E402
from tests.pg.server import start_server  # noqa: E402

LECTURES, PER_LECTURE = 10, 20  # 200 cards
NOW = datetime.now(timezone.utc)


def deck() -> Deck:
    def bi(text: str) -> dict[str, str]:
        return {"ko": text, "en": text}

    return Deck.of([validate_lecture({
        "id": f"lecture-{n}", "number": n, "title": bi(f"Lecture {n}"), "summary": bi("s"),
        "cards": [{"id": f"l{n}-c{i}", "term": bi(f"term {n}.{i}"), "definition": bi("d")}
                  for i in range(PER_LECTURE)]}) for n in range(1, LECTURES + 1)])


def state(stability: float) -> dict[str, object]:
    return {"card_id": 1, "state": 2, "step": None, "stability": stability, "difficulty": 5.0,
            "due": (NOW + timedelta(days=stability)).isoformat(), "last_review": NOW.isoformat()}


def ratings(urls: list[str], seconds: float, pace: float = 0.0) -> None:
    """Every student rates as fast as the store lets them (pace 0: the server's
    and this machine's limit), or one rating each `pace` seconds (a class at
    work: a student rates every few seconds), starts spread over the first."""
    stores = [PostgresStore.open(url) for url in urls]  # connected before the clock starts
    count = "SELECT count(*) FROM review_log"
    had = [int(store._read(count)[0][0]) for store in stores]  # from an earlier run
    latencies: list[list[float]] = [[] for _ in stores]
    acknowledged = [0] * len(stores)
    errors: list[BaseException] = []
    start = threading.Barrier(len(stores) + 1)

    def student(i: int) -> None:
        store, mine = stores[i], latencies[i]
        start.wait()
        began = time.perf_counter()
        deadline = began + seconds
        n = 0
        try:
            if pace:
                time.sleep(pace * i / len(stores))
            while time.perf_counter() < deadline:
                card = f"l{n % LECTURES + 1}-c{(n * 7 + i) % PER_LECTURE}"
                t0 = time.perf_counter()
                store.record_review(card, 3, NOW, 5000, state(3.0 + n))
                mine.append(time.perf_counter() - t0)
                acknowledged[i] += 1
                n += 1
                if pace:
                    time.sleep(max(0.0, began + pace * (i / len(stores) + n) - time.perf_counter()))
        except BaseException as exc:  # counted and reported below
            errors.append(exc)

    threads = [threading.Thread(target=student, args=(i,)) for i in range(len(stores))]
    for t in threads:
        t.start()
    start.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    lost = 0
    for i, store in enumerate(stores):
        lost += had[i] + acknowledged[i] - int(store._read(count)[0][0])
        store.close()
    every = sorted(x for mine in latencies for x in mine)
    total = len(every)
    p95 = every[int(0.95 * (total - 1))]
    how = f"each every {pace:g} s" if pace else "as fast as they can"
    print(f"\n{len(stores)} students rating at once, {how}, for {seconds:.0f} s"
          " (loopback TCP, fsync on)")
    print(f"{'ratings':>10} {'per s':>8} {'p50 ms':>8} {'p95 ms':>8} {'lost':>6} {'errors':>7}")
    print(f"{total:>10} {total / elapsed:>8.0f} {statistics.median(every) * 1000:>8.1f}"
          f" {p95 * 1000:>8.1f} {lost:>6} {len(errors):>7}")


def fill(admin: str, students: list[str], reviews: int) -> None:
    """`reviews` review rows per student over 60 days and a state per card, in SQL."""
    import psycopg

    names = [s for s in students]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("""
            INSERT INTO review_log (id, deck_id, card_id, direction, rating, reviewed_at,
                                    duration_ms, source, state_before, undone, student)
            SELECT s.name || '-' || g, 'studytui-bundled',
                   'l' || (g %% %(lectures)s + 1) || '-c' || (g * 7 %% %(per)s), 'forward',
                   CASE WHEN random() < 0.12 THEN 1 WHEN random() < 0.2 THEN 2
                        WHEN random() < 0.9 THEN 3 ELSE 4 END,
                   to_char(%(now)s::timestamptz - (g %% 60) * interval '1 day'
                           - random() * interval '8 hours', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'),
                   4000, 'review', CASE WHEN g < 200 THEN 0 ELSE 2 END, 0, s.name
            FROM unnest(%(names)s::text[]) AS s(name), generate_series(0, %(n)s - 1) AS g
        """.replace("%(lectures)s", str(LECTURES)).replace("%(per)s", str(PER_LECTURE)),
                     {"now": NOW, "names": names, "n": reviews})
        conn.execute("""
            INSERT INTO card_state (deck_id, card_id, direction, state, due, updated_at,
                                    review_id, introduced_at, fsrs_state, stability,
                                    last_review, student)
            SELECT 'studytui-bundled', 'l' || l || '-c' || c, 'forward', '{}', 'due', 'u',
                   'r', 'i', 2, 1 + random() * random() * 60,
                   to_char(%(now)s::timestamptz - random() * interval '20 days',
                           'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'), s.name
            FROM unnest(%(names)s::text[]) AS s(name), generate_series(1, %(lectures)s) AS l,
                 generate_series(0, %(per)s - 1) AS c
            ON CONFLICT DO NOTHING
        """.replace("%(lectures)s", str(LECTURES)).replace("%(per)s", str(PER_LECTURE)),
                     {"now": NOW, "names": names})
        conn.execute("ANALYZE")


def class_view(teacher: str, runs: int = 5) -> None:
    the_deck = deck()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        with ClassReads(teacher) as reads:
            report = class_report(reads, the_deck, "studytui-bundled", NOW)
        times.append(time.perf_counter() - t0)
    rows = sum(s.reviews for s in report.students)
    print(f"\nthe class view (studytui class) as the instructor, median of {runs} runs")
    print(f"{'students':>9} {'reviews':>9} {'cards':>6} {'seconds':>8} {'budget':>7}")
    print(f"{len(report.students):>9} {rows:>9} {len(report.cards):>6}"
          f" {statistics.median(times):>8.3f} {'< 1 s':>7}")
    # Server, clients and the rest of the machine share its cores: say how busy it was.
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--students", type=int, default=300)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--reviews", type=int, default=2000)
    p.add_argument("--pace", type=float, default=2.0,
                   help="seconds between one student's ratings in the paced run")
    args = p.parse_args(argv)
    server_run = start_server(max_connections=args.students + 50, listen="127.0.0.1",
                              fsync=True)
    server = next(server_run)
    try:
        db = server.new_database()
        admin = server.url(db=db)
        init_cohort(admin, {}, NOW)
        urls, names = [], []
        for i in range(args.students):
            name, password = f"s{i:04d}", new_password()
            add_role(admin, name, password)
            names.append(name)
            urls.append(server.url(name, password, db))
        teacher_password = new_password()
        add_role(admin, "teacher", teacher_password, instructor=True)
        ratings(urls, args.seconds)
        ratings(urls, args.seconds, pace=args.pace)
        with __import__("psycopg").connect(admin, autocommit=True) as conn:
            conn.execute("TRUNCATE review_log, card_state")  # the view's data, made afresh
        fill(admin, names, args.reviews)
        class_view(server.url("teacher", teacher_password, db))
    finally:
        for _ in server_run:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
