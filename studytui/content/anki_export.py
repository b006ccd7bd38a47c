"""A deck as an Anki package (.apkg), written with genanki.

Identity is what lets Anki update instead of duplicate, so every id here is
derived, never random:
- a note's GUID is genanki's `guid_for("studytui", deck id, card id)`: fixing a
  typo in a term and exporting again updates that note in Anki;
- the note type's id comes from the fixed name "studytui card v1" (a new
  field layout would get a new name, hence a new type, instead of breaking
  the old one);
- the parent deck's id from the deck id, each lecture deck's from the deck id
  and the lecture id (`_anki_id` below: 31 bits of sha256, as genanki advises).
Notes carry the current time as their modification time, since Anki applies
an update only when it is newer than its own copy.

All content is HTML-escaped: it is untrusted, and Anki renders fields as HTML.
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

from studytui.content.deck import Deck
from studytui.content.deck_id import BUNDLED
from studytui.content.model import BiText, Card, Lecture
from studytui.content.out_file import write_atomically

MODEL_NAME = "studytui card v1"
# CardId first: Anki checks the first field for duplicates and flags a note
# whose first field is empty, and a card's term may lack a language; its id
# is never empty and unique. The browser sorts by the term (`sort_field`).
FIELDS = ["CardId", "TermKo", "TermEn", "DefinitionKo", "DefinitionEn", "Formula", "NotesKo",
          "NotesEn"]
_TERM = "{{TermKo}}{{#TermKo}}{{#TermEn}}<br>{{/TermEn}}{{/TermKo}}{{TermEn}}"
_DEFINITION = ("{{DefinitionKo}}{{#DefinitionKo}}{{#DefinitionEn}}<br>{{/DefinitionEn}}"
               "{{/DefinitionKo}}{{DefinitionEn}}")
_EXTRA = ('{{#Formula}}<div class="formula">{{Formula}}</div>{{/Formula}}'
          '{{#NotesKo}}<div class="notes">{{NotesKo}}</div>{{/NotesKo}}'
          '{{#NotesEn}}<div class="notes">{{NotesEn}}</div>{{/NotesEn}}')
TEMPLATES = [
    {"name": "Term → definition", "qfmt": f'<div class="term">{_TERM}</div>',
     "afmt": f'{{{{FrontSide}}}}<hr id="answer">{_DEFINITION}{_EXTRA}'},
    {"name": "Definition → term", "qfmt": f'<div class="definition">{_DEFINITION}</div>',
     "afmt": f'{{{{FrontSide}}}}<hr id="answer"><div class="term">{_TERM}</div>{_EXTRA}'},
]
CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: center; }
.term { font-weight: bold; }
.formula { font-family: monospace; margin-top: 1em; }
.notes { font-size: 16px; color: #666; margin-top: 1em; }
"""


def _anki_id(*parts: str) -> int:
    """A fixed id in genanki's advised range [2^30, 2^31), from `parts`."""
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).digest()
    return (1 << 30) | (int.from_bytes(digest[:4], "big") & ((1 << 30) - 1))


MODEL_ID = _anki_id(MODEL_NAME)


def note_guid(deck_id: str, card_id: str) -> str:
    import genanki

    return genanki.guid_for("studytui", deck_id, card_id)


def parent_name(deck_id: str, deck_name: str) -> str:
    """"studytui" for the bundled course; "studytui-<folder>" for a learner's deck."""
    if deck_id == BUNDLED:
        return "studytui"
    return "studytui-" + (deck_name.replace("::", "-").strip() or deck_id)


def _html(text: str | None) -> str:
    return html.escape(text or "").replace("\n", "<br>")


def _fields(card: Card) -> list[str]:
    notes = card.notes or BiText()
    return [_html(card.id), _html(card.term.ko), _html(card.term.en), _html(card.definition.ko),
            _html(card.definition.en), _html(card.formula), _html(notes.ko), _html(notes.en)]


def _lecture_deck_name(parent: str, lecture: Lecture) -> str:
    title = lecture.title.show("both").replace("::", ":")
    return f"{parent}::{lecture.number:02d} {title}"


def export_anki(deck: Deck, deck_id: str, deck_name: str, out: Path,
                lectures: list[int] | None = None) -> int:
    """Write the deck (or the given lectures) to `out`; returns the note count.
    The file appears whole or not at all (written beside it, then renamed)."""
    import genanki  # only when exporting

    model = genanki.Model(MODEL_ID, MODEL_NAME, fields=[{"name": f} for f in FIELDS],
                          templates=TEMPLATES, css=CSS)
    parent = parent_name(deck_id, deck_name)
    anki_decks, count = [], 0
    for lecture in deck.lectures:
        if lectures is not None and lecture.number not in lectures:
            continue
        anki_deck = genanki.Deck(_anki_id("deck", deck_id, lecture.id),
                                 _lecture_deck_name(parent, lecture))
        for card in lecture.cards:
            tags = [f"lecture-{lecture.number:02d}", *card.tags]
            anki_deck.add_note(genanki.Note(model=model, fields=_fields(card), tags=tags,
                                            sort_field=_html(card.term.show("both")),
                                            guid=note_guid(deck_id, card.id)))
            count += 1
        anki_decks.append(anki_deck)
    # The parent deck, so that it has a fixed id too (it holds no notes itself).
    anki_decks.insert(0, genanki.Deck(_anki_id("deck", deck_id), parent))
    write_atomically(out, genanki.Package(anki_decks).write_to_file)
    return count
