"""A valid lecture file with one text open for the test to fill, and a run of
`studytui` in a subprocess, for the hostile-input tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

LECTURE = """\
id: hostile
number: {number}
title: {{ko: 시험, en: {title}}}
summary: {{ko: 요약, en: A summary}}
cards:
  - id: card-one
    term: {{ko: 용어, en: {term}}}
    definition: {{ko: 정의, en: {definition}}}
"""


def lecture(number: str = "1", title: str = "Title", term: str = "Term",
            definition: str = "A definition") -> str:
    return LECTURE.format(number=number, title=title, term=term, definition=definition)


def run(args: list[str], tmp: Path, **kwargs) -> subprocess.CompletedProcess:
    """`studytui ARGS` with its files under `tmp` and no terminal."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "config"),
           "XDG_DATA_HOME": str(tmp / "data"), "XDG_CACHE_HOME": str(tmp / "cache")}
    env.update(kwargs.pop("env", {}))
    return subprocess.run([sys.executable, "-m", "studytui", *args], env=env,
                          capture_output=True, timeout=60, **kwargs)
