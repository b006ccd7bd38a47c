"""Starting the app to Home never imports torch (nor a demo's compute module)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import asyncio, sys
from pathlib import Path
from studytui.config import Config
from studytui.store.sqlite_store import Store
from tests.tui.deck_data import test_deck
from studytui.tui.app import StudyApp

async def main():
    store = Store.open(Path(sys.argv[1]), backup=False)
    app = StudyApp(test_deck(), store, Config(), "both")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")  # browse lists the demos too
        await pilot.press("escape", "s")
        await pilot.pause()
        screens = [type(s).__name__ for s in app.screen_stack]
    heavy = sorted(m for m in sys.modules
                   if m == "torch" or m.startswith("torch.") or m.endswith(".compute"))
    print(screens[-1], heavy)

asyncio.run(main())
"""


def test_home_browse_and_stats_load_without_torch(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "r.db")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "StatsScreen []"
