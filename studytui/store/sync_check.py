"""Which check a sync gives the snapshot of OTHER: the full `integrity_check`
or the quick one (why both, with the figures: `sqlite_snapshot`).

Fully, when any of these holds, else quickly:
- the learner asked (`studytui sync --full-check`);
- OTHER is new to this store: no marks of an earlier sync with its device id;
- the marks of the last sync no longer hold on either side: OTHER (or this
  store) was replaced by another copy or restored from a backup since, so
  nothing about the file can be taken from the last time;
- this store last checked that peer fully more than `FULL_EVERY` ago (the
  time is kept in this store's meta, beside the marks), so damage the quick
  check cannot see (an index that disagrees with its rows) is found within a
  week even between two stores that sync every day.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from studytui.store.sqlite_snapshot import EVERY_EVENT, Snapshot
from studytui.store.sqlite_sync import StoreSync
from studytui.store.times import from_iso

FULL_EVERY = timedelta(days=7)


def plan_check(local: StoreSync, snapshot: Snapshot, now: datetime, forced: bool = False
               ) -> tuple[bool, str | None]:
    """(whether the snapshot of OTHER needs the full check, the mark of OTHER's
    log after which the sync will read its events: every one when the marks
    do not hold).
    Reads the copy before it is checked: only its device id and one row by
    rowid, and any doubt means the full check."""
    peer = snapshot.device_id
    marks = local.sync_marks(peer) if peer else None
    if marks is None:
        return True, EVERY_EVENT
    here, there = marks
    if not (local.mark_holds(here) and snapshot.mark_holds(there)):
        return True, EVERY_EVENT
    return forced or _week_since_full(local.fully_checked_at(peer), now), there


def _week_since_full(last: str | None, now: datetime) -> bool:
    try:
        # a time ahead of now (the clock was wrong then) counts as long ago
        return last is None or not timedelta(0) <= now - from_iso(last) < FULL_EVERY
    except ValueError:  # not a time this studytui wrote
        return True
