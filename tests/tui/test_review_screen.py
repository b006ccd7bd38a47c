"""The review screen a learner trusts: counts on screen that match a hand count,
suspend/bury/flag by key and undone by key, a long card that shows it scrolls
and scrolls by key, notices whole at any width, the card's source."""

from __future__ import annotations

import pytest

from studytui.content.deck import Deck
from studytui.content.lecture_schema import validate_lecture
from studytui.tui.screens.flashcards import FlashcardScreen
from studytui.tui.widgets.counts_bar import CountsBar
from tests.tui.conftest import plain, screen_lines


def counts_line(app) -> str:
    return plain(app.screen.query_one(CountsBar))


def screen_text(app) -> str:
    return "\n".join("".join(row) for row in screen_lines(app))


async def test_the_counts_on_screen_follow_a_hand_count(make_app, deck):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        new = min(len(deck.cards), 20)
        assert f"New {new}  Learning 0  Due 0" in counts_line(app)
        await pilot.press("3")  # the front: rates nothing, counts unchanged
        assert f"New {new}  Learning 0  Due 0" in counts_line(app)
        await pilot.press("space", "1")  # Again: from new into learning
        assert f"New {new - 1}  Learning 1  Due 0" in counts_line(app)
        assert "1 rated" in counts_line(app)
        await pilot.press("space", "4")  # Easy: days away, out of the session
        assert f"New {new - 2}  Learning 1  Due 0" in counts_line(app)


async def test_the_count_of_the_card_on_screen_is_marked(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        text = app.screen.query_one(CountsBar).content
        marked = [text.plain[span.start:span.end] for span in text.spans
                  if "underline" in str(span.style)]
        assert len(marked) == 1 and marked[0].startswith("New")


async def test_suspend_by_key_takes_the_card_out_and_undo_brings_it_back(make_app, store):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        first = app.screen.session.current.id
        before = counts_line(app)
        await pilot.press("exclamation_mark")
        assert store.marks_of(first).suspended
        assert app.screen.session.current.id != first
        assert "Card suspended" in screen_text(app)
        await pilot.press("u")
        assert not store.marks_of(first).suspended
        assert app.screen.session.current.id == first
        assert counts_line(app) == before
        assert "Suspend undone" in screen_text(app)


async def test_bury_and_flag_by_key_are_events_in_the_store(make_app, store):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        first = app.screen.session.current.id
        await pilot.press("asterisk")
        assert store.marks_of(first).flagged and "⚑ flagged" in counts_line(app)
        await pilot.press("minus")
        assert store.marks_of(first).buried_until is not None
        assert app.screen.session.current.id != first
        counts = store.event_counts()
        assert (counts["flag"], counts["bury"]) == (1, 1)


@pytest.mark.parametrize("width", [40, 60, 80, 100, 160])
@pytest.mark.parametrize("lang", ["ko", "both"])
async def test_the_undo_notice_is_whole_in_the_learners_language_at_any_width(
        make_app, width, lang):
    app = make_app(lang=lang)
    async with app.run_test(size=(width, 24), notifications=True) as pilot:
        await pilot.press("r", "space", "1", "u")
        await pilot.pause()
        assert not app._notifications  # in the layout: no toast over a redrawn widget
        text = screen_text(app)
        shown = " ".join(text.split())  # a notice may wrap at a space in a narrow screen
        assert "마지막 평가를 되돌렸습니다" in shown
        assert ("Last rating undone" in shown) == (lang == "both")


LONG = "긴 설명입니다. " * 120


def long_deck() -> Deck:
    card = {"id": "long", "term": {"ko": "긴 카드", "en": "Long card"},
            "definition": {"ko": LONG, "en": "A long definition. " * 120}}
    return Deck.of([validate_lecture({"id": "l", "number": 2, "title": {"ko": "긴", "en": "Long"},
                                      "summary": {"ko": "s", "en": "s"}, "cards": [card]})])


async def test_a_long_card_shows_a_more_cue_and_scrolls_by_arrow_and_page_keys(store, tmp_path):
    from studytui.config import Config
    from studytui.tui.app import StudyApp

    app = StudyApp(long_deck(), store, Config(), "en", start="review",
                   config_path=tmp_path / "config.toml")
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, FlashcardScreen)
        await pilot.press("space")
        await pilot.pause()
        frame = app.screen.query_one("#card-scroll")
        assert frame.max_scroll_y > 0 and frame.show_vertical_scrollbar
        assert "▼ more" in frame.border_subtitle and "pgdn" in frame.border_subtitle.lower()
        assert "▼ more" in screen_text(app)
        await pilot.press("down")
        assert frame.scroll_y == 1
        await pilot.press("pagedown")
        assert frame.scroll_y > 2
        await pilot.press("pageup", "up")
        assert frame.scroll_y == 0
        for _ in range(40):
            await pilot.press("pagedown")
        await pilot.pause()
        assert frame.scroll_y == frame.max_scroll_y
        assert "▲ more above" in frame.border_subtitle


