"""The largest card the schema accepts flips and scrolls without stalling the
TUI; one past the limit is refused at its file:line:column."""

from __future__ import annotations

import time

import pytest

from studytui.content.deck import Deck
from studytui.content.lecture_schema import PAGE, SHORT, validate_lecture
from studytui.content.loader import load_deck
from studytui.errors import ContentError
from studytui.tui.screens.flashcards import FlashcardScreen
from tests.hostile.lecture_text import lecture

# Worst shapes of a text at its limit: one unbroken word (cut at cell
# boundaries), wide Hangul, many short lines.
SHAPES = {
    "one-word": lambda n: "x" * n,
    "hangul": lambda n: ("가나다라마 " * n)[:n],
    "lines": lambda n: ("a\n" * n)[:n],
}
# A key a learner waits for, in CPU seconds of this process (wall time on a
# shared machine measures the neighbours); measured 0.06-0.3 s at 100x30.
FLIP_BUDGET_S = 1.0


def largest_deck(shape: str) -> Deck:
    make = SHAPES[shape]
    text = {"ko": make(PAGE), "en": make(PAGE)}
    card = {"id": "huge", "term": {"ko": make(SHORT), "en": make(SHORT)},
            "definition": text, "notes": text, "formula": make(1000).replace("\n", " "),
            "aliases": [make(SHORT).replace("\n", " ")] * 20}
    lec = validate_lecture({"id": "big", "number": 2, "title": {"ko": make(SHORT)},
                            "summary": text, "cards": [card]})
    return Deck.of([lec])


@pytest.mark.parametrize("shape", SHAPES)
async def test_the_largest_accepted_card_flips_within_budget(store, shape, tmp_path):
    from studytui.config import Config
    from studytui.tui.app import StudyApp

    app = StudyApp(largest_deck(shape), store, Config(), "both", start="review",
                   config_path=tmp_path / "config.toml")
    app.animation_level = "none"  # time the work, not a scroll's animation
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, FlashcardScreen)
        timings = []
        for key in ("space", "space", "l", "space", "pagedown", "end", "home"):
            start = time.process_time()
            await pilot.press(key)
            await pilot.pause()
            timings.append(time.process_time() - start)
        print(f"{shape}: slowest key {max(timings):.3f}s")
        assert max(timings) < FLIP_BUDGET_S, timings


def test_one_character_past_a_field_limit_is_refused_at_its_line(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(lecture(definition="d" * (PAGE + 1)), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_deck([path])
    (issue,) = caught.value.issues
    assert issue.line == 8 and f"too long: {PAGE + 1:,} characters" in issue.message
    path.write_text(lecture(definition="d" * PAGE), encoding="utf-8")
    assert load_deck([path]).cards["card-one"].definition.get("en") == "d" * PAGE
