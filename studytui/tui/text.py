"""Small text helpers shared by screens: the language cycle, human-friendly
numbers and times, and fitting words to a width. The words themselves come
from the catalogue (studytui.words)."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.cells import cell_len

from studytui.words import pick, say

LANG_CYCLE = ("ko", "en", "both")


def next_lang(lang: str) -> str:
    """ko -> en -> both -> ko."""
    return LANG_CYCLE[(LANG_CYCLE.index(lang) + 1) % len(LANG_CYCLE)] if lang in LANG_CYCLE \
        else "both"


def fitting(key: str, lang: str, width: int, **values: object) -> str:
    """`say(key, lang)`, or in `both` Korean alone (the learner's first
    language) when both do not fit in `width` cells."""
    text = say(key, lang, **values)
    if lang == "both" and cell_len(text) > width:
        return say(key, "ko", **values)
    return text


def percent(x: float | None) -> str:
    return "–" if x is None else f"{round(x * 100)}%"


def duration(seconds: float, lang: str) -> str:
    seconds = max(0, int(round(seconds)))
    minutes, secs = divmod(seconds, 60)
    if minutes:
        return say("time.min_sec", lang, m=minutes, s=f"{secs:02d}")
    return say("time.sec", lang, s=secs)


def when(at: datetime | None, now: datetime, lang: str) -> str:
    """'now', 'in 10m', 'in 3d' for a due time."""
    if at is None:
        return "–"
    delta = at - now
    if delta <= timedelta(0):
        return say("time.now", lang)
    from studytui.study.scheduler import format_interval

    if lang == "both":  # each language with its own units: 9일 후 · in 9d
        return pick(lang, when(at, now, "ko"), when(at, now, "en"))
    return say("time.in", lang, interval=format_interval(delta, lang))


def wrap_words(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` terminal cells, broken at spaces so a
    Korean or English word stays whole (Hangul takes two cells a syllable). Only
    a single word wider than the line is cut, at a cell boundary."""
    from rich.cells import chop_cells

    width = max(width, 2)  # one wide character must fit
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        pieces = chop_cells(word, width) if cell_len(word) > width else [word]
        lines.extend(pieces[:-1])
        line = pieces[-1]
    lines.append(line)
    return lines
