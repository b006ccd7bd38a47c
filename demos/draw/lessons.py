"""The lessons under a demo's picture: a heading and one bullet per lesson,
each (catalogue key, values) pair said in the learner's language (with
`both`, the English line under the Korean one); lines fold, never crop."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from studytui.words import say


def lesson_lines(lessons: list[tuple[str, dict[str, Any]]], lang: str) -> list[Text]:
    if not lessons:
        return []
    lines = [Text(say("demos.lessons", lang), style="bold")]
    lines += [Text("• " + say(key, lang, sep="\n  ", **values)) for key, values in lessons]
    for line in lines:
        line.overflow = "fold"
    return lines
