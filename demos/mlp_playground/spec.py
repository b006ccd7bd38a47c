"""The MLP playground's hidden-layer sizes in pure Python (no torch), so a
card's `demo:` link is checked at start-up."""

from __future__ import annotations

from typing import Any

from demos.params import ParamError

MAX_LAYERS = 4
MAX_WIDTH = 64


def parse_hidden(text: str) -> list[int]:
    """"8,8" -> [8, 8]; "" (or "none") -> [] (a single linear layer)."""
    if text.strip().lower() in ("", "none", "0"):
        return []
    sizes = []
    for part in text.replace(" ", ",").split(","):
        if not part:
            continue
        if not (part.isascii() and part.isdigit() and len(part) <= 3
                and 1 <= int(part) <= MAX_WIDTH):
            raise ParamError("hidden", f"{part[:10]!r} is not a layer size: whole numbers from 1 "
                                       f"to {MAX_WIDTH}, e.g. \"8,8\"")
        sizes.append(int(part))
    if len(sizes) > MAX_LAYERS:
        raise ParamError("hidden", f"has {len(sizes)} layers: at most {MAX_LAYERS}")
    return sizes


def check(values: dict[str, Any]) -> None:
    parse_hidden(values["hidden"])
