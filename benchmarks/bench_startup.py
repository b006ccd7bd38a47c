"""Start-up to an interactive Home screen, as a ratio to a bare Textual app
(Header, Static, Footer) measured in the same run, runs interleaved so
machine noise hits both alike. Median of N runs each; resident memory beside.

    python benchmarks/bench_startup.py [--runs 7] [--big-deck DIR]

Budgets: bundled deck <= 1.3x the bare app (issue: the study app);
10,000-card deck <= 2.0x (issue: scale and faults), also with a year of
reviews (200,000) in the store. Memory: <= 1.5x (bundled).

The first (warm-up) run of each case pays the once-a-day costs: the store's
daily backup and, for a new deck, validating it into the deck cache.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).parent
PROBE = HERE / "startup_probe.py"


def probe(kind: str, args: list[str]) -> dict:
    env = {**os.environ, "STARTUP_T0": repr(time.time())}
    out = subprocess.run(
        [sys.executable, str(PROBE), kind, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"{kind} failed: {out.stderr.strip()[-500:]}")
    return json.loads(lines[-1])


def measure(cases: dict[str, list[str]], runs: int) -> dict[str, list[dict]]:
    results: dict[str, list[dict]] = {name: [] for name in cases}
    for name, args in cases.items():  # one warm-up each: page cache, .pyc files
        probe("bare" if name == "bare" else "studytui", args)
    for _ in range(runs):
        for name, args in cases.items():
            results[name].append(probe("bare" if name == "bare" else "studytui", args))
    return results


def main(argv: list[str] | None = None) -> list[dict]:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--big-deck", type=Path, help="a 10,000-card deck (made if missing)")
    args = p.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="studytui-bench-"))
    cases: dict[str, list[str]] = {
        "bare": [],
        "bundled deck": ["--db", str(tmp / "bundled.db")],
    }
    big = args.big_deck or tmp / "deck10k"
    if not big.exists():
        sys.path.insert(0, str(HERE))
        from synthetic import write_deck

        write_deck(big)
    cases["10,000-card deck"] = ["--db", str(tmp / "big.db"), "--content", str(big)]
    # The same deck after a year of study: 200,000 reviews in the store.
    year = tmp / "year.db"
    sys.path.insert(0, str(HERE))
    from synthetic import fill_store

    from studytui.content.loader import load_deck
    from studytui.store.sqlite_store import Store

    fill_store(year, load_deck([big]), 200_000, datetime.now(timezone.utc))
    with Store.open(year, backup=False) as store:
        store.rebuild_states()
    cases["10k deck + a year"] = ["--db", str(year), "--content", str(big)]
    results = measure(cases, args.runs)
    base_t = statistics.median(r["seconds"] for r in results["bare"])
    base_m = statistics.median(r["rss_mb"] for r in results["bare"])
    rows = []
    budgets = {"bundled deck": 1.3, "10,000-card deck": 2.0, "10k deck + a year": 2.0}
    for name, runs in results.items():
        t = statistics.median(r["seconds"] for r in runs)
        m = statistics.median(r["rss_mb"] for r in runs)
        rows.append(
            {
                "case": name,
                "seconds": t,
                "ratio": t / base_t,
                "budget": budgets.get(name),
                "rss_mb": m,
                "rss_ratio": m / base_m,
                "screen": runs[-1]["screen"],
                "torch_loaded": any(r["torch_loaded"] for r in runs),
            }
        )
    print(f"start-up to interactive, median of {args.runs} runs (baseline: bare Textual app)")
    print(
        f"{'case':<18} {'seconds':>8} {'ratio':>6} {'budget':>7} {'RSS MB':>7} {'ratio':>6}"
        "  screen  torch"
    )
    for r in rows:
        budget = f"{r['budget']:.1f}x" if r["budget"] else "-"
        print(
            f"{r['case']:<18} {r['seconds']:8.3f} {r['ratio']:5.2f}x {budget:>7} "
            f"{r['rss_mb']:7.1f} {r['rss_ratio']:5.2f}x  {r['screen']}  {r['torch_loaded']}"
        )
    return rows


if __name__ == "__main__":
    main()
