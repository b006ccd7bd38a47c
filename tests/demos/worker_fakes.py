"""Stand-in demos for the demo worker's tests, registered in the worker
process itself (`command()` starts a worker that has them): one that hands
out frames steadily, one stuck in a long compute, one that fails, one that
prints. No torch."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

from demos.frames import Frame
from demos.params import DemoSpec, Param

ROOT = Path(__file__).resolve().parents[2]
SECONDS = Param("seconds", "float", 0.2, "how long it computes", low=0.0, high=120.0)
NAMES = ("fake-steady", "fake-stuck", "fake-broken", "fake-prints")


def command() -> list[str]:
    """A worker process whose registry also holds the stand-ins."""
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
            "from tests.demos.worker_fakes import main; main()"]


def main() -> None:
    from demos.registry import DEMOS
    from demos.worker import main as worker_main

    for name in NAMES:  # `kind` tells the one compute module which stand-in it is
        kind = Param("kind", "choice", name, "which stand-in", options=(name,))
        DEMOS[name] = DemoSpec(name, name, name, 1, name, f"{__name__}:frames",
                               f"{__name__}:frames", (SECONDS, kind))
    worker_main()


def frames(seconds: float, kind: str) -> Iterator[Frame]:
    return {"fake-steady": _steady, "fake-stuck": _stuck, "fake-broken": _broken,
            "fake-prints": _prints}[kind](seconds)


def _steady(seconds: float) -> Iterator[Frame]:
    """A frame every 10 ms for `seconds`."""
    steps = max(1, int(seconds / 0.01))
    for i in range(steps):
        yield Frame({"i": i}, i, steps)
        time.sleep(0.01)
    yield Frame({"i": steps, "done": True}, steps, steps, finished=True)


def _stuck(seconds: float) -> Iterator[Frame]:
    """One frame, then `seconds` without any (a compute that cannot be stopped)."""
    yield Frame({"i": 0}, 0, 1)
    time.sleep(seconds)
    yield Frame({"i": 1, "done": True}, 1, 1, finished=True)


def _broken(seconds: float) -> Iterator[Frame]:
    yield Frame({"i": 0}, 0, 1)
    raise ZeroDivisionError("the stand-in divided by zero")


def _prints(seconds: float) -> Iterator[Frame]:
    print("a demo that prints must not break the pipe", flush=True)
    sys.stdout.buffer.write(b"\x80\x05 raw bytes too\n")
    sys.stdout.flush()
    yield Frame({"printed": True}, 1, 1, finished=True)
