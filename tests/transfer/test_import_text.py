"""`studytui import` of CSV and Markdown: decks that validate, errors at the
source's own line, and re-imports that keep card ids (so history)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from studytui.cli import main
from studytui.content.deck_id import deck_id_of
from studytui.content.loader import load_deck
from studytui.store.sqlite_store import Store

CSV = (
    "id,lecture,term_ko,term_en,definition_ko,definition_en,notes_en,formula,aliases,tags\n"
    "gradient-descent,3. 최적화 / Optimization,경사 하강법,Gradeint descent,기울기 반대로 이동,"
    "Move against the gradient,,θ ← θ − η∇L,GD; steepest descent,optimizer\n"
    'adam,3. 최적화 / Optimization,아담,Adam,모멘텀과 RMSprop,"Momentum, plus RMSprop","line one\n'
    'line two",,,optimizer\n'
    'relu,신경망 / Networks,렐루,ReLU,"max(0, x)",,,,,\n'
)

MARKDOWN = """\
An introduction that is not read.

# 3. 최적화 / Optimization

## 경사 하강법 / Gradeint descent {#gradient-descent}
손실이 줄어드는 방향으로 가중치를 옮기는 방법.
en: Moving the weights against the gradient.
formula: θ ← θ − η∇L
tags: optimizer

