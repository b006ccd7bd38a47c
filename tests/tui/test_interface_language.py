"""`--lang ko` shows a Korean interface on every screen, and `--lang en` an
English one: no interface word of the other language is left on screen.

The words looked for are the catalogue's own (its English side in `ko`, its
Korean side in `en`), less any the deck itself uses: the cards' own words are
not interface words."""

from __future__ import annotations

import re

import pytest
from rich.text import Text

from demos.registry import DEMOS
from studytui.words import catalogue
from tests.tui.conftest import korean_words, strings
from tests.tui.demo_fakes import fake_demo

# Words both languages show: key names, the app's name, language names in
# their own language (Settings lists "English" in Korean as 한국어 in English).
SHARED = {"studytui", "UTC", "ctrl", "space", "esc", "tab", "shift", "enter", "English",
          "한국어", "both", "Space", "Enter", "FSRS", "Anki"}  # the last two: names


# Names that are code, not words: a demo's parameters are its command-line flags,
# and torch.optim is the library the race uses.
SHARED |= {"torch", "optim"} | {p.name for spec in DEMOS.values() for p in spec.params}


def english_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{3,}", text))


def screen_text(app) -> str:
    # The compositor's lines: what the terminal shows.
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def interface_words(lang: str, deck) -> set[str]:
    content = "\n".join(strings(deck.lectures))
    if lang == "ko":  # the English an untranslated label would show
        words = {w for _, en in catalogue().values() for w in english_words(en)}
        return words - english_words(content) - SHARED
    words = {w for ko, _ in catalogue().values() for w in korean_words(re.sub(r"{\w*}", " ", ko))}
    return words - korean_words(content) - SHARED


async def visit_every_screen(app, pilot):
    """Each screen in turn, yielding its name once it is drawn."""
    async def shown(name: str):
        await pilot.pause()
        return name

    yield await shown("home")
    for key, name in (("b", "browse"), ("s", "stats"), ("z", "quiz setup"),
                      ("comma", "settings"), ("question_mark", "help")):
        await pilot.press(key)
        yield await shown(name)
        await pilot.press("escape")
    app.open_review([3], "new")
    yield await shown("card front")
    await pilot.press("space")
    yield await shown("card back")
    await pilot.press("question_mark")
    yield await shown("help on flashcards")
    await pilot.press("escape")
    for _ in range(3):
        await pilot.press("space", "3")
    yield await shown("session summary")
    await pilot.press("escape")
    app.start_quiz([2, 3, 8], 6, seed=2)
    yield await shown("quiz question")
    while app.screen.quiz.current is not None:
        q = app.screen.quiz.current
        await pilot.press(*{"truefalse": ["t"], "multi": ["1", "enter"],
                            "choice": ["1"]}.get(q.type, ["x", "y", "enter"]))
        yield await shown(f"quiz feedback ({q.type})")
        await pilot.press("enter")
    yield await shown("quiz result")
    await pilot.press("escape")
    app.open_card("adam")
    yield await shown("card detail")
    app.open_demo("optimizer-race", {})
    await app.workers.wait_for_complete()
    yield await shown("demo")


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_every_screen_speaks_the_chosen_language(make_app, deck, monkeypatch, lang):
    # The demo's own picture is the demos' (tests/demos check its words); this is the screen.
    fake_demo(monkeypatch, lambda name, params: {"x": 1}, lambda *a, **k: Text("·"))
    other = interface_words(lang, deck)
    app = make_app(lang=lang)
    found: list[str] = []
    seen: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        async for where in visit_every_screen(app, pilot):
            seen.append(where)
            text = re.sub(r"\S*/\S*", " ", screen_text(app))  # a file's path is not a word
            words = english_words(text) if lang == "ko" else korean_words(text)
            found += [f"{where}: {w!r}" for w in sorted(words & other)]
    assert {"home", "help", "card back", "session summary", "quiz result", "demo"} <= set(seen)
    assert not found, "\n".join(found)
