"""Two stores, one history: merge two event logs by set union of ids.

Every event kind merges the same way, by id alone: the merge never looks at a
kind (reviews, undos, quiz answers, fits, and the kinds added later travel
alike). Each side gets the events it lacks, as they are (same id, device,
payload), in one transaction of its own, and then derives again the cards those
events touch with the replay `doctor` uses (`replay`), so the states are a
function of the set of events: merging in any order, any number of times,
gives the same events and the same states.

A peer is anything with the small interface below (list its event ids, fetch
events by id, insert events, replay cards, all inside one transaction): the
SQLite store has it (`sqlite_sync.StoreSync`), a read-only snapshot of another
file has the first two (`sqlite_snapshot`), and a PostgreSQL store can be a
peer by giving the same methods.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from studytui.store.replay import CardKey, Recompute

#: An event row as it is stored and travels: (id, device id, kind, at, deck id,
#: card id, direction, payload as JSON text). The payload's text is copied as
#: is, so the same event is the same bytes on every device.
Event = tuple[str, str, str, str, str, str, str, str]
KIND = 2


class EventSource(Protocol):
    """What a merge reads from a side."""

    def event_ids(self) -> set[str]: ...

    def fetch_events(self, ids: Collection[str]) -> list[Event]: ...


class SyncPeer(EventSource, Protocol):
    """A side a merge writes to: everything below inside `sync_transaction`,
    which commits all of it or none."""

    def sync_transaction(self) -> AbstractContextManager[object]: ...

    def insert_events(self, events: Sequence[Event]) -> None: ...

    def replay_cards(self, events: Sequence[Event], recompute: Recompute | None
                     ) -> set[CardKey]:
        """Derive again the cards `events` (just inserted) touch; the cards whose
        derived state changed."""
        ...


@dataclass
class Moved:
    """Events one side received, by kind, and its cards whose state changed."""

    kinds: Counter[str] = field(default_factory=Counter)
    changed: set[CardKey] = field(default_factory=set)

    @property
    def events(self) -> int:
        return sum(self.kinds.values())


@dataclass
class SyncReport:
    received: Moved  # by the local store, from the other
    sent: Moved  # to the other store, from the local one
    local_events: int = 0  # events each side holds after the sync
    other_events: int = 0


class RecomputeMemo:
    """A recompute that remembers: both sides of a sync replay the same merged
    cards, and a review computed again from the same state gives the same state,
    so the second side reuses the first side's work (half the time of a first
    sync, where most merged reviews are computed again)."""

    def __init__(self, recompute: Recompute) -> None:
        self._recompute = recompute
        self._done: dict[str, tuple[dict[str, Any] | None, dict[str, Any]]] = {}

    def __call__(self, before: dict[str, Any] | None, rating: int, at: datetime,
                 duration_ms: int | None, event_id: str, card_id: str) -> dict[str, Any]:
        hit = self._done.get(event_id)
        if hit is not None and hit[0] == before:
            return hit[1]
        after = self._recompute(before, rating, at, duration_ms, event_id, card_id)
        self._done[event_id] = (before, after)
        return after


def receive(source: EventSource, target: SyncPeer, recompute: Recompute | None,
            source_ids: set[str] | None = None) -> tuple[Moved, set[str]]:
    """Give `target` the events of `source` it lacks and replay what they touch,
    in one transaction of `target`'s. Returns what moved and the ids `target`
    holds now. `source_ids`: the source's ids when already known."""
    with target.sync_transaction():
        have = target.event_ids()  # inside the transaction: nothing slips in between
        ids = source.event_ids() if source_ids is None else source_ids
        events = source.fetch_events(sorted(ids - have))
        target.insert_events(events)
        changed = target.replay_cards(events, recompute) if events else set()
    return Moved(Counter(e[KIND] for e in events), changed), have | ids


def sync(local: SyncPeer, other_snapshot: EventSource, other: SyncPeer,
         recompute: Recompute | None) -> SyncReport:
    """Both sides get what the other lacks: the local store from a consistent
    snapshot of the other, then the other from the local store."""
    memo = RecomputeMemo(recompute) if recompute is not None else None
    received, union = receive(other_snapshot, local, memo)
    sent, theirs = receive(local, other, memo, source_ids=union)
    return SyncReport(received, sent, len(union), len(theirs))
