"""A test whose tool is missing skips on a developer's machine and fails in CI."""

from __future__ import annotations

import pytest

from tests.requirements import require_tool

MISSING = "studytui-no-such-tool"


def test_a_missing_tool_skips_the_test_locally(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=MISSING):
        require_tool(MISSING)


@pytest.mark.parametrize("value", ["true", "1", "True"])
def test_a_missing_tool_fails_the_test_in_ci(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match=MISSING):
        require_tool(MISSING)


def test_a_present_tool_is_found_by_its_path():
    assert require_tool("sh").endswith("/sh")
