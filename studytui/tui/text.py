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
    from studytui.scheduler import format_interval

    return f"in {format_interval(delta)}"
