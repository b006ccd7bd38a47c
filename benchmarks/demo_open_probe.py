"""Open one demo from the gallery in a fresh process (torch not yet imported)
and print, as one JSON line, the seconds from the Enter key press to its
first picture on screen and to its finished picture, and the slowest key
answered: over the whole run (the screen's opening included), and while
torch imported (from the demo's screen on display to the first frame
computed with torch: any but the race's step 0).

    python benchmarks/demo_open_probe.py NAME [PARAMS_JSON]

With PARAMS_JSON (tests/tui/test_demo_process.py: a shorter race) the demo
opens with those parameters, as a card's link opens it, instead of from
the gallery with its defaults.

Used by bench_demo_open.py. The app runs headless at 100x30 on the bundled
deck and a store in a temporary folder.

A key's time runs from when it is due (50 ms after the last one was
answered) to the screen's next refresh after the key's action ran (the
output scrolled down a line): what a learner waits for. The probe runs in
the app's process, so a stall there (a thread holding the GIL) delays the
key's sending too: that delay counts. (Pilot's `press` also waits until the whole process has
been idle for a moment, which measures how busy the app is, not how soon it
answers.) A key goes every 50 ms from the Enter press to the finished
picture, so some land while torch imports.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

KEY_EVERY = 0.05  # seconds between two key presses


async def probe(name: str, params: dict | None = None) -> dict:
    from textual import events

    from studytui.config import Config
    from studytui.content.deck_cache import load_deck_cached
    from studytui.store.sqlite_store import Store
    from studytui.tui.app import StudyApp
    from studytui.tui.screens.demo import DemoPane, DemoScreen

    answered: list[float] = []  # when each key's action reached the screen

    def scroll_down(pane: DemoPane) -> None:
        DemoPane.scroll_down(pane, animate=False)
        pane.call_after_refresh(lambda: answered.append(time.perf_counter()))

    DemoPane.action_scroll_down = scroll_down  # type: ignore[method-assign]
    torch_frame_at: list[float] = []  # when the first frame computed with torch came
    on_frame = DemoScreen.on_demo_frame

    def on_demo_frame(screen: DemoScreen, message) -> None:
        if message.frame.step != 0 and not torch_frame_at:
            torch_frame_at.append(time.perf_counter())
        on_frame(screen, message)

    DemoScreen.on_demo_frame = on_demo_frame  # type: ignore[method-assign]

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
        if params is not None:
            app.open_demo(name, params)
        else:
            # Not pilot.press, which waits for the process to go idle (the demo's
            # start would be over before the first key below).
            app._driver.send_message(events.Key("enter", "\r"))
        while not isinstance(app.screen, DemoScreen):
            await asyncio.sleep(0.001)
        screen = app.screen
        shown: list[float] = []  # when the demo's screen was first on display
        screen.call_after_refresh(lambda: shown.append(time.perf_counter()))
        waits: list[tuple[float, float]] = []  # (sent at, waited)
        due = time.perf_counter()  # when the learner presses the next key
        while screen.result is None and screen.error is None:
            before = len(answered)
            app._driver.send_message(events.Key("down", None))  # as the terminal's driver would
            while len(answered) == before:
                await asyncio.sleep(0.001)
            # From when the key was due: a process held up (by the GIL) sends it late.
            waits.append((due, answered[-1] - due))
            due = answered[-1] + KEY_EVERY
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
        if screen.first_picture_at is None:
            await pilot.pause()
        first = (screen.first_picture_at or time.perf_counter()) - pressed  # a refresh drew it
        done = time.perf_counter() - pressed
        torch_here = "torch" in sys.modules
    store.close()
    return {"demo": name, "first_picture": first, "finished": done,
            "slowest_key": max((w for _, w in waits), default=0.0), "keys": len(waits),
            "slowest_key_importing": max(
                (w for at, w in waits if shown and shown[0] <= at
                 and (not torch_frame_at or at < torch_frame_at[0])), default=0.0),
            "torch_in_app": torch_here, "error": repr(screen.error) if screen.error else None}


if __name__ == "__main__":
    given = json.loads(sys.argv[2]) if len(sys.argv) > 2 else None
    print(json.dumps(asyncio.run(probe(sys.argv[1], given))), flush=True)
