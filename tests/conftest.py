"""Every test runs with its own user folders: nothing a test does can touch
the developer's real review store, config file or deck cache.

Property tests (hypothesis) run a quick profile by default and the thorough
one in CI (`CI=true`), or as asked: `--hypothesis-profile ci`."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from tests.requirements import in_ci

# No deadline in either: two shared cores make a single example's time noise.
settings.register_profile("quick", max_examples=50, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.register_profile("ci", max_examples=1500, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile("ci" if in_ci() else "quick")


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("user")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("STUDYTUI_DB", raising=False)
