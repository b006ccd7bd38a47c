"""Two stores, one history: merge two event logs by set union of ids.

Every event kind merges the same way, by id alone: the merge never looks at a
kind (reviews, undos, quiz answers, fits, and the kinds added later travel
alike). Each side gets the events it lacks, as they are (same id, device,
payload), in one transaction of its own, and then derives again the cards those
events touch with the replay `doctor` uses (`replay`), so the states are a
function of the set of events: merging in any order, any number of times,
gives the same events and the same states.

Only what is new is read: at the end of a sync that left both stores with the
same events, each store's log gets a mark (`Marks`, kept by the caller); the
next sync compares only the ids added after the marks, everything up to them
being shared. A mark that no longer holds (a store restored from a backup or
replaced by another copy) is noticed, and every id is compared instead.

A peer is anything with the small interface below (list its event ids, all or
after a mark, fetch events by id, insert events, replay cards, all inside one
transaction): the SQLite store has it (`sqlite_sync.StoreSync`), a read-only
snapshot of another file has the reading ones (`sqlite_snapshot`), and a
PostgreSQL store can be a peer by giving the same methods (its marks from a
sequence column, or a mark that never holds, so that every id is compared).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
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


#: (local mark, other mark): where each store's log stood at the end of a sync
#: that left both with the same events.
Marks = tuple[str, str]


class MarkGone(Exception):
    """A mark no longer holds for its store: compare every id instead."""


class EventSource(Protocol):
    """What a merge reads from a side."""

    def event_ids(self, after: str | None = None) -> set[str] | None:
        """Every event id; with `after` (a mark of this store's), those added
        after it, or None when the mark no longer holds."""
        ...

    def event_mark(self) -> str: ...

    def event_count(self) -> int: ...

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
    events: int = 0  # the local store holds after the sync
    same: bool = False  # both stores hold the same events now
    marks: Marks | None = None  # for the next sync, when `same`


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


def _view(peer: EventSource, mark: str | None) -> set[str]:
    ids = peer.event_ids(mark)
    if ids is None:
        raise MarkGone
    return ids


def receive(source: EventSource, source_ids: set[str], target: SyncPeer, mark: str | None,
            recompute: Recompute | None, source_mark: str | None = None,
            before_commit: Callable[[], None] | None = None,
            inserted: Callable[[], None] | None = None) -> tuple[Moved, set[str], str]:
    """Give `target` the events of `source_ids` it lacks and replay what they
    touch, in one transaction of `target`'s. `mark`: compare only the target's
    ids after it (`source_ids` are then the source's after its own mark).
    `source_mark`: the source's mark when `source_ids` are all its events;
    a target that ends with exactly those may copy the source's derived state
    rather than replay (`adopt_derived`, which checks the mark still holds).
    `inserted`: called once the target holds the events, before their replay.
    Returns what moved, the target's ids as compared now, and its new mark."""
    with target.sync_transaction():
        have = _view(target, mark)  # inside the transaction: nothing slips in between
        wanted = sorted(source_ids - have)
        # two SQLite stores copy inside SQLite (sync_attach); any other pair through here
        copy = getattr(target, "copy_events", None)
        events = copy(source, wanted) if copy is not None else None
        if events is None:
            events = source.fetch_events(wanted)
            target.insert_events(events)
        if inserted is not None:
            inserted()
        changed = None
        # a peer may offer the shortcut (the SQLite store does; a server does not)
        adopt = getattr(target, "adopt_derived", None)
        if events and source_mark is not None and have <= source_ids and adopt:
            changed = adopt(events, source, source_mark)
        if changed is None:
            changed = target.replay_cards(events, recompute) if events else set()
        new_mark = target.event_mark()
        if before_commit is not None:  # raising rolls the transaction back
            before_commit()
    return Moved(Counter(e[KIND] for e in events), changed), have | source_ids, new_mark


class OtherSide(Protocol):
    """OTHER's side done elsewhere, beside the local side (`other_side.py`)."""

    def go(self) -> None:
        """The local side holds OTHER's events: OTHER's own work may start."""
        ...

    def finish(self, local_mark: str) -> tuple[Moved, bool, str] | None:
        """The local side committed at `local_mark`: (what OTHER received, whether
        both now hold the same events, OTHER's mark), or None to do it here."""
        ...


def sync(local: SyncPeer, other_snapshot: EventSource, other: SyncPeer,
         recompute: Recompute | None, since: Marks | None = None,
         before_commit: Callable[[], None] | None = None,
         other_side: OtherSide | None = None) -> SyncReport:
    """Both sides get what the other lacks: the local store from a consistent
    snapshot of the other, then the other from the local store. `since`: the
    marks the last sync between these two stores left. `before_commit`: called
    before the local store commits (the snapshot's check, run meanwhile).
    `other_side`: OTHER's side, begun beside the local one (`other_side.py`)."""
    memo = RecomputeMemo(recompute) if recompute is not None else None
    if since is not None:
        try:
            return _sync(local, other_snapshot, other, memo, since, before_commit, other_side)
        except MarkGone:
            pass  # nothing was written: the local transaction rolled back
    return _sync(local, other_snapshot, other, memo, (None, None), before_commit, other_side)


def _sync(local: SyncPeer, snapshot: EventSource, other: SyncPeer,
          recompute: Recompute | None, since: tuple[str | None, str | None],
          before_commit: Callable[[], None] | None,
          other_side: OtherSide | None) -> SyncReport:
    here, there = since
    received, mine, local_mark = receive(snapshot, _view(snapshot, there), local, here,
                                         recompute, before_commit=before_commit,
                                         inserted=other_side.go if other_side else None)
    done = other_side.finish(local_mark) if other_side is not None else None
    if done is not None:
        sent, same, other_mark = done
        return SyncReport(received, sent, local.event_count(), same,
                          (local_mark, other_mark) if same else None)
    try:
        sent, theirs, other_mark = receive(local, mine, other, there, recompute, local_mark)
    except MarkGone:  # the other file was replaced since its snapshot
        sent, theirs, other_mark = receive(local, _view(local, None), other, None, recompute)
        mine = set()  # compared from different bases: no marks this time
    same = mine == theirs
    return SyncReport(received, sent, local.event_count(), same,
                      (local_mark, other_mark) if same else None)
