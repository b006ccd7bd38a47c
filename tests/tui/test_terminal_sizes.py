"""Every screen, on the bundled course, at terminal sizes from 40x12 to 250x70:
no Korean word is ever cut in half on screen (Hangul takes two cells a
syllable, so a layout that counts characters instead of cells cuts them)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.text import Text
from textual.geometry import Region

from studytui.content.loader import load_deck
from studytui.words import catalogue
from tests.tui.conftest import korean_words, screen_lines, strings
from tests.tui.demo_fakes import fake_demo

# The smallest, the common and the largest run by default; the sizes between
# (5 s each) are slow tests, run by CI.
SIZES = [(40, 12), (80, 24), (250, 70)] + [
    pytest.param(size, marks=pytest.mark.slow)
    for size in [(40, 30), (52, 16), (60, 24), (64, 20), (100, 30)]]
ROOT = Path(__file__).parents[2]
ELLIPSIS_CUT = re.compile(r"[가-힣]\w* ?…")  # no course or UI text has one
# Korean the demos draw in this test (their real output is Rich renderables,
# checked at sizes by tests/e2e).
DEMO_TEXT = "어텐션 가중치는 질의와 키의 유사도를 소프트맥스로 정규화한 값입니다 " * 4


@pytest.fixture(scope="module")
def course():
    return load_deck()


@pytest.fixture
def deck(course):  # the real course, for its long Korean titles and definitions
    return course


@pytest.fixture(scope="module")
def words(course) -> set[str]:
    """Every Korean word the app could draw whole: the course's texts, the
    labels in the app's and the demos' source, and the demo text above."""
    texts = [DEMO_TEXT, *strings(course.lectures)]
    for folder in ("studytui", "demos"):
        texts += [p.read_text(encoding="utf-8") for p in (ROOT / folder).rglob("*.py")]
    # The catalogue's words with their placeholders apart: "{n}문제" is the word "문제"
    # after a number (cut_words takes the number off what the screen shows).
    texts += [re.sub(r"{\w*}", " ", ko) for ko, _en in catalogue().values()]
    return korean_words("\n".join(texts))


def cut_words(app, words: set[str], where: str) -> list[str]:
    rows = screen_lines(app)
    if app.screen.is_modal:  # a dialog covers the screen under it: look at the dialog
        box = Region.from_union([child.region for child in app.screen.children])
        rows = [row[box.x:box.right] for row in rows[box.y:box.bottom]]
    lines = ["".join(row) for row in rows]
    unknown = [f"{where}: {word!r} in {line.strip()!r}"
               for line in lines for word in korean_words(line)
               if word not in words and word.lstrip("0123456789") not in words]
    # A word cut short by an ellipsis may still be a word ("기" of "기초").
    ellipsis = [f"{where}: {cut!r} cut by an ellipsis in {line.strip()!r}"
                for line in lines for cut in ELLIPSIS_CUT.findall(line)]
    return unknown + ellipsis


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_no_korean_word_is_cut_on_any_screen(make_app, monkeypatch, words, size):
    fake_demo(monkeypatch, lambda name, params: {"x": 1}, lambda *a, **k: Text(DEMO_TEXT))
    app = make_app(lang="both")
    found: list[str] = []
    async with app.run_test(size=size) as pilot:
        async def look(where: str) -> None:
            await pilot.pause()
            found.extend(cut_words(app, words, f"{size} {where}"))

        for lang in ("both", "ko", "en"):  # l cycles both -> ko -> en -> both
            for row in range(9):  # every lecture's row, scrolled into view in turn
                await look(f"home {lang} row {row}")
                await pilot.press("down")
            await pilot.press("home", "l")
        for key, where in (("b", "browse"), ("s", "stats"), ("z", "quiz setup"),
                           ("comma", "settings"), ("question_mark", "help")):
            await pilot.press(key)
            await look(where)
            await pilot.press("escape")
        app.open_review([3], "new")
        await look("card front")
        await pilot.press("space")
        await look("card back")
        await pilot.press("escape")
        app.start_quiz([3, 8], 4, seed=2)
        await look("quiz question")
        await pilot.press("1")
        await pilot.press("enter")
        await look("quiz feedback")
        await pilot.press("escape")
        app.open_card("adam")
        await look("card detail")
        app.open_demo("attention", {})
        await app.workers.wait_for_complete()
        await look("demo")
    assert not found, "\n".join(found[:20])
