"""Pydantic's validation errors, said the way a content author needs them:
at the YAML node they concern, with the field path and a plain message."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from studytui.content.yaml_reader import Path, Positions
from studytui.errors import ContentIssue

# Messages for the error types an author meets; others keep pydantic's text.
_MESSAGES = {
    "missing": "field required",
    "string_type": "expected a text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list (- item)",
    "dict_type": "expected a mapping (key: value)",
    "model_type": "expected a mapping (key: value)",
    "model_attributes_type": "expected a mapping (key: value)",
    "string_too_short": "must not be empty",
    "too_short": "needs at least one item",
    "string_pattern_mismatch": "not a valid id: use lowercase letters, digits and single "
    "hyphens, e.g. 'batch-normalization'",
}


def field_path(path: Path) -> str:
    """('cards', 3, 'definition', 'ko') -> 'cards[3].definition.ko'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _real_path(loc: tuple[Any, ...], data: Any) -> tuple[Path, str | None]:
    """The part of pydantic's `loc` that exists in `data`, and the missing key
    at its end if any. Union tags and validator names in `loc` are skipped."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        elif i == len(loc) - 1 and isinstance(node, dict) and isinstance(part, str):
            return tuple(path), part
    return tuple(path), None


def _suggest(key: str, model: type[BaseModel] | None) -> str:
    if model is None:
        return ""
    close = difflib.get_close_matches(key, list(model.model_fields), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _model_at(root: type[BaseModel], path: Path) -> type[BaseModel] | None:
    """The model class that validates the mapping at `path`, for suggestions."""
    model: Any = root
    for part in path:
        if isinstance(part, int):
            continue
        field = getattr(model, "model_fields", {}).get(part)
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def issues_from(
    exc: ValidationError, data: Any, positions: Positions, display: str, root: type[BaseModel]
) -> list[ContentIssue]:
    issues: list[ContentIssue] = []
    for err in exc.errors(include_url=False):
        path, missing_key = _real_path(tuple(err["loc"]), data)
        kind = err["type"]
        if kind == "extra_forbidden" and path:
            key = str(path[-1])
            line, col = positions.of_key(path)
            message = f"unknown key '{key}'{_suggest(key, _model_at(root, path[:-1]))}"
        elif kind == "missing" or missing_key is not None:
            name = missing_key or ""
            path = (*path, name) if name else path
            line, col = positions.of_value(path[:-1] if name else path)
            message = _MESSAGES["missing"]
        else:
            line, col = positions.of_value(path)
            message = plain_message(err)
        issues.append(ContentIssue(display, line, col, message, field_path(path)))
    return issues


def _number_like(value: Any) -> bool:
    """A value the author likely meant as a number: true, 3.0, or text such as
    '+3', '03', '0x3', '1_0' (the YAML reader keeps those as text)."""
    if isinstance(value, (bool, float)):
        return True
    return isinstance(value, str) and any(c.isdigit() for c in value) and len(value) < 40 \
        and all(c in "0123456789+-_.eExXoObB" or c.isdigit() for c in value)


def plain_message(err: Any) -> str:
    """One pydantic error said plainly, without its position."""
    kind = err["type"]
    if kind == "literal_error":
        return f"expected one of {err.get('ctx', {}).get('expected', '')}"
    if kind == "string_too_long":
        limit = err.get("ctx", {}).get("max_length", 0)
        return (f"too long: {len(err['input']):,} characters (at most {limit:,}); "
                "shorten it, or move the detail to notes")
    message = _MESSAGES.get(kind) or _tidy(err["msg"])
    if kind == "int_type" and _number_like(err.get("input")):
        message += ", written plainly (3, not 3.0, +3, 03, 0x3, 1_0 or true)"
    return message


def _tidy(msg: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    return msg[:1].lower() + msg[1:]
