"""Compute times of the three demos, measured after torch is imported.

    python benchmarks/bench_demos.py

Budgets (issue 5): optimizer race, all seven optimizers x 300 steps < 0.5 s;
all eight built-in architectures counted < 1 s in total; attention < 50 ms.
Issue 19 adds the drawing: the race's first frame (made before torch is
imported), and the time to draw a frame at the pane sizes the TUI meets, first
draw (the field computed) and redraw (the field cached); the TUI draws at most
12 frames a second, so a redraw under ~40 ms leaves the app most of its time.
Each figure is the best of REPEATS runs in one process; the "cold" figure is
the first run, which also pays torch's one-time lazy imports (the first
operation on the meta device loads torch._meta_registrations and sympy).
"""

from __future__ import annotations

import os
import time

REPEATS = 5


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def first_frame() -> None:
    t0 = time.perf_counter()
    from demos.optimizer_race.compute import frames

    frame = next(frames())
    print(f"race: first frame (step {frame.step}) before torch: "
          f"{(time.perf_counter() - t0) * 1000:.1f} ms")


def drawing() -> None:
    from rich.console import Console

    from demos.optimizer_race.render import field
    from demos.runner import render_demo, run_demo

    print(f"{'drawing a frame (Rich, to segments)':62} {'first':>8} {'redraw':>8}")
    cases = [("optimizer-race", {}), ("cnn-params", {}), ("attention", {})]
    for name, params in cases:
        result = run_demo(name, params)
        for width, height in ((80, 24), (160, 48), (220, 60)):
            console = Console(width=width, file=open(os.devnull, "w"),  # noqa: SIM115
                              color_system="truecolor", force_terminal=True)
            field.cache_clear()

            def draw(result=result, name=name, width=width, height=height, console=console):
                console.print(render_demo(name, result, width=width, height=height))

            first = timed(draw)
            redraw = min(timed(draw) for _ in range(REPEATS))
            label = f"{name} at {width}x{height}"
            print(f"{label:62} {first * 1000:6.1f}ms {redraw * 1000:6.1f}ms")


def main() -> None:
    first_frame()
    t0 = time.perf_counter()
    import torch  # noqa: F401

    print(f"import torch: {time.perf_counter() - t0:.2f} s (not part of the budgets)")

    from demos.attention.compute import run as attention
    from demos.cnn_params.archs import ARCHS
    from demos.cnn_params.compute import run as cnn
    from demos.optimizer_race.compute import run as race

    def all_archs() -> None:
        for arch in ARCHS:
            cnn(arch=arch)

    benches = [
        ("optimizer race, rosenbrock, 7 optimizers x 300 steps", lambda: race(steps=300), 0.5),
        # Issue 20: Rosenbrock's own default is 1000 steps (adam and momentum reach
        # the tolerance); its budget is issue 5's, in proportion.
        ("optimizer race, rosenbrock, default (7 x 1000 steps)", lambda: race(), 0.5 * 1000 / 300),
        ("optimizer race, beale, 7 optimizers x 300 steps",
         lambda: race(function="beale"), 0.5),
        ("cnn-params, all 8 architectures", all_archs, 1.0),
        ("attention, default (4 tokens, d_model 8, 2 heads)", lambda: attention(), 0.05),
        ("attention, largest (16 tokens, d_model 64, 8 heads, causal)",
         lambda: attention(sentence=" ".join("abcdefghijklmnop"), d_model=64, heads=8,
                           causal=True), 0.05),
    ]
    print(f"{'demo':62} {'cold':>8} {'best':>8} {'budget':>8}")
    for name, fn, budget in benches:
        cold = timed(fn)
        best = min(timed(fn) for _ in range(REPEATS))
        verdict = "ok" if best < budget else "OVER"
        print(f"{name:62} {cold:7.3f}s {best:7.3f}s {budget:7.3f}s {verdict}")
    drawing()


if __name__ == "__main__":
    main()
