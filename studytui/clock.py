"""Time helpers shared by sessions and stats: UTC everywhere, days in local time.

A study "day" (new cards per day, reviews per day, the forecast) is the
learner's local calendar day, midnight to midnight: a learner in Seoul who
studies at 08:00 and 10:00 has studied on one day, which a UTC day (starting
at 09:00 KST) would split. Functions take `tz` so tests can pin it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def local_date(dt: datetime, tz: tzinfo | None = None) -> date:
    """The calendar day of `dt` in `tz` (None: the system's local time zone)."""
    return dt.astimezone(tz).date()


def day_start(now: datetime, tz: tzinfo | None = None) -> datetime:
    """The UTC instant at which `now`'s local day began."""
    local = now.astimezone(tz)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(timezone.utc)


def day_starts(now: datetime, days: int, tz: tzinfo | None = None) -> list[datetime]:
    """UTC instants at which today and the next `days - 1` local days begin."""
    first = now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    return [(first + timedelta(days=i)).astimezone(timezone.utc) for i in range(days)]
