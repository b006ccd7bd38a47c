"""Lecture files in, a checked `Deck` out, or every mistake at once.

A file is read as bytes, decoded strictly, parsed by `yamlsource` (no object
construction), validated by the pydantic models of `content_schema` and turned
into the plain objects of `model`; then the deck is checked as a whole: unique
ids, questions pointing at real cards, demo links naming real demos with valid
parameters. Every problem becomes a `ContentIssue` with `path:line:column`;
`ContentError` carries all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from demos.params import ParamError
from demos.registry import DEMOS
from studytui.content import lecture_schema as schema
from studytui.content.deck import Deck
from studytui.content.model import BiText, Card, Lecture, Question, Record
from studytui.content.split_lists import split_message, split_pairs
from studytui.content.validation_errors import field_path, issues_from
from studytui.content.yaml_reader import Path as NodePath
from studytui.content.yaml_reader import (
    Positions,
    YamlProblem,
    decode,
    parse,
    portability_problem,
)
from studytui.errors import ContentError, ContentIssue
from studytui.files import MAX_LECTURE_BYTES, UnreadableFile, read_regular
from studytui.paths import content_files, display_path


@dataclass
class LoadedFile:
    """What one file yielded: its lecture when all of it is valid, and in any
    case the cards and questions that are valid on their own, with their
    indices in the file, so that deck-wide checks still run on a file with
    mistakes and every problem shows in one run."""

    display: str
    text: str
    lecture: Lecture | None
    lecture_id: str | None
    number: int | None
    cards: list[tuple[int, Card]]
    questions: list[tuple[int, Question]]

    @cached_property
    def positions(self) -> Positions:
        """Where each node stands. Parsed again only when an issue must be
        placed: a valid deck never pays for it."""
        return parse(self.text, positions=True)[1]


def load_file(path: Path, strict: bool = False) -> tuple[LoadedFile | None, list[ContentIssue]]:
    """One lecture file: what it yields, and every issue it has on its own."""
    display = display_path(path)
    try:
        raw = read_regular(path, MAX_LECTURE_BYTES)
    except UnreadableFile as exc:
        return None, [ContentIssue(display, 0, 0, f"cannot read: {exc.reason}")]
    except FileNotFoundError:  # removed between listing the folder and reading it
        return None, [ContentIssue(display, 0, 0, "cannot read: no such file")]
    try:
        text = decode(raw)
        data, _ = parse(text, positions=False)
    except YamlProblem as p:
        return None, [ContentIssue(display, p.line, p.column, p.message)]
    if not isinstance(data, dict):
        return None, [
            ContentIssue(
                display,
                1,
                1,
                "the top level must be a mapping of lecture fields "
                "(id, number, title, summary, cards, questions)",
            )
        ]
    issues: list[ContentIssue] = []
    try:
        lecture: Lecture | None = schema.validate_lecture(data)
    except ValidationError as exc:
        lecture = None
        loaded = _salvage(display, text, data, None)
        issues.extend(issues_from(exc, data, loaded.positions, display, schema.Lecture))
    else:
        loaded = _salvage(display, text, data, lecture)
    issues.extend(_demo_issues(loaded))
    if strict:
        issues.extend(_language_issues(loaded))
        issues.extend(split_list_issues(loaded))
        if problem := portability_problem(text):
            issues.append(ContentIssue(display, problem.line, problem.column, problem.message))
    return loaded, issues


def _salvage(display: str, text: str, data: dict, lecture: Lecture | None) -> LoadedFile:
    if lecture is not None:
        return LoadedFile(
            display,
            text,
            lecture,
            lecture.id,
            lecture.number,
            list(enumerate(lecture.cards)),
            list(enumerate(lecture.questions)),
        )
    lecture_id, number = data.get("id"), data.get("number")
    return LoadedFile(
        display,
        text,
        None,
        lecture_id if isinstance(lecture_id, str) else None,
        number if isinstance(number, int) and not isinstance(number, bool) else None,
        _valid_items(data.get("cards"), schema.Card, schema.card_model),
        _valid_items(data.get("questions"), schema.Question, schema.question_model),
    )


def _valid_items(
    items: Any, check: type[schema.Strict], convert: Callable[[Any], Any]
) -> list[tuple[int, Any]]:
    """The items of a list that validate on their own (their errors are
    already reported by the whole-lecture validation)."""
    valid = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        try:
            valid.append((i, convert(check.model_validate(item))))
        except ValidationError:
            pass
    return valid


def load_deck(paths: Iterable[Path] | None = None, strict: bool = False) -> Deck:
    """The deck in `paths` (files or folders; the bundled content when None).

    Raises ContentError with every problem of every file.
    """
    paths = None if paths is None else list(paths)  # read twice: files, then the error
    files = content_files(paths)
    if not files:
        named = ", ".join(display_path(p) for p in (paths or [])) or "content"
        raise ContentError([ContentIssue(named, 0, 0, "no lecture files (*.yaml) found")])
    return load_files(files, strict)


def load_files(files: list[Path], strict: bool = False) -> Deck:
    """The deck in these lecture files (already expanded from folders)."""
    loaded: list[LoadedFile] = []
    issues: list[ContentIssue] = []
    for path in files:
        one, found = load_file(path, strict)
        issues.extend(found)
        if one is not None:
            loaded.append(one)
    issues.extend(_deck_issues(loaded))
    if issues:
        raise ContentError(issues)
    return Deck.of([f.lecture for f in loaded if f.lecture is not None])


def _issue(f: LoadedFile, path: NodePath, message: str, key: bool = False) -> ContentIssue:
    line, col = f.positions.of_key(path) if key else f.positions.of_value(path)
    return ContentIssue(f.display, line, col, message, field_path(path))


def _where(f: LoadedFile, path: NodePath) -> str:
    line, col = f.positions.of_value(path)
    return f"{f.display}:{line}:{col}"


def _deck_issues(files: list[LoadedFile]) -> list[ContentIssue]:
    """What only the whole deck shows: ids used twice (both places named) and
    questions about cards that do not exist."""
    first: dict[tuple[str, Any], tuple[LoadedFile, NodePath]] = {}
    issues: list[ContentIssue] = []

    def claim(kind: str, value: Any, f: LoadedFile, path: NodePath) -> None:
        earlier = first.setdefault((kind, value), (f, path))
        if earlier[0] is not f or earlier[1] != path:
            where = _where(*earlier)
            issues.append(_issue(f, path, f"duplicate {kind} {value!r}, first at {where}"))

    for f in files:
        if f.lecture_id is not None:
            claim("lecture id", f.lecture_id, f, ("id",))
        if f.number is not None:
            claim("lecture number", f.number, f, ("number",))
        for i, card in f.cards:
            claim("card id", card.id, f, ("cards", i, "id"))
        for i, q in f.questions:
            claim("question id", q.id, f, ("questions", i, "id"))
    for f in files:
        for i, q in f.questions:
            if ("card id", q.card) not in first:
                issues.append(_issue(f, ("questions", i, "card"), f"unknown card '{q.card}'"))
    return issues


def _demo_issues(f: LoadedFile) -> Iterator[ContentIssue]:
    for i, card in f.cards:
        # The card's links in order: its `demo:` (if written) first, then `demos:`.
        single = ("cards", i, "demo") in f.positions.values
        links: list[tuple[NodePath, Any]] = [(("cards", i, "demo"), d) for d in card.demos[:1]
                                             if single]
        links += [(("cards", i, "demos", j), d) for j, d in enumerate(card.demos[single:])]
        yield from _link_issues(f, links)


def _link_issues(f: LoadedFile, links: list[tuple[NodePath, Any]]) -> Iterator[ContentIssue]:
    for base, link in links:
        spec = DEMOS.get(link.name)
        if spec is None:
            yield _issue(
                f, (*base, "name"), f"unknown demo '{link.name}'; valid: " + ", ".join(DEMOS)
            )
            continue
        try:
            spec.resolve(link.params)
        except ParamError as exc:
            param_path = (*base, "params", exc.param)
            known = param_path in f.positions.values
            message = exc.detail if known else str(exc)
            yield _issue(f, param_path if known else (*base, "params"), message, key=known)


def _language_issues(f: LoadedFile) -> Iterator[ContentIssue]:
    """Strict mode: every text in both languages."""
    parts = (
        [(f.lecture, ())]
        if f.lecture is not None
        else [(c, ("cards", i)) for i, c in f.cards]
        + [(q, ("questions", i)) for i, q in f.questions]
    )
    for obj, base in parts:
        yield from _missing_languages(f, obj, base)


def _missing_languages(f: LoadedFile, obj: Record, base: NodePath) -> Iterator[ContentIssue]:
    for path, text in _bitexts(obj, base):
        for lang in text.missing():
            yield _issue(f, path, f"missing '{lang}': bundled content needs both languages")


def _bitexts(obj: Any, path: NodePath) -> Iterator[tuple[NodePath, BiText]]:
    if isinstance(obj, BiText):
        yield path, obj
    elif isinstance(obj, Record):
        for name in obj.__slots__:
            yield from _bitexts(getattr(obj, name), (*path, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _bitexts(item, (*path, i))


def split_list_issues(f: LoadedFile) -> Iterator[ContentIssue]:
    """Accept or alias entries split at a comma by YAML (see `split_lists`)."""
    lists = [(("cards", i, "aliases"), c.aliases) for i, c in f.cards]
    lists += [(("questions", i, "accept"), q.accept) for i, q in f.questions]
    for base, entries in lists:
        for i in split_pairs(entries):
            field = base[-1]
            yield _issue(f, (*base, i), split_message(field, entries[i], entries[i + 1]))


def list_warnings(paths: Iterable[Path] | None = None) -> list[ContentIssue]:
    """What `validate` warns about without --strict: split accept/alias entries."""
    warnings: list[ContentIssue] = []
    for path in content_files(None if paths is None else list(paths)):
        loaded, _ = load_file(path)
        if loaded is not None:
            warnings.extend(split_list_issues(loaded))
    return warnings
