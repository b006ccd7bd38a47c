"""CSV (and TSV) sources: one card a row, under a header that names the columns.

    id,lecture,term_ko,term_en,definition_ko,definition_en,notes_ko,notes_en,formula,aliases,tags

`id` and at least one term and one definition column are required; the rest
are optional and may come in any order. `lecture` is the title of the
lecture the row belongs to ("3. 최적화 / Optimization": a leading number is
the lecture's number); rows without one go into a lecture named after the
file. `aliases` and `tags` are lists separated by `;`. A `.tsv` file is
separated by tabs.
"""

from __future__ import annotations

import csv
import difflib

from studytui.content.importers.common import decode, numbered_title, slug, split_list
from studytui.content.importers.draft import DraftCard, DraftLecture, Where
from studytui.content.importers.text import clean
from studytui.errors import ContentError, ContentIssue

COLUMNS = ("id", "lecture", "term_ko", "term_en", "definition_ko", "definition_en",
           "notes_ko", "notes_en", "formula", "aliases", "tags")
_TEXTS = ("term", "definition", "notes")


def read_csv(raw: bytes, display: str, stem: str, delimiter: str = ",") -> list[DraftLecture]:
    text = decode(raw, display)
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ContentError([Where(display, 1, 1).issue(f"CSV error: {exc}")]) from None
    if not header:
        raise ContentError([Where(display, 1, 1).issue("empty file: the first row is the header")])
    names = [h.strip().lower() for h in header]
    _check_header(names, display)
    lectures: dict[str, DraftLecture] = {}
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ContentError([Where(display, start, 1).issue(f"CSV error: {exc}")]) from None
        if any(cell.strip() for cell in row):
            where = Where(display, start, 1)
            if len(row) > len(names):
                raise ContentError([where.issue(
                    f"{len(row)} cells but the header names {len(names)} columns")])
            cells = dict(zip(names[:len(row)], row, strict=True))
            title = cells.get("lecture", "").strip() or stem
            lecture = lectures.get(title)
            if lecture is None:
                number, bi = numbered_title(title)
                key = slug(title) or f"lecture-{len(lectures) + 1}"
                lecture = lectures[title] = DraftLecture(key, bi, where, number)
            lecture.cards.append(_card(cells, names, lines[start - 1], where, delimiter))
        start = reader.line_num + 1
    if not lectures:
        raise ContentError([Where(display, 1, 1).issue("no rows under the header")])
    return list(lectures.values())


def _check_header(names: list[str], display: str) -> None:
    issues: list[ContentIssue] = []
    for i, name in enumerate(names):
        if name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; columns: {', '.join(COLUMNS)}"
            issues.append(Where(display, 1, 1).issue(f"unknown column '{name}'{hint}",
                                                     f"column {i + 1}"))
        elif names.index(name) != i:
            issues.append(Where(display, 1, 1).issue(f"column '{name}' appears twice"))
    for need in ("id", "term", "definition"):
        if need == "id" and "id" not in names:
            issues.append(Where(display, 1, 1).issue("the header needs an 'id' column: "
                                                     "the card's history hangs on it"))
        elif need != "id" and not {f"{need}_ko", f"{need}_en"} & set(names):
            issues.append(Where(display, 1, 1).issue(
                f"the header needs '{need}_ko' or '{need}_en'"))
    if issues:
        raise ContentError(issues)


def _card(cells: dict[str, str], names: list[str], line: str, where: Where,
          delimiter: str) -> DraftCard:
    columns = _columns(line, delimiter)

    def at(name: str) -> Where:
        i = names.index(name) if name in names else len(columns)
        return Where(where.path, where.line, columns[i] if i < len(columns) else 1, name)

    data: dict[str, object] = {"id": cells.get("id", "").strip()}
    fields = {"id": at("id")}
    for part in _TEXTS:
        text = {lang: clean(cells.get(f"{part}_{lang}", "")) for lang in ("ko", "en")}
        text = {lang: t for lang, t in text.items() if t}
        if text or part != "notes":
            data[part] = text
            fields[part] = at(f"{part}_ko" if f"{part}_ko" in names else f"{part}_en")
    if clean(cells.get("formula", "")):
        data["formula"] = clean(cells["formula"])
    for name in ("aliases", "tags"):
        items = split_list(cells.get(name, ""))
        if items:
            data[name] = items
            fields[name] = at(name)
    return DraftCard(where, data, fields)


def _columns(line: str, delimiter: str) -> list[int]:
    """The 1-based column where each cell of a one-line record starts (quotes
    respected); a record over several lines gets what its first line shows."""
    starts, quoted = [1], False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            starts.append(i + 2)
    return starts
