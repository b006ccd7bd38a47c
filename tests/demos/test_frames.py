"""The frame protocol: frames of plain data, a bounded rate, a finished frame
that is the result, torch with a bounded thread pool."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from demos.frames import TORCH_THREADS, Frame, finished, throttle
from demos.optimizer_race.compute import frames as race_frames
from demos.optimizer_race.compute import run as race
from demos.runner import iter_frames, run_demo


def test_the_race_hands_out_growing_frames_and_ends_with_its_result():
    frames = list(race_frames(function="valley", steps=120))
    assert [f.finished for f in frames] == [False] * (len(frames) - 1) + [True]
    steps = [f.step for f in frames]
    assert steps == sorted(steps) and steps[0] == 0 and steps[-1] == 120
    assert frames[-1].data == race(function="valley", steps=120)
    final = {run["name"]: run["trajectory"] for run in frames[-1].data["runs"]}
    for frame in frames:
        json.dumps(frame.data, allow_nan=False)  # plain data, ready for any face
        for run in frame.data["runs"]:
            path = run["trajectory"]
            assert path == final[run["name"]][: len(path)]  # a prefix of the real path
            assert len(run["losses"]) == len(path)  # every point shown has its loss


def test_the_first_race_frame_comes_before_torch_is_imported():
    code = ("import sys\nfrom demos.optimizer_race.compute import frames\n"
            "first = next(frames())\nprint(first.step, 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["0", "False"]


def test_throttle_drops_frames_that_come_too_fast_but_never_the_first_or_the_last():
    times = iter([0.0, 0.01, 0.02, 0.2, 0.21, 0.22])
    frames = [Frame({"i": i}, i, 5, finished=i == 5) for i in range(6)]
    passed = [f.data["i"] for f in throttle(frames, rate=10, clock=lambda: next(times))]
    assert passed == [0, 3, 5]


def test_throttle_holds_a_held_frame_until_its_turn_instead_of_dropping_it():
    times = iter([0.0, 0.01, 0.02, 0.03])
    waits: list[float] = []
    frames = [Frame({"i": 0}), Frame({"i": 1}, hold=True), Frame({"i": 2}, hold=True),
              Frame({"i": 3}, finished=True)]
    passed = [f.data["i"] for f in throttle(frames, rate=10, clock=lambda: next(times),
                                            sleep=waits.append)]
    assert passed == [0, 1, 2, 3]
    assert waits == pytest.approx([0.09, 0.18])  # each held one 1/rate after the last


def test_finished_takes_the_last_frame_and_refuses_a_demo_that_never_finishes():
    assert finished(iter([Frame({"a": 1}), Frame({"a": 2}, finished=True)])).data == {"a": 2}
    try:
        finished(iter([Frame({"a": 1})]))
    except RuntimeError as error:
        assert "finished" in str(error)
    else:
        raise AssertionError("a demo without a finished frame went unnoticed")


def test_every_demo_ends_in_one_finished_frame_equal_to_its_result():
    for name in ("optimizer-race", "cnn-params", "attention"):
        frames = list(iter_frames(name, {}, rate=1000))
        assert frames[-1].finished and sum(f.finished for f in frames) == 1
        assert frames[-1].data == run_demo(name, {})


def test_torch_runs_with_a_bounded_thread_count():
    code = ("from demos.runner import run_demo\nimport torch\n"
            "run_demo('attention', {})\nprint(torch.get_num_threads())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == str(TORCH_THREADS)
