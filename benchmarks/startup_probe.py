"""Run one app until it is interactive, then print how long that took from
process spawn, and the resident memory then, as one JSON line.

    STARTUP_T0=<epoch seconds at spawn> python startup_probe.py bare
    STARTUP_T0=... python startup_probe.py studytui [studytui args ...]

Used by bench_startup.py; the same hook (Textual's auto_pilot, which runs once
the app is ready) ends both the bare baseline and studytui, so the ratio
compares like with like.
"""

from __future__ import annotations

import json
import os
import sys
import time

T0 = float(os.environ.get("STARTUP_T0", time.time()))


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def _report_and_exit(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    ready = time.time() - T0
    print(
        json.dumps(
            {
                "seconds": ready,
                "rss_mb": _rss_mb(),
                "screen": type(pilot.app.screen).__name__,
                "torch_loaded": "torch" in sys.modules,
            }
        ),
        flush=True,
    )
    pilot.app.exit()


def _patch_run() -> None:
    from textual.app import App

    original = App.run

    def run(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.update(headless=True, size=(100, 30), auto_pilot=_report_and_exit)
        return original(self, *args, **kwargs)

    App.run = run  # type: ignore[method-assign]


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("hello")
            yield Footer()

    Bare().run()


if __name__ == "__main__":
    _patch_run()
    if sys.argv[1] == "bare":
        bare()
    else:
        from studytui.cli import main

        sys.exit(main(sys.argv[2:]))
