"""Run every benchmark and write benchmarks/RESULTS.md: each script's table
as it printed it, with the machine and the date. Benchmarks are not tests:
they print figures beside their budgets and never fail the build.

    python benchmarks/run_all.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).parent

# (script, arguments, what the issue budgets)
BENCHMARKS = [
    (
        "bench_startup.py",
        ["--runs", "7"],
        "start-up: bundled <= 1.3x bare Textual, 10k deck <= 2.0x (also after a year of"
        " reviews); memory <= 1.5x (bundled)",
    ),
    ("bench_load.py", ["--runs", "5"], "10,000-card deck loaded and validated < 1 s"),
    ("bench_store.py", [], "due queue from 200,000 reviews < 20 ms; a rating committed < 5 ms"),
    ("bench_rating.py", ["--fitted"],
     "a rating (schedule + commit + next card on screen) < 20 ms median, fitted parameters too"),
    ("bench_optimize.py", [], "`studytui optimize` on 200,000 reviews over 10,000 cards < 60 s"),
    ("bench_demos.py", [], "race 7x300 < 0.5 s; all architectures < 1 s; attention < 50 ms"),
    ("bench_lecture_demos.py", [], "mlp-playground, convolution, lstm: first picture < 0.3 s,"
     " a full default run < 2 s (after torch import)"),
    ("bench_sync.py", [], "`studytui sync` of two stores of 200,000 reviews (half shared): first"
     " < 10 s; again with 100 new events each side < 0.5 s"),
    ("bench_search.py", [], "Browse: the list updates as you type, without rebuilding the whole"
     " table on every key (10k cards)"),
    ("bench_class.py", [], "300 students rating at once on PostgreSQL: ratings/s, commit p50/p95,"
     " 0 lost; the class view over 600,000 reviews < 1 s"),
    ("bench_demo_open.py", ["--runs", "3"],
     "the first demo's first picture <= 1.5x `import torch`, from the key press"),
]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true", help="fewer runs, for a smoke check")
    args = p.parse_args(argv)
    sections = [
        "# Benchmark results",
        "",
        f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- machine: {machine()}",
        "- ratios are against a baseline measured in the same run (these machines are noisy)",
        "",
    ]
    for script, extra, budget in BENCHMARKS:
        path = HERE / script
        if not path.exists():
            sections += [f"## {script}", "", "(not present)", ""]
            continue
        if args.quick:
            extra = [a if a not in ("7", "5") else "2" for a in extra]
        start = time.perf_counter()
        out = subprocess.run([sys.executable, str(path), *extra], capture_output=True, text=True)
        took = time.perf_counter() - start
        text = out.stdout.strip() or out.stderr.strip()[-2000:]
        print(f"== {script} ({took:.0f} s)\n{text}\n", flush=True)
        sections += [f"## {script}", "", f"Budget: {budget}.", "", "```", text, "```", ""]
    (HERE / "RESULTS.md").write_text("\n".join(sections), encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
