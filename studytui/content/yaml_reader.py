"""Untrusted YAML in, plain data and the position of every node out.

libyaml (through PyYAML's CSafeLoader where available) only parses here; the
data is built by this module from the parser's event stream. So nothing in
a file can construct an object or run code: any tag beyond the plain scalar,
mapping and sequence tags is an error. The same pass records where each value
and key stands, rejects duplicate keys, and refuses alias bombs and recursive
aliases by counting, never expanding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from studytui.printable import CONTENT_CONTROLS, control_character, describe

try:  # libyaml: parsing the bundled deck must stay a small part of start-up
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]

_T = "tag:yaml.org,2002:"
# A billion-laughs file expands a few aliases into millions of nodes; a real
# lecture file re-uses a handful. Past this many nodes reached through aliases
# the file is refused.
MAX_ALIAS_NODES = 10_000
MAX_DEPTH = 100


@dataclass
class Positions:
    """1-based (line, column) of each value, and of each mapping key, by path."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: Path) -> tuple[int, int]:
        """Where the value at `path` stands, or its nearest existing parent."""
        for n in range(len(path), -1, -1):
            if path[:n] in self.values:
                return self.values[path[:n]]
        return (1, 1)

    def of_key(self, path: Path) -> tuple[int, int]:
        return self.keys.get(path) or self.of_value(path)


