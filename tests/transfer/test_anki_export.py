"""`studytui export anki`: the package opened as Anki opens it (the SQLite
collection inside the zip), and the identity that lets Anki update notes."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

from studytui.cli import main
from studytui.content.anki_export import MODEL_ID, note_guid
from studytui.content.deck_id import deck_id_of
from studytui.content.loader import load_deck

LECTURE = """\
id: 01-basics
number: 1
title: {ko: 기초, en: Basics}
summary: {en: Basics.}
cards:
  - id: adam
    term: {ko: 아담, en: Adma}
    definition: {en: "An optimizer <script>alert(1)</script> & more"}
    tags: [optimizer]
  - id: sgd
    term: {en: SGD}
    definition: {ko: 확률적 경사 하강법}
"""


def _notes(apkg: Path) -> dict[str, tuple[str, str, int]]:
    """guid -> (fields, tags, deck id), read from the collection inside the zip."""
    with zipfile.ZipFile(apkg) as z:
        (apkg.parent / "col.db").write_bytes(z.read("collection.anki2"))
    conn = sqlite3.connect(apkg.parent / "col.db")
    rows = conn.execute("SELECT n.guid, n.flds, n.tags, c.did FROM notes n"
                        " JOIN cards c ON c.nid = n.id AND c.ord = 0").fetchall()
    decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
    cards = conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    conn.close()
    (apkg.parent / "col.db").unlink()
    return {"notes": {g: (f, t, d) for g, f, t, d in rows}, "decks": decks, "models": models,
            "cards": cards}


def _umask() -> int:
    import os

    umask = os.umask(0)
    os.umask(umask)
    return umask


def _deck(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "01-basics.yaml").write_text(LECTURE, encoding="utf-8")
    (folder / "deck.toml").write_text('id = "deck-test"\n', encoding="utf-8")
    return folder


def test_a_note_per_card_with_both_templates_and_a_deck_per_lecture(tmp_path: Path):
    folder = _deck(tmp_path)
    out = tmp_path / "a.apkg"
    assert main(["--content", str(folder), "export", "anki", "--out", str(out)]) == 0
    got = _notes(out)
    assert len(got["notes"]) == 2
    assert got["cards"] == 4  # term -> definition and the reverse, for each note
    assert set(got["notes"]) == {note_guid("deck-test", "adam"), note_guid("deck-test", "sgd")}
    names = {d["name"] for d in got["decks"].values()}
    assert "studytui-mine::01 기초 / Basics" in names
    assert str(MODEL_ID) in got["models"]
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()  # the learner's file, not 0600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    fields, tags, _ = got["notes"][note_guid("deck-test", "adam")]
    assert tags.split() == ["lecture-01", "optimizer"]
    assert "&lt;script&gt;" in fields and "<script>" not in fields and "&amp; more" in fields


def test_guids_are_stable_across_exports_and_after_a_typo_fix(tmp_path: Path):
    folder = _deck(tmp_path)
    first, second = tmp_path / "1.apkg", tmp_path / "2.apkg"
    assert main(["--content", str(folder), "export", "anki", "--out", str(first)]) == 0
    lecture = folder / "01-basics.yaml"
    lecture.write_text(LECTURE.replace("Adma", "Adam"), encoding="utf-8")
    assert main(["--content", str(folder), "export", "anki", "--out", str(second)]) == 0
    before, after = _notes(first), _notes(second)
    assert set(before["notes"]) == set(after["notes"])
    guid = note_guid("deck-test", "adam")
    assert "Adma" in before["notes"][guid][0] and "Adam" in after["notes"][guid][0]
    assert before["decks"].keys() == after["decks"].keys()  # the same deck ids
    assert before["models"].keys() == after["models"].keys()


def test_the_bundled_deck_exports_every_card_under_studytui(tmp_path: Path):
    out = tmp_path / "course.apkg"
    assert main(["export", "anki", "--lecture", "3", "--out", str(out)]) == 0
    got = _notes(out)
    assert len(got["notes"]) == len(load_deck().lecture(3).cards)
    assert any(d["name"].startswith("studytui::03 ") for d in got["decks"].values())
    assert deck_id_of(None) == "studytui-bundled"


def test_a_wrong_out_name_or_lecture_is_one_line_and_exit_2(tmp_path: Path, capsys):
    assert main(["export", "anki", "--out", str(tmp_path / "a.zip")]) == 2
    assert main(["export", "anki", "--lecture", "77", "--out", str(tmp_path / "a.apkg")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "a.zip" in err[0] and "77" in err[1]
    assert not (tmp_path / "a.apkg").exists()