async def test_the_source_key_says_how_to_copy_the_bundled_deck_and_edits_nothing(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("r", "e")
        text = " ".join(screen_text(app).split())
        # The test deck is in no file: the screen says so rather than guess.
        assert "not in the deck's files" in text


def test_a_card_of_the_bundled_deck_is_found_at_its_line_with_a_copy_recipe():
    from studytui.content.card_source import copy_commands, find_card

    found = find_card("neural-network", None)
    assert found is not None and found.bundled and found.path.endswith("02-mlp.yaml")
    lines = open(found.path, encoding="utf-8").read().splitlines()
    assert lines[found.line - 1].strip() == "- id: neural-network"
    commands = copy_commands()
    assert commands[0].startswith("cp -r ") and 'id = "studytui-bundled"' in commands[1]


def test_a_card_of_a_learners_deck_is_found_in_its_own_file(tmp_path):
    from studytui.content.card_source import find_card

    (tmp_path / "01-a.yaml").write_text("id: a\nnumber: 1\ncards:\n  - id: x\n", "utf-8")
    (tmp_path / "02-b.yaml").write_text(
        "id: b\nnumber: 2\n# x is mentioned here\ncards:\n  - id: y\n  - id: x\n", "utf-8")
    found = find_card("x", tmp_path)
    assert found is not None and not found.bundled
    assert found.path.endswith("01-a.yaml") and found.line == 4


async def test_browse_shows_a_cards_state_marks_and_review_history(make_app, store, clock):
    from studytui.tui.screens.browse import BrowseScreen
    from studytui.tui.widgets.card_record import CardRecordView

    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        first = app.screen.session.current.id
        clock.advance(seconds=4)
        await pilot.press("space", "1")  # Again after 4 s
        clock.advance(minutes=2)
        app.screen.session.undo()  # an undone review is not history
        await pilot.press("space", "3", "escape")
        store.mark_card(first, "flag", clock())
        await pilot.press("b")
        assert isinstance(app.screen, BrowseScreen)
        app.screen.query_one("#search").value = first
        await pilot.pause(0.2)
        text = plain(app.screen.query_one(CardRecordView))
        state = store.state_of(first)
        assert "Learning" in text and "stability" in text and "difficulty" in text
        assert f"{state['stability']:.1f}" in text and f"{state['difficulty']:.1f}" in text
        assert "⚑ flagged" in text
        assert "1 review (newest first)" in text and "3 Good" in text and "1 Again" not in text
        await pilot.press("enter")  # the card's page: ! suspends, again unsuspends
        await pilot.press("exclamation_mark")
        assert store.marks_of(first).suspended and "suspended" in plain(
            app.screen.query_one(CardRecordView))
        await pilot.press("exclamation_mark")
        assert not store.marks_of(first).suspended


async def test_suspend_and_scroll_keys_follow_the_keymap(store, tmp_path):
    from studytui.config import load_config
    from studytui.tui.app import StudyApp

    path = tmp_path / "config.toml"
    path.write_text('lang = "en"\n[keys]\n"cards.suspend" = "x"\n"cards.page_down" = "n"\n',
                    encoding="utf-8")
    app = StudyApp(long_deck(), store, load_config(path), "en", start="review",
                   config_path=path)
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await pilot.pause()
        frame = app.screen.query_one("#card-scroll")
        assert "n" in frame.border_subtitle.split("(")[1]  # the cue names the new key
        await pilot.press("n")
        assert frame.scroll_y > 2
        await pilot.press("exclamation_mark")  # no longer suspends
        assert not store.marks_of("long").suspended
        await pilot.press("x")
        assert store.marks_of("long").suspended
