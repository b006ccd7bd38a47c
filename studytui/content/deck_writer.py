"""Lecture files written into a learner's deck folder, checked before they land.

Each imported lecture becomes `<lecture id>.yaml`, starting with the schema
line and a marker that names the source. The new files are first written to
a staging folder and the whole deck as it would be (the folder's other
lectures plus the new ones) is loaded with the real loader: only a deck that
validates is moved into place. A re-import of the same source replaces the
files its marker claims, and removes those whose lecture is gone; files it did
not write are never touched, and a name clash with one of them is refused.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from studytui.content.deck import Deck
from studytui.content.deck_id import ensure_deck_file
from studytui.content.json_schema import lecture_schema_json
from studytui.content.loader import load_files
from studytui.errors import ContentError, ContentIssue, Said, UserError
from studytui.paths import CONTENT_SUFFIXES, display_path

SCHEMA_FILE = "lecture.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema=./{SCHEMA_FILE}"
_MARKER = "# Written by `studytui import` from {source}: importing it again replaces this file."


@dataclass(frozen=True)
class Written:
    deck: Deck
    deck_id: str
    written: list[Path]
    removed: list[Path]


# libyaml's emitter: PyYAML's own takes seconds for a 10,000-card import.
_Base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):  # type: ignore[misc, valid-type]
    """Plain YAML; a text over several lines as a `|` block, as an author writes it."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def render(lecture: dict[str, Any], source: str) -> str:
    body = yaml.dump(lecture, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return f"{SCHEMA_LINE}\n{_MARKER.format(source=source)}\n{body}"


def write_schema(folder: Path) -> None:
    """A copy of the lecture schema beside the lectures, for the schema line."""
    (folder / SCHEMA_FILE).write_text(lecture_schema_json(), encoding="utf-8")


def _claimed_by(path: Path, source: str) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            head = [f.readline(), f.readline()]
    except OSError:
        return False
    return _MARKER.format(source=source) in (line.rstrip("\n") for line in head)


def _unstaged(issue: ContentIssue, staging: Path, folder: Path) -> ContentIssue:
    shown, final = display_path(staging), display_path(folder)
    return ContentIssue(issue.path.replace(shown, final), issue.line, issue.column,
                        issue.message.replace(shown, final), issue.field)


def write_lectures(folder: Path, lectures: list[dict[str, Any]], source: str) -> Written:
    """Write `lectures` into `folder` (made if missing) as the import of
    `source` (a file name); raises ContentError, leaving the folder as it was,
    when the deck they would make does not validate."""
    if folder.exists() and not folder.is_dir():
        raise UserError(Said("content.not_a_folder", path=display_path(folder)))
    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(p for p in folder.iterdir()
                      if p.suffix in CONTENT_SUFFIXES and p.is_file())
    ours = {p.name for p in existing if _claimed_by(p, source)}
    names = [f"{lec['id']}.yaml" for lec in lectures]
    for name in names:
        if (folder / name).exists() and name not in ours:
            raise UserError(Said("content.not_ours", path=display_path(folder / name),
                                 source=source))
    staging = Path(tempfile.mkdtemp(prefix=".studytui-import-", dir=folder))
    try:
        staged = []
        for name, lecture in zip(names, lectures, strict=True):
            (staging / name).write_text(render(lecture, source), encoding="utf-8")
            staged.append(staging / name)
        others = [p for p in existing if p.name not in ours]
        try:
            deck = load_files(others + staged)
        except ContentError as exc:  # said of the files as they would be named
            raise ContentError([_unstaged(i, staging, folder) for i in exc.issues]) from None
        for path in staged:
            os.replace(path, folder / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    removed = [folder / name for name in sorted(ours - set(names))]
    for path in removed:
        path.unlink(missing_ok=True)
    write_schema(folder)
    deck_id = ensure_deck_file(folder)
    return Written(deck, deck_id, [folder / n for n in names], removed)
