"""Compute and drawing times of the demos of lectures 6, 9 and 10 (detection,
autoregressive, gan, vae), measured after torch is imported.

    python benchmarks/bench_demos_generative.py

Budgets (issue 22): the first picture within 0.3 s, a default run within
3 s. The machine is shared, so each figure is also given as a ratio to a
baseline measured in the same run: the optimizer race's default run (issue
5's budget for it: 0.5 s), so a figure read on a busy machine can still be
compared; "quiet" scales a figure by the race's time on the quiet machine
(RACE_QUIET, benchmarks/RESULTS.md, issue 5) over its time in this run, and
the verdict reads that estimate. "first frame" is the time from calling the demo's `frames` to its
first frame; "run" to its finished frame; each the best of REPEATS, with the
first (cold) run shown beside it.
"""

from __future__ import annotations

import os
import time

REPEATS = 3
DEMOS = ("detection", "autoregressive", "gan", "vae")
FIRST_BUDGET, RUN_BUDGET = 0.3, 3.0
RACE_QUIET = 0.250  # s: the race's default run, best of 5, on this machine unloaded


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def first_frame(name: str) -> None:
    from demos.runner import iter_frames

    next(iter(iter_frames(name, {})))


def full_run(name: str) -> None:
    from demos.runner import run_demo

    run_demo(name, {})


def best(fn) -> tuple[float, float]:
    cold = timed(fn)
    return cold, min([cold, *(timed(fn) for _ in range(REPEATS - 1))])


def drawing() -> None:
    from rich.console import Console

    from demos.runner import iter_frames, render_demo, run_demo

    print(f"\n{'drawing a frame (Rich, to segments)':44} {'finished':>9} {'mid-run':>9}")
    for name in DEMOS:
        result = run_demo(name, {})
        frames = list(iter_frames(name, {}, rate=1000))
        middle = frames[len(frames) // 2].data
        for width, height in ((100, 30), (160, 48)):
            console = Console(width=width, file=open(os.devnull, "w"),  # noqa: SIM115
                              color_system="truecolor", force_terminal=True)
            times = []
            for data in (result, middle):
                def draw(data=data, name=name, width=width, height=height, console=console):
                    console.print(render_demo(name, data, width=width, height=height))

                times.append(min(timed(draw) for _ in range(REPEATS)))
            print(f"{name + f' at {width}x{height}':44} {times[0] * 1000:7.1f}ms "
                  f"{times[1] * 1000:7.1f}ms")


def main() -> None:
    t0 = time.perf_counter()
    import torch  # noqa: F401

    print(f"import torch: {time.perf_counter() - t0:.2f} s (not part of the budgets)")
    from demos.optimizer_race.compute import run as race

    race(steps=5)  # torch's lazy one-time imports, so no demo below pays them
    _, baseline = best(race)
    print(f"baseline: optimizer race, default run: {baseline:.3f} s (ratio 1.00)\n")
    print(f"{'demo':28} {'cold':>8} {'best':>8} {'ratio':>7} {'quiet':>8} {'budget':>8}")
    for name in DEMOS:
        for label, fn, budget in (("first frame", first_frame, FIRST_BUDGET),
                                  ("run", full_run, RUN_BUDGET)):
            cold, fastest = best(lambda fn=fn, name=name: fn(name))
            quiet = fastest / baseline * RACE_QUIET
            verdict = "ok" if quiet < budget else "OVER"
            print(f"{name + ', ' + label:28} {cold:7.3f}s {fastest:7.3f}s "
                  f"{fastest / baseline:6.2f}x {quiet:7.3f}s {budget:7.2f}s {verdict}")
    drawing()


if __name__ == "__main__":
    main()
