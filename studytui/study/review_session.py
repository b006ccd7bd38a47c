"""A flashcard review session: the queue, rating, undo, learn-ahead and a summary.

The queue is built from the store's card-state table (one row per card), never by
replaying the log. Rating writes to the store first and changes the session only
when that commit succeeded: a StoreError leaves the card on screen, unrated.
"""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from itertools import count

import fsrs

from studytui.clock import utcnow
from studytui.config import Config
from studytui.content.deck import Deck
from studytui.content.model import Card
from studytui.store.sqlite_store import Store, from_iso
from studytui.study.availability import available, bury_until
from studytui.study.custom_study import (
    LEARN_AHEAD,
    MODES,
    Item,
    Mode,
    StudyPlan,
    choose,
    interleave,
)
from studytui.study.scheduler import StudyScheduler, format_interval, fuzz_seed, utc
from studytui.study.session_counts import Counts, session_counts

__all__ = ["LEARN_AHEAD", "MODES", "Mode", "ReviewSession", "SessionSummary", "StudyPlan",
           "interleave"]


@dataclass(frozen=True)
class SessionSummary:
    reviewed: int
    again: int
    again_rate: float  # 0..1; 0 when nothing was reviewed
    seconds: float
    next_due: datetime | None  # earliest due card of the session's lectures afterwards


@dataclass(frozen=True)
class _Step:
    """What undoing one rating needs: the review (or practice answer) and the
    session as it was before."""

    review_id: str
    item: Item
    card_before: fsrs.Card
    queue: tuple[Item, ...]
    learning: tuple[tuple[datetime, int, Item], ...]
    kind: str = "rating"  # or the mark taken back: suspend, bury, flag (review_id: its event)


