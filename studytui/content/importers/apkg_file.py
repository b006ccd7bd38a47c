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
import re

from studytui.content.anki_export import FIELDS, MODEL_NAME
from studytui.content.importers.apkg_package import PackageProblem, open_collection, read_notes
from studytui.content.importers.common import numbered_title, slug
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
            collection = read_notes(conn)
    except PackageProblem as exc:
        raise ContentError([Where(display).issue(str(exc))]) from None
    lectures: dict[int, DraftLecture] = {}
    titles: dict[int, str] = {}
    skipped: list[Where] = []
    for nid, guid, flds, tags, did, mid in collection.notes:
        where = Where(display, label=f"note {nid}")
        kind, names = collection.note_types.get(mid, ("", []))
        fields = [html_to_text(f) for f in str(flds).split("\x1f")]
        if kind == MODEL_NAME and len(names) == len(fields) and set(FIELDS) <= set(names):
            card = _studytui_card(str(guid), dict(zip(names, fields, strict=True)), where)
            if _tags(str(tags or ""), drop=r"lecture-\d+"):  # the lecture is the deck again
                card.data["tags"] = _tags(str(tags or ""), drop=r"lecture-\d+")
        else:
            card = _card(str(guid), fields, str(tags or ""), where)
        if not card.data["term"] or not card.data["definition"]:
            skipped.append(where)  # a picture or a sound only: nothing to show as text
            continue
        deck = int(did) if isinstance(did, int) else 1
        lecture = lectures.get(deck)
        if lecture is None:
            name = titles[deck] = collection.decks.get(deck, "Default")
            # "studytui::03 최적화 / Optimization": the last level is the title,
            # and a number before it the lecture's number.
            number, title = numbered_title(name.split("::")[-1])
            lecture = DraftLecture(f"anki-deck-{abs(deck)}", title, where, number)
            lectures[deck] = lecture
        lecture.cards.append(card)
    if not lectures:
        raise ContentError([Where(display).issue("the package holds no notes with text")])
    ordered = [lectures[d] for d in sorted(lectures, key=lambda d: (titles[d], d))]
    numbers = [lec.number for lec in ordered if lec.number is not None]
    if len(numbers) != len(set(numbers)):  # decks of several parents: number them in order
        for lec in ordered:
            lec.number = None
    return Draft(ordered, skipped)


def _studytui_card(guid: str, fields: dict[str, str], where: Where) -> DraftCard:
    """A note of studytui's own note type (an export coming back): every field
    goes where it came from."""

    def pair(name: str) -> dict[str, str]:
        return {lang: fields[f"{name}{lang.title()}"] for lang in ("ko", "en")
                if fields[f"{name}{lang.title()}"]}

    data: dict[str, object] = {"id": card_id_of_guid(guid), "term": pair("Term"),
                               "definition": pair("Definition")}
    if pair("Notes"):
        data["notes"] = pair("Notes")
    if fields["Formula"]:
        data["formula"] = fields["Formula"]
    return DraftCard(where, data)


def _tags(tags: str, drop: str = "") -> list[str]:
    """Anki's tags as slugs ("Chapter::3" -> "chapter-3"), without those matching `drop`."""
    found = dict.fromkeys(s for s in (slug(t) for t in tags.split()) if s)  # in order, once
    return [t for t in found if not (drop and re.fullmatch(drop, t))]


def _card(guid: str, fields: list[str], tags: str, where: Where) -> DraftCard:
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
    if _tags(tags):
        data["tags"] = _tags(tags)
    return DraftCard(where, data, questions=questions)