class YamlProblem(Exception):
    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def _at(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def decode(raw: bytes) -> str:
    """UTF-8 text (a BOM is allowed), or YamlProblem at the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(
            line,
            column,
            f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded; save the file as UTF-8",
        ) from None


def portability_problem(text: str) -> YamlProblem | None:
    """Where a file that parses here would fail without libyaml: PyYAML falls
    back to its pure-Python parser where no libyaml wheel exists, and that
    parser refuses some plain scalars libyaml lets through (`Generative?}` in
    a flow mapping). None when both read the same data."""
    if _Loader is yaml.SafeLoader:
        return None  # this is the pure parser already: parse() said all there is
    try:
        pure = _Builder(False).build(yaml.parse(text, Loader=yaml.SafeLoader))[0]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _at(mark) if mark is not None else (1, 1)
        return YamlProblem(line, column, "reads only with libyaml: PyYAML's own parser stops"
                           f" here ({exc.problem or exc.context}); quote this value")
    except YamlProblem:
        return None  # the same problem parse() reports
    if pure != parse(text, positions=False)[0]:
        return YamlProblem(1, 1, "reads differently without libyaml; quote the plain"
                           " values that hold ':', '?' or '#'")
    return None


def parse(text: str, positions: bool = True) -> tuple[Any, Positions]:
    """The data of one YAML document and, when `positions`, where each part
    of it stands (without, the Positions returned are empty).

    Raises YamlProblem (the first problem: a file that does not parse cannot
    be read further) or returns; all *schema* problems are the loader's.
    """
    tabs = _TAB_INDENT.findall(text)
    if tabs:
        first = _TAB_INDENT.search(text)
        assert first is not None
        line = text.count("\n", 0, first.start()) + 1
        column = len(first.group(0).split("\t")[0]) + 1
        more = f" (and {len(tabs) - 1} more lines)" if len(tabs) > 1 else ""
        raise YamlProblem(line, column, f"tab character in indentation{more}; indent with spaces")
    try:
        return _Builder(positions).build(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _at(mark) if mark is not None else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.context_mark is not None and exc.context_mark is not mark:
            line, column = _at(exc.context_mark)
            problem += f" ({exc.context} started at line {line}, column {column})"
        raise YamlProblem(*where, f"YAML syntax error: {problem}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids, by offset
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        raise YamlProblem(
            line, column, f"character U+{exc.character:04X} is not allowed in YAML"
        ) from None
    except yaml.YAMLError as exc:  # anything else libyaml may raise, kept to one line
        raise YamlProblem(1, 1, "YAML error: " + " ".join(str(exc).split())) from None


# A line whose indentation holds a tab (YAML forbids it; editors hide it).
_TAB_INDENT = re.compile(r"^ *\t[ \t]*(?=\S)", re.MULTILINE)


class _Open:
    """A mapping or sequence being built, with what it needs until it closes."""

    __slots__ = ("value", "is_map", "path", "anchor", "size", "key", "first_line")

    def __init__(self, value: Any, path: Path, anchor: str | None):
        self.value, self.path, self.anchor = value, path, anchor
        self.is_map = isinstance(value, dict)
        self.size = 1  # nodes in this subtree, aliases counted at their full size
        self.key: str | None = None  # a mapping's pending key
        self.first_line: dict[str, int] = {}


class _Builder:
    """Builds plain data from libyaml's event stream: str, int, float, bool,
    None, dict, list. Parsing events (not composing nodes) keeps a large deck
    fast; resolving scalars here keeps YAML 1.2 core semantics.

    With `track` off, no positions are recorded (the fast path for files that
    turn out valid); every check that can refuse a file runs either way.
    """

    def __init__(self, track: bool) -> None:
        self.track = track
        self.positions = Positions()
        self.stack: list[_Open] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, size)
        self.open_anchors: set[str] = set()
        self.alias_nodes = 0
        self.root: Any = None
        self.documents = 0

    def build(self, events: Any) -> tuple[Any, Positions]:
        stack = self.stack
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if CONTENT_CONTROLS.search(event.value):
                    _refuse_control(event)
                top = stack[-1] if stack else None
                if top is not None and top.is_map and top.key is None:
                    self._take_key(event, top)
                else:
                    if event.tag is not None:
                        _check_tag(event)
                    value = _resolve(event)
                    if self.track:
                        self.positions.values[self._path(top)] = _at(event.start_mark)
                    if event.anchor:
                        self.anchors[event.anchor] = (value, 1)
                    self._attach(top, value, 1)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._start(event, {} if kind is yaml.MappingStartEvent else [])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                done = stack.pop()
                if done.anchor:
                    self.open_anchors.discard(done.anchor)
                    self.anchors[done.anchor] = (done.value, done.size)
                self._attach(stack[-1] if stack else None, done.value, done.size)
            elif kind is yaml.AliasEvent:
                self._alias(event)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise YamlProblem(
                        *_at(event.start_mark), "more than one YAML document (---) in the file"
                    )
        if self.documents == 0:
            raise YamlProblem(
                1, 1, "the file is empty: a lecture file is a mapping (id, number, ...)"
            )
        return self.root, self.positions

    def _path(self, top: _Open | None) -> Path:
        if top is None:
            return ()
        return (*top.path, top.key if top.is_map else len(top.value))  # type: ignore[arg-type]

    def _attach(self, top: _Open | None, value: Any, size: int) -> None:
        if top is None:
            self.root = value
        elif top.is_map:
            top.size += size
            top.value[top.key] = value
            top.key = None
        else:
            top.size += size
            top.value.append(value)

    def _take_key(self, event: Any, top: _Open) -> None:
        if type(event) is not yaml.ScalarEvent:
            raise YamlProblem(*_at(event.start_mark), "a key must be a plain word")
        if event.tag is not None:
            _check_tag(event)
        key = event.value
        if key in top.first_line or (key == "<<" and not event.style):
            line, column = _at(event.start_mark)
            if key == "<<":
                raise YamlProblem(line, column, "merge keys (<<) are not supported")
            raise YamlProblem(
                line, column, f"duplicate key '{key}' (first at line {top.first_line[key]})"
            )
        top.first_line[key] = event.start_mark.line + 1
        top.key = key
        if self.track:
            self.positions.keys[(*top.path, key)] = _at(event.start_mark)

    def _start(self, event: Any, value: Any) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.is_map and top.key is None:
            self._take_key(event, top)  # raises: a key must be a plain word
        if event.tag is not None and event.tag not in _COLLECTION_TAGS:
            raise YamlProblem(*_at(event.start_mark), f"tag '{_short(event.tag)}' is not allowed")
        if len(self.stack) >= MAX_DEPTH:
            raise YamlProblem(*_at(event.start_mark), f"nested deeper than {MAX_DEPTH} levels")
        path = self._path(top) if self.track else ()
        if self.track:
            self.positions.values[path] = _at(event.start_mark)
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Open(value, path, event.anchor))

    def _alias(self, event: yaml.AliasEvent) -> None:
        top = self.stack[-1] if self.stack else None
        where = _at(event.start_mark)
        if top is not None and top.is_map and top.key is None:
            raise YamlProblem(*where, "a key must be a plain word")
        if event.anchor in self.open_anchors:
            raise YamlProblem(*where, "recursive alias: a node contains itself")
        if event.anchor not in self.anchors:
            raise YamlProblem(*where, f"unknown alias '*{event.anchor}'")
        value, size = self.anchors[event.anchor]
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise YamlProblem(
                *where, f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes; refusing the file"
            )
        if self.track:
            self.positions.values[self._path(top)] = where
        self._attach(top, value, size)


_COLLECTION_TAGS = {_T + "map", _T + "seq"}
_SCALAR_TAGS = {_T + t for t in ("str", "int", "float", "bool", "null")}


def _check_tag(event: Any) -> None:
    tag = event.tag
    if tag is not None and tag != "!" and tag not in _SCALAR_TAGS:
        raise YamlProblem(
            *_at(event.start_mark),
            f"tag '{_short(tag)}' is not allowed: content files hold plain text, "
            "numbers, lists and mappings",
        )


def _refuse_control(event: Any) -> None:
    char = control_character(event.value)
    assert char is not None
    raise YamlProblem(
        *_at(event.start_mark),
        f"control character {describe(char)} in the text: lecture files hold printable "
        "text only (tab and line breaks aside)",
    )


def _short(tag: str) -> str:
    return "!!" + tag[len(_T):] if tag.startswith(_T) else tag


# YAML 1.2 core schema: only these plain scalars are not text. So an English
# "No" or "on" stays text, and so do dates and 1:30.
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
# A number is written as a person writes one: `10`, `-3`, `0.5`, `1e-3`. YAML
# 1.2 would also read `+10`, `010`, `0x10` and `0o10` as integers (and YAML 1.1
# `010` as 8): those stay text here, so `number: 0x10` is an error, not 16.
_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+)")
# No field holds a number this long; Python refuses to parse past 4,300 digits.
MAX_INT_DIGITS = 100
_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"),
                   ".nan": float("nan")}


# A plain scalar starting with none of these is text whatever follows, so most
# of a deck's scalars (words, sentences) skip the checks below.
_MAYBE_NOT_TEXT = frozenset("~nNtTfF0123456789+-.")


def _resolve(event: yaml.ScalarEvent) -> Any:
    text, tag = event.value, event.tag
    if event.style or tag in ("!", _T + "str"):  # quoted or block (plain is "" or None)
        return text
    if tag is None and text and text[0] not in _MAYBE_NOT_TEXT:
        return text
    if tag is None or tag == _T + "null":
        if text in _NULL:
            return None
    if tag is None or tag == _T + "bool":
        if text in _BOOL:
            return _BOOL[text]
    if tag is None or tag == _T + "int":
        if _INT.fullmatch(text):
            if len(text) > MAX_INT_DIGITS:
                raise YamlProblem(
                    *_at(event.start_mark),
                    f"a number of {len(text.lstrip('-')):,} digits is too long "
                    f"(at most {MAX_INT_DIGITS})",
                )
            return int(text)
    if tag is None or tag in (_T + "float", _T + "int"):
        if _FLOAT.fullmatch(text):
            return float(text)
        if text.lower() in _SPECIAL_FLOATS:
            return _SPECIAL_FLOATS[text.lower()]
    if tag is not None:
        raise YamlProblem(*_at(event.start_mark), f"'{text}' is not a valid {_short(tag)}")
    return text
