"""Loading and validating a 10,000-card deck (budget: under 1 s), beside a
baseline measured in the same run: PyYAML's own CSafeLoader reading the same
files into plain data, with no checks at all. Also the deck-cache hit that
start-up uses when the files are unchanged. Median of N runs each.

    python benchmarks/bench_load.py [--runs 5] [--deck DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).parent


def _median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--deck", type=Path)
    args = p.parse_args(argv)
    deck_dir = args.deck or Path(tempfile.mkdtemp(prefix="studytui-deck-")) / "deck"
    if not deck_dir.exists():
        sys.path.insert(0, str(HERE))
        from synthetic import write_deck

        write_deck(deck_dir)
    files = sorted(deck_dir.glob("*.yaml"))

    from studytui.content import deck_cache
    from studytui.content.loader import load_files

    def baseline() -> None:
        for f in files:
            yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)

    cache_dir = Path(tempfile.mkdtemp(prefix="studytui-cache-"))
    deck_cache.cache_file = lambda key: cache_dir / f"{key}.pickle"  # keep the user's cache
    deck = load_files(files)
    deck_cache.load_deck_cached([deck_dir])  # fills the cache
    rows = [
        ("baseline: yaml.load(CSafeLoader), no checks", _median_seconds(baseline, args.runs), None),
        (
            "load + validate (studytui.content.loader)",
            _median_seconds(lambda: load_files(files), args.runs),
            1.0,
        ),
        (
            "load + validate --strict",
            _median_seconds(lambda: load_files(files, strict=True), args.runs),
            None,
        ),
        (
            "deck cache hit (start-up path)",
            _median_seconds(lambda: deck_cache.load_deck_cached([deck_dir]), args.runs),
            None,
        ),
    ]
    base = rows[0][1]
    print(
        f"loading {len(deck.cards):,} cards and {len(deck.questions):,} questions "
        f"in {len(files)} files, median of {args.runs} runs"
    )
    print(f"{'what':<46} {'seconds':>8} {'ratio':>7} {'budget':>8}")
    for name, seconds, budget in rows:
        shown = f"< {budget:.1f} s" if budget else "-"
        print(f"{name:<46} {seconds:8.3f} {seconds / base:6.2f}x {shown:>8}")


if __name__ == "__main__":
    main()
