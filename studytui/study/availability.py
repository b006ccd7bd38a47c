"""Which cards a session may show: the one rule every queue (review, learn
new, quiz) applies, so a suspended or buried card never turns up anywhere.

A suspended card is out until the learner unsuspends it. A buried card is out
until the start of the learner's next local day (`bury_until`), then back by
itself: nothing has to be written to lift it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo
from typing import TypeVar

from studytui.clock import day_starts
from studytui.store.card_marks import NO_MARKS, Marks
from studytui.store.schema_v3 import FORWARD
from studytui.store.sqlite_store import Store

T = TypeVar("T")


def is_available(marks: Marks, now: datetime) -> bool:
    """True when a card with these marks may be shown at `now`."""
    if marks.suspended:
        return False
    return marks.buried_until is None or marks.buried_until <= now


def available(store: Store, items: Iterable[T], now: datetime, *,
              card_of: str = "id", direction: str = FORWARD) -> list[T]:
    """`items` (cards, or questions with `card_of="card"`) whose card may be
    shown at `now`, in their order. One read of the deck's marks."""
    marks = store.card_marks(direction)
    if not marks:
        return list(items)
    return [item for item in items
            if is_available(marks.get(getattr(item, card_of), NO_MARKS), now)]


def bury_until(now: datetime, tz: tzinfo | None = None) -> datetime:
    """When a card buried now comes back: the start of the learner's next day."""
    return day_starts(now, 2, tz)[1]
