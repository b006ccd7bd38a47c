"""What a test needs from the machine (a tool, a server, a kernel feature).

Locally a missing need skips the test: a developer without tmux can still run
the rest. In CI (`CI=true`) it fails the test instead: a skipped check cannot
fail, so CI would pass while checking nothing. `.ci/run` installs the tools.

    from tests.requirements import require, require_tool
    tmux = require_tool("tmux")
"""

from __future__ import annotations

import os
import shutil

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(available: bool, what: str) -> None:
    """Skip (locally) or fail (in CI) the running test unless `available`."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{what}: required in CI (CI=true), where a skipped test checks nothing")
    pytest.skip(what)


def require_tool(name: str) -> str:
    """The path of the command `name`; skips locally, fails in CI, when it is missing."""
    path = shutil.which(name)
    require(path is not None, f"{name} is not installed")
    assert path is not None
    return path
