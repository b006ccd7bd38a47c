"""The demos of lectures 2, 4 and 7 (issue 21), measured after torch is imported.

    python benchmarks/bench_lecture_demos.py

Budgets: the first picture (first frame computed and drawn at 100x30) within
0.3 s, a full default run within 2 s. The machine is shared, so every figure
is also given as a ratio to a baseline timed in the same run, the optimizer
race's default run (issue 5 budgets it at 0.5 s): a ratio moves only when the
demo does. "cold" is the first run in the process (it pays torch's one-time
lazy imports, such as torch._dynamo when the first optimizer is built); "best"
is the best of REPEATS runs.
"""

from __future__ import annotations

import os
import time

REPEATS = 5
SIZE = (100, 30)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def first_picture(name: str, params: dict) -> None:
    """The first frame computed and drawn, as the TUI does on opening the demo."""
    from rich.console import Console

    from demos.runner import iter_frames, render_demo

    console = Console(width=SIZE[0], file=open(os.devnull, "w"),  # noqa: SIM115
                      color_system="truecolor", force_terminal=True)
    frame = next(iter(iter_frames(name, params)))
    console.print(render_demo(name, frame.data, width=SIZE[0], height=SIZE[1]))


def full_run(name: str, params: dict) -> None:
    from demos.runner import run_demo

    run_demo(name, params)


def main() -> None:
    t0 = time.perf_counter()
    from demos.frames import use_torch

    use_torch()
    print(f"import torch: {time.perf_counter() - t0:.2f} s (not part of the budgets)")
    from demos.optimizer_race.compute import run as race

    cases = [
        ("mlp-playground", {}), ("mlp-playground", {"dataset": "spiral", "hidden": "32,32",
                                                    "steps": 800}),
        ("convolution", {}), ("convolution", {"size": 16, "padding": 4, "stack": "3x3,3x3,pool"}),
        ("lstm", {}), ("lstm", {"hidden": 16, "length": 200}),
    ]
    rows = []
    for name, params in cases:
        label = name + (" " + " ".join(f"{k}={v}" for k, v in params.items()) if params else
                        " (default)")
        cold_first = timed(lambda n=name, p=params: first_picture(n, p))
        cold_run = timed(lambda n=name, p=params: full_run(n, p))
        first = min(timed(lambda n=name, p=params: first_picture(n, p)) for _ in range(REPEATS))
        run = min(timed(lambda n=name, p=params: full_run(n, p)) for _ in range(REPEATS))
        rows.append((label, cold_first, first, cold_run, run))
    baseline = min(timed(race) for _ in range(REPEATS))
    print(f"baseline (same run): optimizer race default, best of {REPEATS}: {baseline:.3f} s")
    print(f"{'demo':58} {'first cold':>10} {'first':>7} {'x base':>7} {'run cold':>9} "
          f"{'run':>7} {'x base':>7}  budget 0.3 s / 2 s")
    for label, cold_first, first, cold_run, run in rows:
        verdict = "ok" if first < 0.3 and run < 2.0 else "OVER"
        print(f"{label[:58]:58} {cold_first:9.3f}s {first:6.3f}s {first / baseline:7.2f} "
              f"{cold_run:8.3f}s {run:6.3f}s {run / baseline:7.2f}  {verdict}")


if __name__ == "__main__":
    main()
