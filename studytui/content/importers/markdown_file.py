"""Markdown sources: a `# ` heading per lecture, a `## ` heading per card.

    # 3. 최적화 / Optimization
    ## 경사 하강법 / Gradient descent {#gradient-descent}
    손실이 줄어드는 방향으로 가중치를 조금씩 옮기는 방법.
    en: Moving the weights a little, again and again, against the gradient.
    formula: θ ← θ − η∇L
    tags: optimizer

A card heading is the term ("ko / en", or one language) and its id in
`{#...}`, required: the card's history hangs on it, so it is never made from
the term. The lines below it are the definition, under the language they are
written in; `ko:` and `en:` lines give a language explicitly, and
`notes_ko:`, `notes_en:`, `formula:`, `aliases:` and `tags:` (lists split by
`;`) the rest. A lecture heading may start with its number and end with an id
of its own; cards before any lecture heading go into one named after the file.
"""

from __future__ import annotations

import re

from studytui.content.importers.common import decode, numbered_title, slug, split_list
from studytui.content.importers.common import split_languages as languages
from studytui.content.importers.draft import DraftCard, DraftLecture, Where
from studytui.content.importers.text import clean, language_of
from studytui.errors import ContentError, ContentIssue

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ID = re.compile(r"\s*\{#([^}]*)\}\s*$")
_KEY = re.compile(r"^(ko|en|notes_ko|notes_en|formula|aliases|tags):\s*(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")


class _Reader:
    def __init__(self, display: str, stem: str) -> None:
        self.display, self.stem = display, stem
        self.lectures: list[DraftLecture] = []
        self.issues: list[ContentIssue] = []
        self.card: DraftCard | None = None
        self.plain: list[str] = []

    def at(self, line: int, column: int = 1, label: str = "") -> Where:
        return Where(self.display, line, column, label)

    def lecture(self, line: int) -> DraftLecture:
        if not self.lectures:
            self.lectures.append(DraftLecture(slug(self.stem) or "lecture-1",
                                              languages(self.stem), self.at(line)))
        return self.lectures[-1]

    def heading(self, n: int, level: int, text: str, line: str) -> None:
        self.finish_card()
        explicit = _ID.search(text)
        title = _ID.sub("", text) if explicit else text
        if level == 1:
            number, bi = numbered_title(title)
            key = explicit.group(1).strip() if explicit else (
                slug(title) or f"lecture-{len(self.lectures) + 1}")
            self.lectures.append(DraftLecture(key, bi, self.at(n), number))
        elif level == 2:
            if not explicit:
                guess = slug(languages(title).get("en", "")) or "an-id"
                self.issues.append(self.at(n).issue(
                    f"a card heading needs its id: '## {title.strip()} {{#{guess}}}'"))
                return
            where = self.at(n)
            self.card = DraftCard(where, {"id": explicit.group(1).strip(),
                                          "term": languages(title), "definition": {}},
                                  {"id": self.at(n, line.rindex("{#") + 3),
                                   "term": where, "definition": where})
            self.lecture(n).cards.append(self.card)
        else:
            self.issues.append(self.at(n).issue(
                "use '# ' for a lecture and '## ' for a card; deeper headings are not read"))

    def key_line(self, n: int, key: str, value: str) -> None:
        assert self.card is not None
        data, value = self.card.data, clean(value)
        where = self.at(n, 1, key)
        if key in ("ko", "en"):
            data["definition"][key] = value
            self.card.fields["definition"] = where
        elif key.startswith("notes_"):
            data.setdefault("notes", {})[key[-2:]] = value
            self.card.fields["notes"] = where
        elif key == "formula":
            data["formula"] = value
            self.card.fields["formula"] = where
        else:
            data[key] = split_list(value)
            self.card.fields[key] = where

    def finish_card(self) -> None:
        card, text = self.card, clean("\n".join(self.plain))
        self.card, self.plain = None, []
        if card is None or not text:
            return
        lang = language_of(text)
        if lang in card.data["definition"]:
            self.issues.append(card.where.issue(
                f"the definition in {lang} is given twice: by the text and by a '{lang}:' line"))
        card.data["definition"][lang] = text


def read_markdown(raw: bytes, display: str, stem: str) -> list[DraftLecture]:
    reader = _Reader(display, stem)
    fenced = False
    for n, line in enumerate(decode(raw, display).splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        key = None if fenced else _KEY.match(line)
        if heading:
            reader.heading(n, len(heading.group(1)), heading.group(2), line)
        elif reader.card is None:
            continue  # text before the first card: an introduction, not read
        elif key:
            reader.key_line(n, key.group(1), key.group(2))
        else:
            reader.plain.append(line)
    reader.finish_card()
    if reader.issues:
        raise ContentError(reader.issues)
    if not any(lec.cards for lec in reader.lectures):
        raise ContentError([Where(display, 1, 1).issue("no cards: start one with '## term {#id}'")])
    return reader.lectures
