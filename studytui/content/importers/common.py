"""What the text importers share: decoding a source strictly, a lecture title
split into its languages, a numbered lecture heading, and ids made from a
file name when the source gives none."""

from __future__ import annotations

import re

from studytui.content.importers.draft import Where
from studytui.content.importers.text import bitext, clean
from studytui.content.yaml_reader import YamlProblem
from studytui.content.yaml_reader import decode as strict_utf8
from studytui.errors import ContentError

_LEADING_NUMBER = re.compile(r"^(\d{1,3})(?:[.)]\s*|\s+)(.+)$")


def decode(raw: bytes, display: str) -> str:
    """UTF-8 text (BOM allowed), or one issue at the first bad byte, saying
    how to fix the usual cause (Excel's Korean CSV is CP949)."""
    try:
        return strict_utf8(raw)
    except YamlProblem as problem:
        hint = problem.message
        try:
            raw.decode("cp949")
            hint += " (it looks like CP949 / EUC-KR: in Excel, save as 'CSV UTF-8')"
        except UnicodeDecodeError:
            pass
        raise ContentError([Where(display, problem.line, problem.column).issue(hint)]) from None


def split_languages(text: str) -> dict[str, str]:
    """"경사 하강법 / Gradient descent" -> {ko: ..., en: ...}; a text without
    " / " goes under the language it is written in."""
    text = clean(text)
    if " / " in text:
        ko, en = (part.strip() for part in text.split(" / ", 1))
        if ko and en:
            return {"ko": ko, "en": en}
    return bitext(text)


def numbered_title(text: str) -> tuple[int | None, dict[str, str]]:
    """A lecture heading: "3. 최적화 / Optimization" -> (3, {ko, en})."""
    text = clean(text)
    match = _LEADING_NUMBER.match(text)
    if match:
        return int(match.group(1)), split_languages(match.group(2))
    return None, split_languages(text)


def slug(text: str) -> str:
    """Lowercase ASCII letters, digits and single hyphens ('' when none)."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60].strip("-")


def split_list(text: str) -> list[str]:
    """"a; b ;c" -> ["a", "b", "c"]: the separator of aliases and tags."""
    return [part.strip() for part in clean(text).split(";") if part.strip()]