## Momentum {#momentum}
Keeps a velocity
over steps.
"""


def _import(tmp_path: Path, name: str, text: str, *extra: str) -> int:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return main(["import", str(source), "--deck", str(tmp_path / "deck"), *extra])


@pytest.mark.parametrize(("name", "text", "cards"), [("n.csv", CSV, 3), ("n.md", MARKDOWN, 2)])
def test_an_import_writes_a_deck_that_validates(tmp_path: Path, name, text, cards):
    assert _import(tmp_path, name, text) == 0
    deck = load_deck([tmp_path / "deck"], strict=False)
    assert len(deck.cards) == cards
    gd = deck.cards["gradient-descent"]
    assert gd.term.ko == "경사 하강법" and gd.formula == "θ ← θ − η∇L"
    assert gd.tags == ["optimizer"] and deck.lecture(3).title.en == "Optimization"
    first = (tmp_path / "deck" / "3-optimization.yaml").read_text(encoding="utf-8")
    assert first.startswith("# yaml-language-server: $schema=./lecture.schema.json\n")
    assert (tmp_path / "deck" / "lecture.schema.json").is_file()
    assert main(["validate", str(tmp_path / "deck")]) == 0


def test_csv_cells_keep_commas_newlines_and_lists(tmp_path: Path):
    assert _import(tmp_path, "n.csv", CSV) == 0
    deck = load_deck([tmp_path / "deck"])
    assert deck.cards["adam"].definition.en == "Momentum, plus RMSprop"
    assert deck.cards["adam"].notes.en == "line one\nline two"
    assert deck.cards["gradient-descent"].aliases == ["GD", "steepest descent"]
    assert deck.cards["relu"].definition.en is None


def test_markdown_text_goes_under_its_language(tmp_path: Path):
    assert _import(tmp_path, "n.md", MARKDOWN) == 0
    deck = load_deck([tmp_path / "deck"])
    assert deck.cards["gradient-descent"].definition.ko.startswith("손실이")
    assert deck.cards["gradient-descent"].definition.en.startswith("Moving")
    assert deck.cards["momentum"].definition.en == "Keeps a velocity\nover steps."


@pytest.mark.parametrize(("name", "text"), [("n.csv", CSV), ("n.md", MARKDOWN)])
def test_a_reimport_after_a_typo_fix_keeps_ids_deck_id_and_history(tmp_path: Path, name, text):
    assert _import(tmp_path, name, text) == 0
    deck_dir = tmp_path / "deck"
    deck_id = deck_id_of(deck_dir)
    store = Store.open(tmp_path / "r.db", backup=False)
    store.record_review("gradient-descent", 3, datetime(2026, 1, 1, tzinfo=timezone.utc), 900,
                        {"card_id": 1, "state": 2, "step": None, "stability": 3.0,
                         "difficulty": 5.0, "due": "2026-01-04T00:00:00+00:00",
                         "last_review": "2026-01-01T00:00:00+00:00"})
    assert _import(tmp_path, name, text.replace("Gradeint", "Gradient")) == 0
    deck = load_deck([deck_dir])
    assert deck.cards["gradient-descent"].term.en == "Gradient descent"
    assert deck_id_of(deck_dir) == deck_id
    assert store.known_cards() & set(deck.cards) == {"gradient-descent"}
    store.close()


def test_a_reimport_removes_the_lectures_it_wrote_that_are_gone(tmp_path: Path):
    assert _import(tmp_path, "n.csv", CSV) == 0
    assert (tmp_path / "deck" / "networks.yaml").exists()
    (tmp_path / "deck" / "mine.yaml").write_text("hand-written: true\n", encoding="utf-8")
    assert _import(tmp_path, "n.csv", "\n".join(CSV.splitlines()[:4]) + "\n") == 2  # mine.yaml
    (tmp_path / "deck" / "mine.yaml").unlink()
    assert _import(tmp_path, "n.csv", "\n".join(CSV.splitlines()[:4]) + "\n") == 0
    assert not (tmp_path / "deck" / "networks.yaml").exists()
    assert (tmp_path / "deck" / "3-optimization.yaml").exists()


def test_a_clash_with_a_hand_written_lecture_names_the_real_files(tmp_path: Path, capsys):
    deck = tmp_path / "deck"
    deck.mkdir()
    (deck / "mine.yaml").write_text(
        "id: mine\nnumber: 3\ntitle: {en: Mine}\nsummary: {en: Mine}\n"
        "cards:\n  - {id: mine-card, term: {en: A}, definition: {en: B}}\n", encoding="utf-8")
    assert _import(tmp_path, "n.csv", CSV) == 2
    err = capsys.readouterr().err
    assert "3-optimization.yaml:" in err and "duplicate lecture number 3" in err
    assert ".studytui-import" not in err
    assert sorted(p.name for p in deck.iterdir()) == ["mine.yaml"]


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("n.csv", "id,term_en,definition_en\nok,A,B\nBad Id,C,D\n", "n.csv:3:1: id: not a valid id"),
    ("n.csv", "id,term_en,definition_en\nok,A,B\nok,C,D\n",
     "n.csv:3:1: card id 'ok' is used twice, first at "),
    ("n.csv", "id,term_en,defintion_en\n", "n.csv:1:1: column 3: unknown column 'defintion_en' "
     "(did you mean 'definition_en'?)"),
    ("n.csv", "id,term_en,definition_en\na,A,\n", "n.csv:2:5: definition_en: needs at least one"),
    ("n.csv", "term_en,definition_en\nA,B\n", "n.csv:1:1: the header needs an 'id' column"),
    ("n.md", "# L\n\n## Term without id\nText\n", "n.md:3:1: a card heading needs its id"),
    ("n.md", "## A {#a}\nx\n## B {#a}\ny\n", "n.md:3:1: card id 'a' is used twice"),
    ("n.md", "## A {#a}\n", "n.md:1:1: definition: needs at least one"),
    ("n.md", "##  Ab {#Ab}\nx\n", "n.md:1:10: id: not a valid id"),
    ("n.md", "# L {#L 1}\n## A {#a}\nx\n", "n.md:1:1: lecture id 'L 1' is not valid"),
])
def test_a_mistake_is_reported_at_its_place_in_the_source(tmp_path: Path, capsys, name, text,
                                                          expected):
    assert _import(tmp_path, name, text) == 2
    err = capsys.readouterr().err
    assert expected in err, err
    assert "Traceback" not in err and not (tmp_path / "deck").exists()


def test_a_csv_saved_by_korean_excel_is_refused_with_the_fix(tmp_path: Path, capsys):
    (tmp_path / "n.csv").write_bytes("id,term_ko,definition_ko\na,경사,하강\n".encode("cp949"))
    assert main(["import", str(tmp_path / "n.csv"), "--deck", str(tmp_path / "d")]) == 2
    assert "CP949" in capsys.readouterr().err


def test_control_characters_never_reach_the_deck(tmp_path: Path):
    assert _import(tmp_path, "n.csv", "id,term_en,definition_en\na,A\x1b[31m,B\x07\n") == 0
    card = load_deck([tmp_path / "deck"]).cards["a"]
    assert card.term.en == "A[31m" and card.definition.en == "B"


def test_clean_drops_every_control_character_but_the_newline():
    import sys
    import unicodedata

    from studytui.content.importers.text import clean

    controls = "".join(chr(i) for i in range(sys.maxunicode + 1)
                       if unicodedata.category(chr(i)) == "Cc" and chr(i) not in "\r\n")
    assert clean(f"a{controls}b\r\nc\rd") == "a b\nc\nd"  # a tab is a space; line ends kept


def test_a_fifo_or_a_folder_is_refused_without_hanging(tmp_path: Path, capsys):
    import os

    os.mkfifo(tmp_path / "pipe.csv")
    assert main(["import", str(tmp_path / "pipe.csv")]) == 2
    (tmp_path / "dir.md").mkdir()
    assert main(["import", str(tmp_path / "dir.md")]) == 2
    assert capsys.readouterr().err.count("not a regular file") == 2


def test_init_makes_a_deck_that_validates_and_refuses_a_full_folder(tmp_path: Path, capsys):
    assert main(["init", str(tmp_path / "new")]) == 0
    deck = load_deck([tmp_path / "new"], strict=False)
    assert len(deck.cards) == 2 and len(deck.questions) == 2
    text = (tmp_path / "new" / "01-example.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./lecture.schema.json")
    deck_id = deck_id_of(tmp_path / "new")
    assert main(["init", str(tmp_path / "new")]) == 2
    assert "not empty" in capsys.readouterr().err
    assert main(["init", "--force", str(tmp_path / "new")]) == 0
    assert deck_id_of(tmp_path / "new") == deck_id  # --force never changes a deck's id
