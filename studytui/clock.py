"""Time helpers shared by sessions and stats: UTC everywhere, days in local time.

A study "day" (new cards per day, reviews per day, the forecast) is the
learner's local calendar day, midnight to midnight: a learner in Seoul who
studies at 08:00 and 10:00 has studied on one day, which a UTC day (starting
at 09:00 KST) would split. Functions take `tz` so tests can pin it.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone, tzinfo

from studytui.errors import Said


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def zone_problem(now: datetime | None = None) -> Said | None:
    """Why the system's local time zone cannot be used, or None. The C library
    accepts `TZ=UTC+25`, an offset of 25 hours; Python's datetime cannot hold
    an offset of 24 hours or more and raises ValueError."""
    try:
        (now or utcnow()).astimezone()
    except (ValueError, OverflowError, OSError):
        tz = os.environ.get("TZ")
        return Said("clock.zone_named", tz=tz) if tz else Said("clock.zone")
    return None


def to_local(dt: datetime, tz: tzinfo | None = None) -> datetime:
    """`dt` in `tz`; None means the system's zone, or UTC when that zone is
    unusable (see `zone_problem`): days then start at 00:00 UTC rather than
    the app failing to start."""
    if tz is not None:
        return dt.astimezone(tz)
    try:
        return dt.astimezone()
    except (ValueError, OverflowError, OSError):
        return dt.astimezone(timezone.utc)


def local_date(dt: datetime, tz: tzinfo | None = None) -> date:
    """The calendar day of `dt` in `tz` (None: the system's local time zone)."""
    return to_local(dt, tz).date()


def day_start(now: datetime, tz: tzinfo | None = None) -> datetime:
    """The UTC instant at which `now`'s local day began."""
    local = to_local(now, tz)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(timezone.utc)


def day_starts(now: datetime, days: int, tz: tzinfo | None = None) -> list[datetime]:
    """UTC instants at which today and the next `days - 1` local days begin."""
    first = to_local(now, tz).replace(hour=0, minute=0, second=0, microsecond=0)
    return [(first + timedelta(days=i)).astimezone(timezone.utc) for i in range(days)]
