"""Untrusted YAML in, plain data and the position of every node out.

PyYAML only parses and composes here (libyaml's CSafeLoader where available);
the data is built by this module's own walk over the node tree. So nothing in
a file can construct an object or run code: any tag beyond the plain scalar,
mapping and sequence tags is an error. The same walk records where each value
and key stands, rejects duplicate keys, and cuts off alias bombs and recursive
aliases before they cost time or memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml: parsing the bundled deck must stay a small part of start-up
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]

_T = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_T + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
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


def _check_tabs(text: str) -> list[tuple[int, int]]:
    """Lines indented with a tab: YAML forbids it, and editors hide it."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            found.append((number, indent.index("\t") + 1))
    return found


def parse(text: str) -> tuple[Any, Positions]:
    """The data of one YAML document and where each part of it stands.

    Raises YamlProblem (the first problem: a file that does not parse cannot
    be read further) or returns; all *schema* problems are the loader's.
    """
    tabs = _check_tabs(text)
    if tabs:
        line, column = tabs[0]
        more = f" (and {len(tabs) - 1} more lines)" if len(tabs) > 1 else ""
        raise YamlProblem(line, column, f"tab character in indentation{more}; indent with spaces")
    try:
        root = yaml.compose(text, Loader=_Loader)
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
    if root is None:
        raise YamlProblem(1, 1, "the file is empty: a lecture file is a mapping (id, number, ...)")
    return _Builder().build(root)


class _Builder:
    """Builds plain data from nodes: str/int/float/bool/None, dict, list."""

    def __init__(self) -> None:
        self.positions = Positions()
        self.seen: set[int] = set()
        self.alias_nodes = 0
        self.active: set[int] = set()  # nodes on the current path: recursion guard

    def build(self, root: yaml.Node) -> tuple[Any, Positions]:
        return self.node(root, (), through_alias=False), self.positions

    def node(self, node: yaml.Node, path: Path, through_alias: bool) -> Any:
        if id(node) in self.active:
            raise YamlProblem(*_at(node.start_mark), "recursive alias: a node contains itself")
        if len(path) > MAX_DEPTH:
            raise YamlProblem(*_at(node.start_mark), f"nested deeper than {MAX_DEPTH} levels")
        through_alias = through_alias or id(node) in self.seen
        if through_alias:
            self.alias_nodes += 1
            if self.alias_nodes > MAX_ALIAS_NODES:
                # An aliased node's mark is its anchor; name the key that uses it.
                used_at = next(
                    (
                        self.positions.keys[path[:n]]
                        for n in range(len(path), 0, -1)
                        if path[:n] in self.positions.keys
                    ),
                    _at(node.start_mark),
                )
                raise YamlProblem(
                    *used_at,
                    f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes; refusing the file",
                )
        self.seen.add(id(node))
        self.positions.values.setdefault(path, _at(node.start_mark))
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                _require_tag(node, _T + "seq")
                return [
                    self.node(item, (*path, i), through_alias) for i, item in enumerate(node.value)
                ]
            _require_tag(node, _T + "map")
            return self.mapping(node, path, through_alias)
        finally:
            self.active.discard(id(node))

    def mapping(self, node: yaml.MappingNode, path: Path, through_alias: bool) -> dict:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _T + "merge":
                raise YamlProblem(*_at(key_node.start_mark), "merge keys (<<) are not supported")
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(*_at(key_node.start_mark), "a key must be a plain word")
            _require_plain(key_node)
            key = key_node.value
            line, column = _at(key_node.start_mark)
            if key in out:
                raise YamlProblem(
                    line, column, f"duplicate key '{key}' (first at line {first_line[key]})"
                )
            first_line[key] = line
            self.positions.keys.setdefault((*path, key), (line, column))
            out[key] = self.node(value_node, (*path, key), through_alias)
        return out


def _require_tag(node: yaml.Node, tag: str) -> None:
    if node.tag != tag:
        raise YamlProblem(*_at(node.start_mark), f"tag '{_short(node.tag)}' is not allowed")


def _require_plain(node: yaml.ScalarNode) -> None:
    if node.tag not in _PLAIN_TAGS:
        raise YamlProblem(
            *_at(node.start_mark),
            f"tag '{_short(node.tag)}' is not allowed: content files hold plain text, "
            "numbers, lists and mappings",
        )


def _short(tag: str) -> str:
    return "!!" + tag[len(_T) :] if tag.startswith(_T) else tag


_SPECIAL_FLOATS = {
    ".inf": float("inf"),
    "+.inf": float("inf"),
    "-.inf": float("-inf"),
    ".nan": float("nan"),
}


def _scalar(node: yaml.ScalarNode) -> Any:
    """A scalar's value, YAML 1.2 style: only true/false are booleans (so an
    English 'No' or 'on' stays text), and 1:30 (YAML 1.1 base 60) stays text."""
    _require_plain(node)
    tag, text = node.tag[len(_T) :], node.value
    if tag == "null":
        return None
    if tag == "bool":
        return text.lower() == "true" if text.lower() in ("true", "false") else text
    if tag in ("int", "float") and ":" not in text:
        cleaned = text.replace("_", "").lower()
        for convert in _NUMBER_PARSERS[tag]:
            try:
                return convert(cleaned)
            except (ValueError, KeyError):
                continue
    return text


_NUMBER_PARSERS = {
    "int": (lambda t: int(t, 0), int),  # 0x1f, 0o17 and plain 017
    "float": (lambda t: _SPECIAL_FLOATS[t], float),
}
