"""Run and render a registered demo by name: the one door the TUI and the
CLI use. torch enters only when a demo's frames are computed, so importing
this module stays cheap.

Every demo's compute module has `frames(**params)`, a generator of
demos.frames.Frame whose last one is finished (see demos/frames.py), and its
render module has `render(result, lang, step, width, height, color)`, which
draws any frame's data in exactly the size it is given.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from demos.frames import Frame, finished, throttle
from demos.lang import check_lang
from demos.live import live_of
from demos.registry import get_demo

if TYPE_CHECKING:
    from rich.console import RenderableType

DEFAULT_SIZE = (100, 30)


def _load(path: str) -> Callable[..., Any]:
    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)


def resolve_params(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """Every parameter of demo `name`, validated; ParamError on an unknown demo
    or a bad value (the message names the parameter and what it accepts)."""
    return get_demo(name).resolve(params)


def iter_frames(name: str, params: dict[str, Any], rate: float | None = None,
                previous: dict[str, Any] | None = None) -> Iterator[Frame]:
    """Validate `params` (ParamError before any work), then the demo's frames,
    at most `rate` a second if given (the finished one always comes).
    `previous`, an earlier result, reaches a demo whose Live `reuses` it."""
    spec = get_demo(name)
    values = resolve_params(name, params)
    if previous is not None and live_of(spec.live).reuses:
        values = {**values, "previous": previous}
    module = spec.compute.partition(":")[0]
    frames = _load(f"{module}:frames")(**values)
    return throttle(frames, rate) if rate else frames


def run_demo(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """The demo's result (its finished frame's data): plain, JSON-ready data.
    Raises demos.params.ParamError on bad input."""
    return finished(iter_frames(name, params)).data


def render_demo(name: str, result: dict[str, Any], lang: str = "both",
                step: int | None = None, width: int | None = None, height: int | None = None,
                color: bool = True) -> RenderableType:
    """A frame's data as a Rich renderable (no torch) drawn in `width` x
    `height` cells; `step` (the race) draws the paths as they were then."""
    return _load(get_demo(name).render)(
        result, lang=check_lang(lang), step=step, width=width or DEFAULT_SIZE[0],
        height=height or DEFAULT_SIZE[1], color=color)


def to_json(result: dict[str, Any]) -> str:
    """The result as strict JSON (no NaN or Infinity), Korean kept readable."""
    return json.dumps(result, ensure_ascii=False, allow_nan=False)
