"""What every importer builds: lectures of plain card data, each piece with
the place in the SOURCE file it came from, so that a mistake is reported at
the CSV row, the Markdown line or the Anki note, not in YAML the learner never
wrote.

`check` validates each card and question with the lecture schema and the
deck-wide rules an importer can break (an id used twice, a lecture number used
twice), and `lectures` turns a clean draft into the data of lecture files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from studytui.content import lecture_schema as schema
from studytui.content.validation_errors import plain_message
from studytui.errors import ContentIssue

MAX_CARDS = 50_000  # far past any course; a file with more is a mistake or an attack


@dataclass(frozen=True)
class Where:
    """A place in the source: a line (and column) of a text file, or, in a
    package, a label such as "note 1612345678901" (line 0)."""

    path: str
    line: int = 0
    column: int = 0
    label: str = ""

    def issue(self, message: str, field_name: str = "") -> ContentIssue:
        label = ": ".join(p for p in (self.label, field_name) if p)
        return ContentIssue(self.path, self.line, self.column if self.line else 0, message, label)

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}"
        return f"{self.path} ({self.label})" if self.label else self.path


@dataclass
class DraftCard:
    where: Where
    data: dict[str, Any]  # the card as a lecture file holds it
    # Where each of the card's fields came from, when it differs from `where`
    # (a CSV column, a Markdown `ko:` line), keyed by the card's field name.
    fields: dict[str, Where] = field(default_factory=dict)
    questions: list[dict[str, Any]] = field(default_factory=list)

    def at(self, name: Any) -> Where:
        return self.fields.get(name, self.where) if isinstance(name, str) else self.where


@dataclass
class DraftLecture:
    id: str
    title: dict[str, str]
    where: Where
    number: int | None = None
    cards: list[DraftCard] = field(default_factory=list)


@dataclass
class Draft:
    """An import's lectures, and the places it left out on purpose (an Anki
    note with only a picture or a sound has no text to make a card of)."""

    lectures: list[DraftLecture]
    skipped: list[Where] = field(default_factory=list)


def check(lectures: list[DraftLecture]) -> list[ContentIssue]:
    """Every mistake of the draft, each at its place in the source."""
    issues: list[ContentIssue] = []
    seen: dict[tuple[str, str], Where] = {}

    def once(kind: str, value: Any, where: Where) -> None:
        first = seen.setdefault((kind, str(value)), where)
        if first is not where:
            issues.append(where.issue(f"{kind} {value!r} is used twice, first at {first}"))

    total = sum(len(lec.cards) for lec in lectures)
    if len(lectures) > 999:
        return [lectures[999].where.issue("more than 999 lectures in one import")]
    if total > MAX_CARDS:
        return [lectures[0].where.issue(f"{total} cards: more than {MAX_CARDS} in one import")]
    for lec in lectures:
        once("lecture id", lec.id, lec.where)
        if not re.fullmatch(schema.SLUG_PATTERN, lec.id):
            issues.append(lec.where.issue(f"lecture id '{lec.id}' is not valid: use lowercase "
                                          "letters, digits and single hyphens"))
        if lec.number is not None:
            once("lecture number", lec.number, lec.where)
        if not lec.title:
            issues.append(lec.where.issue("the lecture has no title"))
        if not lec.cards:
            issues.append(lec.where.issue("the lecture has no cards"))
        for card in lec.cards:
            issues.extend(_card_issues(card))
            once("card id", card.data.get("id"), card.where)
            for q in card.questions:
                once("question id", q.get("id"), card.where)
    return issues


def _card_issues(card: DraftCard) -> list[ContentIssue]:
    found = []
    try:
        schema.Card.model_validate(card.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = err["loc"]
            where = card.at(loc[0] if loc else "")
            # A field's own place (a CSV column, a Markdown key line) names it already.
            named = where is not card.where and where.label
            found.append(where.issue(plain_message(err), "" if named else _name(loc)))
    for q in card.questions:
        try:
            schema.Question.model_validate(q)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                found.append(card.where.issue(plain_message(err), f"question {q.get('id')}"))
    return found


def _name(loc: tuple[Any, ...]) -> str:
    skip = ("str", "function-after")
    return ".".join(str(p) for p in loc if isinstance(p, str) and p not in skip)


def _ordered(value: Any) -> Any:
    """Texts as an author writes them: `ko` before `en`."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: {"ko": 0, "en": 1}.get(k, -1))
        return {k: _ordered(value[k]) for k in keys}
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    return value


def lectures(draft: list[DraftLecture], summary: dict[str, str]) -> list[dict[str, Any]]:
    """The data of one lecture file per lecture, numbered: a lecture without a
    number of its own takes the lowest one not taken, in source order."""
    taken = {lec.number for lec in draft if lec.number is not None}
    free = (n for n in range(1, 1000) if n not in taken)
    out = []
    for lec in draft:
        number = lec.number if lec.number is not None else next(free, None)
        if number is None:
            raise ValueError("more than 999 lectures")
        data = {"id": lec.id, "number": number, "title": lec.title, "summary": summary,
                "cards": [_ordered(c.data) for c in lec.cards]}
        questions = [q for c in lec.cards for q in c.questions]
        if questions:
            data["questions"] = questions
        out.append(data)
    return out
