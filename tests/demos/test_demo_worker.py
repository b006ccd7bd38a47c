"""The demo worker process (demos/worker.py, worker_client.py): frames come
through it, a demo's error comes back as data, a newer run does not wait for
the one before, a stuck worker is replaced, a dead one is reported and
replaced, and no worker outlives its app."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from demos.frames import Frame
from demos.params import ParamError
from demos.registry import get_demo
from demos.runner import run_demo
from demos.worker_client import STALL_SECONDS, DemoProcess
from demos.worker_protocol import DemoFailed, WorkerDied, load_plain
from tests.demos.worker_fakes import ROOT, command


@pytest.fixture
def worker():
    process = DemoProcess(command())
    yield process
    process.close()


def gone(pid: int, within: float = 10.0) -> bool:
    """Whether process `pid` has ended (and been reaped) within `within` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:  # ours and ended: reap it
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return True
        except ChildProcessError:
            pass
        time.sleep(0.05)
    return False


def test_a_demos_frames_arrive_through_another_process(worker):
    values = get_demo("attention").resolve({"sentence": "a b c"})
    frames = list(worker.run("attention", values).frames())
    assert worker.pid is not None and worker.pid != os.getpid()
    assert frames[-1].finished and frames[-1].data == run_demo("attention", values)


def test_frames_keep_their_order_and_the_throttle(worker):
    started = time.monotonic()
    frames = list(worker.run("fake-steady", {"seconds": 1.0}, rate=5).frames())
    assert all(isinstance(f, Frame) for f in frames)
    assert [f.step for f in frames] == sorted(f.step for f in frames)
    assert frames[-1].finished and frames[-1].data["done"]
    # 100 frames computed in a second, about 5 a second let through (and the finished one).
    assert len(frames) <= 5 * (time.monotonic() - started) + 3


def test_a_param_error_comes_back_in_both_languages(worker):
    with pytest.raises(ParamError) as caught:
        list(worker.run("attention", {"heads": 3}).frames())
    assert caught.value.param == "heads"
    assert "약수" in caught.value.say("ko") and "divide" in caught.value.say("en")
    assert list(worker.run("fake-steady", {"seconds": 0.05}).frames())[-1].finished


def test_an_exception_in_a_demo_comes_back_as_data_and_the_worker_goes_on(worker):
    run = worker.run("fake-broken", {})
    with pytest.raises(DemoFailed) as caught:
        list(run.frames())
    assert caught.value.say("en") == "ZeroDivisionError: the stand-in divided by zero"
    pid = worker.pid
    assert list(worker.run("fake-steady", {"seconds": 0.05}).frames())[-1].finished
    assert worker.pid == pid  # the same process, torch imported once


def test_what_a_demo_prints_does_not_break_the_frames(worker):
    assert list(worker.run("fake-prints", {}).frames())[-1].data == {"printed": True}
    assert list(worker.run("fake-steady", {"seconds": 0.05}).frames())[-1].finished


def test_a_new_run_does_not_wait_for_the_one_going(worker):
    first = worker.run("fake-steady", {"seconds": 60.0})
    frames = first.frames()
    next(frames)  # it is computing
    started = time.monotonic()
    second = list(worker.run("fake-steady", {"seconds": 0.05}).frames())
    assert second[-1].finished and time.monotonic() - started < 5
    assert not any(f.finished for f in frames)  # the first one ended, unfinished
    assert worker.started == 1  # the worker stopped it between two frames


def test_a_worker_stuck_in_a_long_compute_is_replaced(worker):
    assert list(worker.run("fake-steady", {"seconds": 0.05}).frames())[-1].finished
    stuck = worker.run("fake-stuck", {"seconds": 60.0})
    next(stuck.frames())  # its first frame came; now it hands out none
    started = time.monotonic()
    frames = list(worker.run("fake-steady", {"seconds": 0.05}).frames())
    assert frames[-1].finished
    assert time.monotonic() - started < STALL_SECONDS + 10
    assert worker.started == 2  # killed, and a fresh one took the run


def test_a_killed_worker_is_reported_and_the_next_run_starts_a_fresh_one(worker):
    run = worker.run("fake-steady", {"seconds": 60.0})
    frames = run.frames()
    next(frames)
    pid = worker.pid
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(WorkerDied) as caught:
        list(frames)
    assert caught.value.returncode == -signal.SIGKILL
    assert "SIGKILL" in caught.value.say("en") and "SIGKILL" in caught.value.say("ko")
    assert list(worker.run("fake-steady", {"seconds": 0.05}).frames())[-1].finished
    assert worker.pid not in (None, pid)


def test_close_ends_the_worker(worker):
    list(worker.run("fake-steady", {"seconds": 0.05}).frames())
    pid = worker.pid
    worker.close()
    assert gone(pid, within=2.0)


ORPHAN = f"""
import sys, time
sys.path.insert(0, {str(ROOT)!r})
from demos.worker_client import DemoProcess
from tests.demos.worker_fakes import command
process = DemoProcess(command())
frames = process.run("fake-steady", {{"seconds": 60.0}}).frames()
next(frames)
print(process.pid, flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("how", ["killed", "exits-without-closing"])
def test_a_worker_ends_when_its_app_dies(how):
    # Killed, or gone without running its exit handlers (no close(), no atexit).
    end = "time.sleep(60)" if how == "killed" else "import os; os._exit(1)"
    script = ORPHAN.replace("time.sleep(60)", end)
    app = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        pid = int(app.stdout.readline())
        if how == "killed":
            app.kill()
        app.wait(10)
        assert gone(pid)  # its stdin closed with the app: it ended mid-compute
    finally:
        app.kill()


def test_the_face_builds_no_class_from_the_pipe():
    import io
    import pickle

    with pytest.raises(pickle.UnpicklingError):
        load_plain(io.BytesIO(pickle.dumps({"frame": Frame({"x": 1})})))
    assert load_plain(io.BytesIO(pickle.dumps({"a": (1, 2.5, None, "b")}))) == {
        "a": (1, 2.5, None, "b")}
