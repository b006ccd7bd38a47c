"""A stand-in demo for TUI tests: no torch, frames and pictures chosen by the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import demos.runner
from demos.frames import Frame


def fake_demo(monkeypatch, result: Callable[[str, dict], Any],
              render: Callable[..., Any], steps: int = 0) -> None:
    """The demo's frames: `steps` in-between frames (data {"step": i}), then the
    finished one with `result(name, params)`; `render(name, data, **options)`."""

    def iter_frames(name: str, params: dict[str, Any], rate: float | None = None):
        for i in range(1, steps + 1):
            yield Frame({"step": i}, i, steps)
        yield Frame(result(name, params), steps, steps, finished=True)

    monkeypatch.setattr(demos.runner, "iter_frames", iter_frames)
    monkeypatch.setattr(demos.runner, "render_demo",
                        lambda name, data, lang="both", **options: render(name, data, lang=lang,
                                                                          **options))
