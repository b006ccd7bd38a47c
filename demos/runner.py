"""Run and render a registered demo by name: the one door the TUI and the
CLI use. torch enters only through `run_demo`, which imports the demo's
compute module on first use, so importing this module stays cheap.

The TUI calls `run_demo` from a thread worker, then `render_demo` (for the
optimizer race repeatedly, with step=0..animation_steps(...), to grow the
paths).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from demos.lang import check_lang
from demos.registry import get_demo

if TYPE_CHECKING:
    from rich.console import RenderableType


def _load(path: str) -> Callable[..., Any]:
    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)


def resolve_params(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """Every parameter of demo `name`, validated; ParamError on an unknown demo
    or a bad value (the message names the parameter and what it accepts)."""
    return get_demo(name).resolve(params)


def run_demo(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """Validate `params`, run the demo's compute (imports torch) and return its
    result: plain, JSON-ready data. Raises demos.params.ParamError on bad input."""
    values = resolve_params(name, params)
    return _load(get_demo(name).compute)(**values)


def render_demo(name: str, result: dict[str, Any], lang: str = "both",
                step: int | None = None) -> RenderableType:
    """The result as a Rich renderable (no torch). `lang` is ko, en or both;
    `step` (optimizer race only) draws the paths as they were after that step."""
    return _load(get_demo(name).render)(result, lang=check_lang(lang), step=step)


def animation_steps(name: str, result: dict[str, Any]) -> int | None:
    """How many steps the result can be animated through (render steps
    0..n), or None for a demo that does not animate."""
    return result["steps"] if name == "optimizer-race" else None


def to_json(result: dict[str, Any]) -> str:
    """The result as strict JSON (no NaN or Infinity), Korean kept readable."""
    return json.dumps(result, ensure_ascii=False, allow_nan=False)
