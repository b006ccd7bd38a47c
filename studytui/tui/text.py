"""Small text helpers shared by screens: languages and human-friendly numbers."""

from __future__ import annotations

from datetime import datetime, timedelta

LANG_CYCLE = ("ko", "en", "both")
LANG_NAMES = {"ko": "한국어", "en": "English", "both": "한국어 + English"}


def next_lang(lang: str) -> str:
    """ko -> en -> both -> ko."""
    return LANG_CYCLE[(LANG_CYCLE.index(lang) + 1) % len(LANG_CYCLE)] if lang in LANG_CYCLE \
        else "both"


def pick(lang: str, ko: str, en: str) -> str:
    """A UI label in the display language; both stacks Korean before English."""
    if lang == "ko":
        return ko
    if lang == "en":
        return en
    return f"{ko} · {en}"


def percent(x: float | None) -> str:
    return "–" if x is None else f"{round(x * 100)}%"


def duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


def when(at: datetime | None, now: datetime) -> str:
    """'now', 'in 10m', 'in 3d' for a due time."""
    if at is None:
        return "–"
    delta = at - now
    if delta <= timedelta(0):
        return "now"
    from studytui.study.scheduler import format_interval

    return f"in {format_interval(delta)}"


def wrap_words(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` terminal cells, broken at spaces so a
    Korean or English word stays whole (Hangul takes two cells a syllable). Only
    a single word wider than the line is cut, at a cell boundary."""
    from rich.cells import cell_len, chop_cells

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
