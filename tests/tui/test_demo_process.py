"""The demo screen computes in the app's demo process (demos/worker_client.py):
the app itself never imports torch, so it answers keys while torch imports
there; a worker that dies shows one line and `r` runs again in a fresh one;
a knob turned mid-run does not wait for the run; no worker outlives the app."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from studytui.tui.screens.demo import DemoScreen
from tests.demos.test_demo_worker import gone
from tests.tui.conftest import plain
from tests.tui.test_demo_live import opened, settled

ROOT = Path(__file__).resolve().parents[2]
PROBE = ROOT / "benchmarks" / "demo_open_probe.py"
KEY_BUDGET = 0.15  # seconds; the app took 0.17-0.36 s while it imported torch itself


def open_race_in_a_fresh_app(steps: int) -> dict:
    """The race opened in a fresh process (torch not imported), keys pressed
    every 50 ms until it finishes (benchmarks/demo_open_probe.py)."""
    out = subprocess.run([sys.executable, str(PROBE), "optimizer-race",
                          json.dumps({"steps": steps})],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.splitlines()[-1])


def test_the_app_never_imports_torch_even_after_a_demo_ran_to_its_finish():
    got = open_race_in_a_fresh_app(steps=60)
    assert got["error"] is None and got["finished"] > got["first_picture"]
    assert got["torch_in_app"] is False


@pytest.mark.slow  # a timing: CI runs it alone
def test_keys_are_answered_at_once_while_the_demo_process_imports_torch():
    got = open_race_in_a_fresh_app(steps=300)
    assert got["keys"] >= 10  # keys went in while it started, not only after
    assert got["slowest_key_importing"] < KEY_BUDGET, got


async def racing(pilot, params: dict) -> DemoScreen:
    """The race opened with `params`, once a frame computed with torch is on it."""
    pilot.app.open_demo("optimizer-race", params)
    await pilot.pause()
    screen = pilot.app.screen
    for _ in range(600):
        if screen.frame is not None and screen.frame.step:
            return screen
        await pilot.pause(0.05)
    raise AssertionError("no frame computed with torch came")


async def killed_mid_run(pilot) -> tuple[DemoScreen, int]:
    """A long race whose worker (its pid returned) is killed, as the
    out-of-memory killer would, while it runs; once the screen shows it."""
    screen = await racing(pilot, {"steps": 2000})
    pid = pilot.app.demo_process().pid
    os.kill(pid, signal.SIGKILL)
    for _ in range(600):
        if screen.error is not None:
            await pilot.pause()
            return screen, pid
        await pilot.pause(0.05)
    raise AssertionError("the demo did not fail")


async def test_a_killed_worker_shows_one_line_and_r_runs_in_a_fresh_one(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen, pid = await killed_mid_run(pilot)
        error = plain(screen.query_one("#demo-error"))
        assert "The process computing the demo ended (killed by SIGKILL)." in error
        assert "Press r to run it again in a fresh process." in error
        assert "Traceback" not in error
        screen.query_one("#param-steps").value = "30"
        await pilot.press("r")
        await settled(pilot)
        assert screen.result is not None and screen.result["steps"] == 30
        assert not screen.query_one("#demo-error").display
        assert app.demo_process().pid not in (None, pid)


async def test_a_killed_worker_is_said_in_korean_to_a_korean_learner(make_app):
    app = make_app(lang="ko")
    async with app.run_test(size=(100, 30)) as pilot:
        screen, _ = await killed_mid_run(pilot)
        error = plain(screen.query_one("#demo-error"))
        assert "데모를 계산하던 프로세스가 종료되었습니다 (SIGKILL 신호로 강제 종료)." in error
        assert "The process" not in error


async def test_a_knob_turned_mid_run_starts_over_without_waiting(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await racing(pilot, {"steps": 2000, "focus": "adam"})
        await pilot.press("plus")  # mid-run: no result to reuse yet
        await settled(pilot)
        assert screen.values["lr"] == {"adam": 2.0}
        adam = next(run for run in screen.result["runs"] if run["name"] == "adam")
        assert adam["kwargs"]["lr"] == 2.0
        assert app.demo_process().started == 1  # the run stopped at a frame: no kill needed


async def test_the_demo_process_is_kept_between_demos_and_ends_with_the_app(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot, "attention", {})
        pid = app.demo_process().pid
        await pilot.press("escape")
        await opened(pilot, "cnn-params", {})
        assert app.demo_process().pid == pid  # torch imported once
    assert gone(pid, within=3.0)
