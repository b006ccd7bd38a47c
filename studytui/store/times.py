"""Times in the store: text in one fixed-width UTC form, so comparing the strings
compares the instants and a human can read them in `sqlite3`."""

from __future__ import annotations

from datetime import datetime, timezone


def iso(dt: datetime) -> str:
    """`dt` in UTC, fixed width, so string order is time order."""
    if dt.tzinfo is None:
        raise ValueError("naive datetime: the store keeps UTC-aware times only")
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def epoch_ms(text: str) -> int:
    return int(from_iso(text).timestamp() * 1000)
