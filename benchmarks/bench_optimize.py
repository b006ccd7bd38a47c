"""`studytui optimize` on a synthetic year: 200,000 reviews over 10,000 cards
(benchmarks/synthetic_learner.py: a learner whose memory follows known FSRS
parameters, scheduled by studytui). Times the whole command as a learner runs
it (`--yes`, so it reschedules too), and its parts in-process; the baseline in
the same run is `studytui stats --json` on the same store (reads the whole log
once). Budget: under 60 s.

    python benchmarks/bench_optimize.py [--rows 200000] [--cards 10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import write_deck  # noqa: E402
from synthetic_learner import learner_log, write_log  # noqa: E402

BUDGET_S = 60.0


def _timed_command(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "studytui", *args], env=env, check=True,
                         capture_output=True, text=True, stdin=subprocess.DEVNULL).stdout
    return time.perf_counter() - t0, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build the deck and store here (kept)")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    where = args.keep or Path(tmp.name)
    deck_dir, db = where / "deck", where / "learner.db"
    t0 = time.perf_counter()
    ids = write_deck(deck_dir, 10, args.cards)
    events = learner_log(ids, args.rows, datetime.now(timezone.utc))
    from studytui.content.deck_id import deck_id_of

    deck = deck_id_of(deck_dir)  # the reviews are this deck's, as `--content` names it
    write_log(db, events, deck)
    print(f"built {len(events)} reviews of {len(ids)} cards in {time.perf_counter() - t0:.1f} s")

    env = {**os.environ, "XDG_CONFIG_HOME": str(where / "config"),
           "XDG_DATA_HOME": str(where / "data"), "XDG_CACHE_HOME": str(where / "cache")}
    common = ["--db", str(db), "--content", str(deck_dir), "--lang", "en"]
    base_s, _ = _timed_command([*common, "stats", "--json"], env)

    from studytui.store.sqlite_store import Store
    from studytui.study import fsrs_fit
    from studytui.study.retention_suggestion import suggested_retention
    from studytui.study.review_history import read_review_history

    parts = {}
    t = time.perf_counter()
    with Store.open(db, backup=False, deck_id=deck) as store:
        history = read_review_history(store)
    parts["read the log"] = time.perf_counter() - t
    t = time.perf_counter()
    fitted = fsrs_fit.fit_parameters(history)
    parts["fit (fsrs-rs)"] = time.perf_counter() - t
    t = time.perf_counter()
    fsrs_fit.evaluate(history, fsrs_fit.DEFAULT_PARAMETERS)
    fsrs_fit.evaluate(history, fitted)
    parts["evaluate default + fitted"] = time.perf_counter() - t
    t = time.perf_counter()
    suggested_retention(history, fitted)
    parts["suggested retention"] = time.perf_counter() - t

    total_s, out = _timed_command([*common, "optimize", "--yes"], env)
    print(out.rstrip())
    print()
    for name, seconds in parts.items():
        print(f"  {name:<28}{seconds:6.1f} s")
    print(f"`studytui optimize --yes`: {total_s:.1f} s (budget {BUDGET_S:.0f} s: "
          f"{'within' if total_s < BUDGET_S else 'OVER'}); "
          f"{total_s / base_s:.1f}x `studytui stats --json` on the same store ({base_s:.1f} s)")
    tmp.cleanup()


if __name__ == "__main__":
    main()
