"""Random keys on every screen never crash the app.

Seeded, so a failure replays; bounded in keys and seconds per screen. Some
keys go in bursts without waiting, the way a fast typist or a held key sends
them: PageUp right after the palette or a Select opens, before its first
layout, crashed Textual's OptionList (KeyError) until `key_guard`.
"""

from __future__ import annotations

import random
import time

import pytest
from textual import events

KEYS = [*"abcefghijklmnoprstuvwxyz0123456789", "space", "enter", "escape", "tab",
        "shift+tab", "up", "down", "left", "right", "pageup", "pagedown", "home", "end",
        "backspace", "delete", "ctrl+p", "question_mark", "comma", "ctrl+z", "slash"]
# Not pressed at random: q and ctrl+q/ctrl+c quit (the run would end early); d
# opens a demo, which loads torch (its own entry below covers the demo screen).
KEYS_PER_SCREEN = 120
SECONDS_PER_SCREEN = 20.0
# A burst opens something (the palette, a Select, a screen) and at once moves
# in it, as a held key does: the race the guard closes.
OPENERS = ["ctrl+p", "enter", "space", "tab", "b", "s", "z", "r", "comma", "question_mark"]
MOVES = ["pageup", "pagedown", "home", "end", "up", "down"]
CHARACTERS = {"space": " ", "question_mark": "?", "comma": ",", "slash": "/"}

ENTRIES = {
    "home": [],
    "review": ["r"],
    "new": ["n"],
    "quiz-setup": ["z"],
    "quiz": ["z", "enter"],
    "browse": ["b"],
    "card-detail": ["b", "tab", "enter"],
    "stats": ["s"],
    "settings": ["comma"],
    "help": ["question_mark"],
    "palette": ["ctrl+p"],
    "demo": None,  # opened directly, see below
}


def _post(app, key: str) -> None:
    char = CHARACTERS.get(key, key if len(key) == 1 else None)
    app.post_message(events.Key(key, char))


@pytest.mark.parametrize("entry", ENTRIES)
async def test_random_keys_never_crash_the_app(make_app, entry):
    rng = random.Random(f"mash-{entry}")
    app = make_app()
    app.animation_level = "none"
    async with app.run_test(size=(100, 30)) as pilot:
        if ENTRIES[entry] is None:
            app.open_demo("cnn-params", {})
        else:
            await pilot.press(*ENTRIES[entry])
        deadline = time.monotonic() + SECONDS_PER_SCREEN
        pressed = 0
        while pressed < KEYS_PER_SCREEN and time.monotonic() < deadline and app.is_running:
            if rng.random() < 0.25:  # a burst, no waiting between keys
                burst = [rng.choice(OPENERS), *rng.choices(MOVES, k=rng.randint(1, 3))]
                for key in burst:
                    _post(app, key)
                    pressed += 1
                await pilot.pause()
            else:
                await pilot.press(rng.choice(KEYS))
                pressed += 1
        assert pressed >= 30, f"the app ended after {pressed} keys"
