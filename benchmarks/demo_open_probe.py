"""Open one demo from the gallery in a fresh process (torch not yet imported)
and print, as one JSON line, the seconds from the Enter key press to its
first picture on screen and to its finished picture, and the slowest key
answered while it computed.

    python benchmarks/demo_open_probe.py NAME

Used by bench_demo_open.py. The app runs headless at 100x30 on the bundled
deck and a store in a temporary folder.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path


async def probe(name: str) -> dict:
    from studytui.config import Config
    from studytui.content.deck_cache import load_deck_cached
    from studytui.store.sqlite_store import Store
    from studytui.tui.app import StudyApp
    from studytui.tui.screens.demo import DemoScreen

    folder = Path(tempfile.mkdtemp(prefix="studytui-demo-open-"))
    store = Store.open(folder / "reviews.db", backup=False)
    app = StudyApp(load_deck_cached(None), store, Config(lang="both"), "both",
                   config_path=folder / "config.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        options = app.screen.query_one("OptionList")
        options.highlighted = next(i for i in range(options.option_count)
                                   if options.get_option_at_index(i).id == name)
        await pilot.pause()
        assert "torch" not in sys.modules
        pressed = time.perf_counter()
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, DemoScreen)
        while screen.first_picture_at is None and screen.error is None:
            await asyncio.sleep(0.002)
        first = (screen.first_picture_at or time.perf_counter()) - pressed  # a refresh drew it
        slowest_key = 0.0
        while screen.result is None and screen.error is None:
            t = time.perf_counter()
            await pilot.press("down")  # scrolls the output: a key the app must answer
            slowest_key = max(slowest_key, time.perf_counter() - t)
            await asyncio.sleep(0.05)
        done = time.perf_counter() - pressed
    store.close()
    return {"demo": name, "first_picture": first, "finished": done, "slowest_key": slowest_key,
            "error": repr(screen.error) if screen.error else None}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(probe(sys.argv[1]))), flush=True)
