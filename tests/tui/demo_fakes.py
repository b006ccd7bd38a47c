"""A stand-in demo for TUI tests: no torch, frames and pictures chosen by the test,
computed in the test's own process (the app's demo process is not started)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import demos.runner
import studytui.tui.screens.demo
from demos.frames import Frame
from demos.live import STILL, Live
from studytui.tui.app import StudyApp


def fake_demo(monkeypatch, result: Callable[[str, dict], Any],
              render: Callable[..., Any], steps: int = 0, live: Live = STILL) -> None:
    """The demo's frames: `steps` in-between frames (data {"step": i}), then the
    finished one with `result(name, params)`; `render(name, data, **options)`.
    The stand-in declares `live` (default: nothing live), not the real demo's."""
    monkeypatch.setattr(studytui.tui.screens.demo, "live_of", lambda path: live)

    def iter_frames(name: str, params: dict[str, Any], rate: float | None = None,
                    previous: dict[str, Any] | None = None):
        for i in range(1, steps + 1):
            yield Frame({"step": i}, i, steps)
        yield Frame(result(name, params), steps, steps, finished=True)

    monkeypatch.setattr(demos.runner, "iter_frames", iter_frames)
    monkeypatch.setattr(StudyApp, "demo_process", lambda app: InProcess())
    monkeypatch.setattr(demos.runner, "render_demo",
                        lambda name, data, lang="both", **options: render(name, data, lang=lang,
                                                                          **options))


class InProcess:
    """Stands in for the app's demo process (demos.worker_client.DemoProcess):
    the frames of demos.runner.iter_frames, in the thread that reads them."""

    def run(self, name: str, values: dict[str, Any], rate: float | None = None,
            previous: dict[str, Any] | None = None) -> InProcessRun:
        return InProcessRun(demos.runner.iter_frames(name, values, rate=rate, previous=previous))


class InProcessRun:
    def __init__(self, frames) -> None:
        self._frames = frames

    def frames(self, cancelled: Callable[[], bool] = lambda: False):
        for frame in self._frames:
            if cancelled():
                return
            yield frame

    def drawn(self) -> None:
        pass
