"""Imported decks open in the TUI, and a review made there survives a
re-import of the edited source (the card ids, hence the history, are kept)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studytui.cli import main
from studytui.config import Config
from studytui.content.loader import load_deck
from studytui.tui.widgets.lecture_table import LectureTable
from tests.transfer.anki_package import apkg_latest
from tests.transfer.test_import_apkg import DECKS, NOTES
from tests.transfer.test_import_text import CSV, MARKDOWN


def _apkg(fixed: bool) -> bytes:
    notes = list(NOTES)
    if fixed:
        nid, guid, fields, tags, did = notes[0]
        notes[0] = (nid, guid, ["<b>경사 하강법 (고침)</b>", fields[1]], tags, did)
    return apkg_latest(DECKS, notes)


SOURCES = {
    "csv": ("n.csv", lambda fixed: CSV.replace("Gradeint", "Gradient" if fixed else "Gradeint")),
    "md": ("n.md", lambda fixed: MARKDOWN.replace("Gradeint", "Gradient" if fixed else "Gradeint")),
    "apkg": ("n.apkg", _apkg),
}


def _import(tmp_path: Path, kind: str, fixed: bool):
    name, make = SOURCES[kind]
    data = make(fixed)
    source = tmp_path / name
    source.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    assert main(["import", str(source), "--deck", str(tmp_path / "deck")]) == 0
    return load_deck([tmp_path / "deck"])


@pytest.mark.parametrize("kind", sorted(SOURCES))
async def test_an_imported_deck_opens_and_keeps_its_history_across_a_reimport(
        kind, store, clock, tmp_path: Path):
    from studytui.tui.app import StudyApp

    deck = _import(tmp_path, kind, fixed=False)
    number = deck.lectures[-1].number
    cards = len(deck.lecture(number).cards)

    def app_for(d):
        return StudyApp(d, store, Config(lang="en"), "en", start="home",
                        config_path=tmp_path / "config.toml", now=clock)

    app = app_for(deck)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(LectureTable)
        assert [r.number for r in table.rows] == deck.numbers()
        assert table.row_cells(number)[3] == str(cards)  # every card new
        app.open_review([number], "new")
        await pilot.pause()
        await pilot.press("space", "3")  # Good: one card reviewed
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_cells(number)[3] == str(cards - 1)
    reviewed = store.known_cards()
    assert len(reviewed) == 1

    again = _import(tmp_path, kind, fixed=True)
    assert set(again.cards) == set(deck.cards)
    assert reviewed <= set(again.cards)
    app = app_for(again)
    async with app.run_test(size=(100, 30)):
        table = app.screen.query_one(LectureTable)
        assert table.row_cells(number)[3] == str(cards - 1)  # the review is still there
