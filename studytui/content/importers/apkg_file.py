"""Anki packages as sources: one card per note, one lecture per Anki deck.

A note's first field is the front (the term), its second the back (the
definition), any further ones its notes; HTML is reduced to text. A note with
`{{c1::...}}` clozes becomes a card (the text with blanks, and filled in) and
one cloze question per cloze number. The card's id comes from the note's GUID,
which Anki keeps when the note is edited: re-importing after a fix in Anki
updates the card and keeps its history.
"""

from __future__ import annotations

import base64
import hashlib

from studytui.content.importers.apkg_package import PackageProblem, open_collection, read_notes
from studytui.content.importers.common import slug
from studytui.content.importers.common import split_languages as languages
from studytui.content.importers.draft import Draft, DraftCard, DraftLecture, Where
from studytui.content.importers.text import (
    bitext,
    cloze_answer,
    cloze_blanked,
    cloze_filled,
    cloze_numbers,
    has_cloze,
    html_to_text,
)
from studytui.errors import ContentError


def card_id_of_guid(guid: str) -> str:
    """A slug that only this GUID gives: GUIDs are case-sensitive base91, so
    they are hashed, never lowercased (that would merge two notes)."""
    digest = hashlib.sha256(guid.encode("utf-8", "surrogatepass")).digest()[:10]
    return "anki-" + base64.b32encode(digest).decode("ascii").lower()


def read_apkg(raw: bytes, display: str) -> Draft:
    try:
        with open_collection(raw) as conn:
            decks, notes = read_notes(conn)
    except PackageProblem as exc:
        raise ContentError([Where(display).issue(str(exc))]) from None
    lectures: dict[int, DraftLecture] = {}
    names: dict[int, str] = {}
    skipped: list[Where] = []
    for nid, guid, flds, tags, did in notes:
        where = Where(display, label=f"note {nid}")
        card = _card(str(guid), str(flds), str(tags or ""), where)
        if not card.data["term"] or not card.data["definition"]:
            skipped.append(where)  # a picture or a sound only: nothing to show as text
            continue
        deck = int(did) if isinstance(did, int) else 1
        lecture = lectures.get(deck)
        if lecture is None:
            name = names[deck] = decks.get(deck, "Default")
            lecture = DraftLecture(f"anki-deck-{abs(deck)}", languages(name), where)
            lectures[deck] = lecture
        lecture.cards.append(card)
    if not lectures:
        raise ContentError([Where(display).issue("the package holds no notes with text")])
    return Draft([lectures[d] for d in sorted(lectures, key=lambda d: (names[d], d))], skipped)


def _card(guid: str, flds: str, tags: str, where: Where) -> DraftCard:
    fields = [html_to_text(f) for f in flds.split("\x1f")]
    card_id = card_id_of_guid(guid)
    data: dict[str, object] = {"id": card_id}
    questions = []
    cloze_at = next((i for i, f in enumerate(fields) if has_cloze(f)), None)
    if cloze_at is not None:
        text = fields[cloze_at]
        extra = "\n".join(f for i, f in enumerate(fields) if i != cloze_at and f)
        data["term"], data["definition"] = bitext(cloze_blanked(text)), bitext(cloze_filled(text))
        for n in cloze_numbers(text):
            questions.append({
                "id": f"{card_id}-c{n}", "type": "cloze", "card": card_id,
                "prompt": bitext(cloze_blanked(text, n)),
                "answer": bitext(cloze_answer(text, n)),
                "explanation": bitext(cloze_filled(text)),
            })
    else:
        extra = "\n".join(f for f in fields[2:] if f)
        data["term"] = bitext(fields[0])
        data["definition"] = bitext(fields[1] if len(fields) > 1 else "")
    if extra:
        data["notes"] = bitext(extra)
    tag_slugs = sorted({s for s in (slug(t) for t in tags.split()) if s})
    if tag_slugs:
        data["tags"] = tag_slugs
    return DraftCard(where, data, questions=questions)
