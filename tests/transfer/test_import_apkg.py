"""`studytui import` of Anki packages: the current format (zstd
collection.anki21b, schema 18) made here, the older one (genanki writes
collection.anki2), and the zip treated as hostile."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import zstandard

from studytui.cli import main
from studytui.content.anki_export import note_guid
from studytui.content.deck_id import BUNDLED
from studytui.content.importers import apkg_package
from studytui.content.importers.apkg_file import card_id_of_guid
from studytui.content.loader import load_deck
from tests.transfer.anki_package import apkg_latest

DECKS = {1: "Default", 1700000000001: "ML::최적화"}
NOTES = [
    (1600000000001, "Ab#x1", ["<b>경사 하강법</b>", "기울기의 반대<br>방향으로 &amp; 조금씩"],
     "optimizer Chapter::3", 1700000000001),
    (1600000000002, "aB#x1", ["Adam", "Momentum <i>and</i> RMSprop", "<div>extra</div>"], "",
     1700000000001),
    (1600000000003, "cz9", ["{{c1::Adam}} combines momentum and {{c2::RMSprop::an optimizer}}.",
                            "Back extra"], "", 1),
    (1600000000004, "esc", ["Bell\x07\x1b[2J", "shown [sound:x.mp3]"], "", 1),
    (1600000000005, "pic", ['<img src="lung.png">', "[sound:lung.mp3]"], "", 1),
]


def _import(tmp_path: Path, data: bytes, name: str = "deck.apkg") -> int:
    (tmp_path / name).write_bytes(data)
    return main(["import", str(tmp_path / name), "--deck", str(tmp_path / "deck")])


def test_a_current_anki_package_imports_into_a_deck_that_validates(tmp_path: Path):
    assert _import(tmp_path, apkg_latest(DECKS, NOTES)) == 0
    deck = load_deck([tmp_path / "deck"])
    assert len(deck.cards) == 4 and len(deck.lectures) == 2
    gd = deck.cards[card_id_of_guid("Ab#x1")]
    assert gd.term.ko == "경사 하강법"
    assert gd.definition.ko == "기울기의 반대\n방향으로 & 조금씩"
    assert gd.tags == ["optimizer", "chapter-3"]  # Anki's order
    adam = deck.cards[card_id_of_guid("aB#x1")]  # a GUID differing only in case: its own card
    assert adam.definition.en == "Momentum and RMSprop" and adam.notes.en == "extra"
    assert {lec.title.get("en") for lec in deck.lectures} == {"Default", "최적화"}
    bell = deck.cards[card_id_of_guid("esc")]
    assert bell.term.en == "Bell[2J" and bell.definition.en == "shown"


def test_a_note_with_only_a_picture_is_skipped_with_a_warning(tmp_path: Path, capsys):
    assert _import(tmp_path, apkg_latest(DECKS, NOTES)) == 0
    assert card_id_of_guid("pic") not in load_deck([tmp_path / "deck"]).cards
    assert "skipped 1 notes with no text" in capsys.readouterr().err


def test_clozes_become_a_card_and_a_cloze_question_per_number(tmp_path: Path):
    assert _import(tmp_path, apkg_latest(DECKS, NOTES)) == 0
    deck = load_deck([tmp_path / "deck"])
    card_id = card_id_of_guid("cz9")
    card = deck.cards[card_id]
    assert card.term.en == "___ combines momentum and ___ (an optimizer)."
    assert card.definition.en == "Adam combines momentum and RMSprop."
    q1, q2 = deck.questions[f"{card_id}-c1"], deck.questions[f"{card_id}-c2"]
    assert q1.type == "cloze" and q1.prompt.en == "___ combines momentum and RMSprop."
    assert q1.answer.en == "Adam" and q2.answer.en == "RMSprop"


def test_a_reimport_after_an_edit_in_anki_keeps_every_card_id(tmp_path: Path):
    assert _import(tmp_path, apkg_latest(DECKS, NOTES)) == 0
    before = set(load_deck([tmp_path / "deck"]).cards)
    edited = [(1600000000002, "aB#x1", ["Adam (fixed)", "Momentum and RMSprop"], "",
               1700000000001), *NOTES[2:], NOTES[0]]
    assert _import(tmp_path, apkg_latest(DECKS, edited)) == 0
    deck = load_deck([tmp_path / "deck"])
    assert set(deck.cards) == before
    assert deck.cards[card_id_of_guid("aB#x1")].term.en == "Adam (fixed)"


def test_an_export_comes_back_whole_from_the_older_format_genanki_writes(tmp_path: Path):
    assert main(["export", "anki", "--lecture", "3", "--out", str(tmp_path / "old.apkg")]) == 0
    with zipfile.ZipFile(tmp_path / "old.apkg") as z:
        assert "collection.anki2" in z.namelist() and "meta" not in z.namelist()
    assert main(["import", str(tmp_path / "old.apkg"), "--deck", str(tmp_path / "deck")]) == 0
    back = load_deck([tmp_path / "deck"])
    course = load_deck().lecture(3)
    assert len(back.cards) == len(course.cards)
    for card in course.cards:
        again = back.cards[card_id_of_guid(note_guid(BUNDLED, card.id))]
        assert (again.term, again.definition, again.notes, again.formula, again.tags) == (
            card.term, card.definition, card.notes, card.formula, card.tags)
    assert (back.lectures[0].title, back.lectures[0].number) == (course.title, 3)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_member_names_are_never_used_as_paths(tmp_path: Path):
    data = apkg_latest(DECKS, NOTES, extra={"../../escaped.txt": b"x", "/abs.txt": b"y"})
    assert _import(tmp_path, data) == 0
    assert not (tmp_path.parent / "escaped.txt").exists() and not Path("/abs.txt").exists()


def test_a_zstd_bomb_stops_at_the_cap(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(apkg_package, "MAX_COLLECTION_BYTES", 1 << 20)
    bomb = zstandard.ZstdCompressor().compress(b"\0" * (8 << 20))  # 8 MiB from a few hundred bytes
    assert _import(tmp_path, _zip({"meta": b"\x08\x03", "collection.anki21b": bomb})) == 2
    assert "unpacks to more than 1 MiB" in capsys.readouterr().err


def test_too_many_notes_are_refused(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(apkg_package, "MAX_NOTES", 3)
    assert _import(tmp_path, apkg_latest(DECKS, NOTES)) == 2
    assert "5 notes: more than 3" in capsys.readouterr().err


@pytest.mark.parametrize(("data", "message"), [
    (b"not a zip", "not a zip file"),
    (_zip({"meta": b"\x08\x09", "collection.anki21b": b""}), "newer Anki"),
    (_zip({"meta": b"\x08\x03", "collection.anki21b": b"garbage"}), "does not unpack"),
    (_zip({"collection.anki2": b"SQLite format 3\0garbage"}), "not a readable Anki collection"),
    (_zip({"media": b"{}"}), "no collection.anki2 inside"),
], ids=lambda value: value if isinstance(value, str) else "package")  # not the zip's
# bytes: they hold the time it was made, and parallel workers must collect the same names
def test_a_broken_package_is_one_line_and_exit_2(tmp_path: Path, capsys, data, message):
    assert _import(tmp_path, data) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "deck").exists()