class ReviewSession:
    def __init__(
        self,
        deck: Deck,
        store: Store,
        scheduler: StudyScheduler,
        config: Config,
        lectures: list[int] | None = None,
        mode: Mode = "mixed",
        now: Callable[[], datetime] = utcnow,
        tz: tzinfo | None = None,
        plan: StudyPlan | None = None,
    ) -> None:
        """`plan` says which cards and how (custom study); without one, the plain
        session of `lectures` in `mode`."""
        if plan is None:
            plan = StudyPlan(None if lectures is None else tuple(lectures), mode=mode,
                             due_everywhere=True)
        self.deck, self.store, self.scheduler, self.config = deck, store, scheduler, config
        self.plan = plan
        self.mode = plan.mode
        self._now = now
        start = utc(now())
        self._started = start
        self._last_activity = start
        self._tz = tz
        cards = available(store, deck.cards_of(None if plan.lectures is None
                                               else list(plan.lectures)), start)
        self._ids = {c.id for c in cards}

        chosen = choose(plan, cards, store, scheduler, config.new_per_day, start, tz)
        self.held_back = chosen.held_back  # new cards today's limit kept out
        self._seq = count()  # tie-breaker so equal due times keep insertion order
        # (due, seq, item), kept sorted: cards that come back within LEARN_AHEAD
        self._learning: list[tuple[datetime, int, Item]] = [
            (due, next(self._seq), item) for due, item in chosen.learning]
        self._queue: deque[Item] = deque(chosen.queue)
        self._cards: dict[Item, fsrs.Card] = {}
        self._history: list[_Step] = []
        self._ratings: list[int] = []
        self._current: Item | None = None
        self._shown_at = start
        self._advance()

    # ---- the card on screen ----------------------------------------------------------------

    @property
    def current(self) -> Card | None:
        """The card to show, or None when the session is finished."""
        return self.deck.cards[self._current[0]] if self._current else None

    @property
    def direction(self) -> str | None:
        """The direction the current card is asked in (studytui.study.directions)."""
        return self._current[1] if self._current else None

    def _fsrs_card(self, item: Item) -> fsrs.Card:
        card = self._cards.get(item)
        if card is None:
            state = self.store.state_of(*item)
            card = (self.scheduler.card_from_state(state) if state
                    else self.scheduler.new_card(item[0], self._started))
            self._cards[item] = card
        return card

    def _advance(self) -> None:
        now = utc(self._now())
        if self._learning and self._learning[0][0] <= now:
            self._current = self._learning.pop(0)[2]
        elif self._queue:
            self._current = self._queue.popleft()
        elif self._learning:  # nothing else left: learn ahead rather than wait
            self._current = self._learning.pop(0)[2]
        else:
            self._current = None
        self._shown_at = now

    def intervals(self, lang: str = "en") -> dict[int, str]:
        """Rating (1..4) -> the interval label it would give; {} when finished, and
        in practice, where a rating gives no interval (the schedule stays as it is)."""
        if self.plan.practice:
            return {}
        return {r: format_interval(td, lang) for r, td in self.interval_deltas().items()}

    def interval_deltas(self) -> dict[int, timedelta]:
        if self._current is None:
            return {}
        return self.scheduler.preview(self._fsrs_card(self._current), utc(self._now()))

    # ---- rating and undo -------------------------------------------------------------------

    def rate(self, rating: int, duration_ms: int | None = None) -> None:
        """Rate the current card 1..4: scheduled, committed to the store, then the next card."""
        item = self._current
        if item is None:
            raise RuntimeError("the session is finished: there is no card to rate")
        card_id, direction = item
        now = utc(self._now())
        if duration_ms is None:
            duration_ms = max(0, int((now - self._shown_at).total_seconds() * 1000))
        before = self._fsrs_card(item)
        # Fuzz drawn from the review itself, so a replay of its event gives `after` again.
        after = self.scheduler.review(before, rating, now, duration_ms,
                                      seed=fuzz_seed(card_id, now, rating))
        # The store first: if it fails (StoreError) the session has not moved.
        # Practice is logged apart; `after` then lives only in this session
        # (Again still brings the card back), and no due date moves.
        review_id = (
            self.store.record_practice(card_id, direction, rating, now, duration_ms)
            if self.plan.practice else
            self.store.record_review(card_id, rating, now, duration_ms, after.to_dict(),
                                     direction=direction))
        self._history.append(
            _Step(review_id, item, before, tuple(self._queue), tuple(self._learning))
        )
        self._cards[item] = after
        self._ratings.append(rating)
        self._last_activity = now
        if after.due - now <= LEARN_AHEAD:
            bisect.insort(self._learning, (after.due, next(self._seq), item))
        self._advance()

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    def undo(self) -> Card | None:
        """Take back the last rating (in the store too); that card is current again."""
        if not self._history:
            return None
        step = self._history[-1]
        if step.kind != "rating":
            self.store.undo_mark(step.review_id, utc(self._now()))
        elif self.plan.practice:
            self.store.undo_practice(step.review_id, utc(self._now()))
        else:
            self.store.undo_review(step.review_id, utc(self._now()), self.scheduler.recompute)
        self._history.pop()
        if step.kind == "rating":
            self._ratings.pop()
        self._cards[step.item] = step.card_before
        self._queue = deque(step.queue)
        self._learning = list(step.learning)
        self._current = step.item
        self._shown_at = utc(self._now())
        return self.deck.cards[step.item[0]]

    @property
    def undo_kind(self) -> str | None:
        """What `undo` would take back: 'rating', 'suspend', 'bury', 'flag' or None."""
        return self._history[-1].kind if self._history else None

    # ---- marks: suspend, bury, flag --------------------------------------------------------

    def mark(self, kind: str) -> None:
        """Suspend or bury the current card (it leaves the session; the next one
        shows), or flag or unflag it (it stays). Committed first, and undoable.
        A mark is the card's, every direction of it."""
        item = self._current
        if item is None:
            raise RuntimeError("the session is finished: there is no card to mark")
        card_id = item[0]
        now = utc(self._now())
        flagged = kind == "flag" and self.store.marks_of(card_id).flagged
        event_id = self.store.mark_card(card_id, kind, now, on=not flagged,
                                        until=bury_until(now, self._tz) if kind == "bury" else None)
        self._history.append(_Step(event_id, item, self._fsrs_card(item),
                                   tuple(self._queue), tuple(self._learning), kind))
        self._last_activity = now
        if kind != "flag":
            self._advance()

    @property
    def flagged(self) -> bool:
        """Whether the card on screen is flagged."""
        return self._current is not None and self.store.marks_of(self._current[0]).flagged

    # ---- progress and summary --------------------------------------------------------------

    @property
    def counts(self) -> Counts:
        """New, learning and due left in this session, the card on screen included."""
        if not hasattr(self, "_start_states"):  # the store's states, read once
            self._start_states = {(row[0], direction): row[2]
                                  for direction in self.plan.directions
                                  for row in self.store.recall_rows(direction)}

        def state_of(item: Item) -> int | None:
            card = self._cards.get(item)
            if card is None:
                return self._start_states.get(item)
            return int(card.state) if card.last_review is not None else None  # never reviewed

        return session_counts(self._queue, len(self._learning), self._current, state_of)

    @property
    def progress(self) -> tuple[int, int]:
        """(cards rated, rated + still to show); the total grows when a card comes back."""
        done = len(self._ratings)
        left = len(self._queue) + len(self._learning) + (1 if self._current else 0)
        return done, done + left

    def summary(self) -> SessionSummary:
        reviewed = len(self._ratings)
        again = self._ratings.count(1)
        next_due = min((from_iso(d) for direction in self.plan.directions
                        for cid, d in self.store.due_index(direction=direction)
                        if cid in self._ids), default=None)
        return SessionSummary(
            reviewed=reviewed,
            again=again,
            again_rate=again / reviewed if reviewed else 0.0,
            seconds=(self._last_activity - self._started).total_seconds(),
            next_due=next_due,
        )
