"""Shared helper for the lecture-content tests: load one lecture file.

Uses the project's loader when it exists (so the tests see exactly what the app
sees, demo links included), else the schema alone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from studytui.model import Lecture

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


def load_lecture(filename: str) -> Lecture:
    """The lecture in content/`filename`, validated; raises on any error."""
    path = CONTENT_DIR / filename
    try:
        from studytui.loader import load_deck
    except ImportError:  # the loader is written in parallel; fall back to the schema
        with path.open(encoding="utf-8") as f:
            return Lecture.model_validate(yaml.safe_load(f))
    (lecture,) = load_deck([path], strict=True).lectures
    return lecture


@pytest.fixture(name="load_lecture", scope="session")
def load_lecture_fixture() -> Callable[[str], Lecture]:
    return load_lecture
