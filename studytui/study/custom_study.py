"""Which cards a review session studies, and in what order: the plain session
(what is due, and new cards up to today's limit) and custom study.

A `StudyPlan` says what the learner asked for; `choose` turns it into a queue.
The options combine:

- lectures, tags: which cards (a card with any of the tags);
- directions: forward, and the reverse or Korean<->English directions turned
  on; each direction of a card has its own state, so it is due or new on its own;
- due_everywhere (the plain session): cards due in a direction studied once
  but not turned on come back too, though no new card of it is brought in
  (Anki's way with a card type: what was learned keeps its schedule);
- extra_new: new cards beyond today's limit (the TUI's "+N more today");
- cram: every chosen card, due or not, new or not, in lecture order;
- ahead_days: cards due within that many days, not only those due now;
- weak: every chosen card already studied, most lapses first, then the lowest
  predicted recall now;
- practice: answers are practice events and the schedule is left alone
  (applied by the session when a card is rated, not here).

Without `practice`, a card answered before its due date is a review: FSRS
takes the shorter elapsed time into account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Literal

from studytui.clock import day_start
from studytui.content.model import Card
from studytui.store.sqlite_store import Store, from_iso, iso
from studytui.study.directions import FORWARD, supports
from studytui.study.scheduler import StudyScheduler

Mode = Literal["due", "new", "mixed"]
MODES = ("due", "new", "mixed")
#: A card in one direction: what a session shows and rates.
Item = tuple[str, str]
AHEAD_DAYS_RANGE = (1, 3650)
EXTRA_NEW_RANGE = (1, 9999)
# A card coming due within this time is shown again in the same session (Anki's
# "learn ahead limit"), so Again/Hard on a learning card brings it back.
LEARN_AHEAD = timedelta(minutes=20)


@dataclass(frozen=True)
class StudyPlan:
    lectures: tuple[int, ...] | None = None  # None: every lecture
    tags: tuple[str, ...] = ()
    directions: tuple[str, ...] = (FORWARD,)
    mode: Mode = "mixed"
    due_everywhere: bool = False
    extra_new: int = 0
    cram: bool = False
    ahead_days: int | None = None
    weak: bool = False
    practice: bool = False

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if sum((self.cram, self.weak, self.ahead_days is not None)) > 1:
            raise ValueError("cram, weak and ahead_days choose cards differently: pick one")

    @property
    def custom(self) -> bool:
        """Anything beyond the plain session of the lectures chosen."""
        return self != StudyPlan(self.lectures, directions=self.directions, mode=self.mode,
                                 due_everywhere=self.due_everywhere)


@dataclass
class Selection:
    queue: list[Item]
    learning: list[tuple[datetime, Item]]  # due within LEARN_AHEAD, earliest first
    held_back: int  # new cards of the selection that today's limit kept out
    new_left: int  # new cards today's limit still allows (before this session)


def chosen_cards(cards: list[Card], tags: tuple[str, ...]) -> list[Card]:
    """`cards` (deck order) that carry any of `tags` (all when none is asked)."""
    if not tags:
        return cards
    wanted = {t.casefold() for t in tags}
    return [c for c in cards if any(t.casefold() in wanted for t in c.tags)]


def new_left_today(store: Store, new_per_day: int, now: datetime, tz: tzinfo | None) -> int:
    """New cards today's limit still allows: every direction counts."""
    return max(0, new_per_day - store.introduced_since(day_start(now, tz)))


def interleave(due: list[Item], new: list[Item]) -> list[Item]:
    """Due cards in order with new cards spread evenly among them."""
    if not due or not new:
        return due + new
    out: list[Item] = []
    ratio = len(due) / len(new)
    taken = 0
    for i, item in enumerate(new):
        upto = round((i + 0.5) * ratio)
        out += due[taken:upto]
        taken = max(taken, upto)
        out.append(item)
    return out + due[taken:]


def _weak_order(store: Store, scheduler: StudyScheduler, direction: str, ids: set[str],
                now: datetime) -> list[Item]:
    lapses = store.lapse_counts(direction)
    recall = {
        card_id: scheduler.retrievability(stability, from_iso(last) if last else None, now)
        for card_id, _, _, stability, last in store.recall_rows(direction) if card_id in ids}
    ranked = sorted(recall, key=lambda c: (-lapses.get(c, 0), recall[c], c))
    return [(c, direction) for c in ranked]


def choose(plan: StudyPlan, cards: list[Card], store: Store, scheduler: StudyScheduler,
           new_per_day: int, now: datetime, tz: tzinfo | None = None) -> Selection:
    """The session's queue for `plan` over `cards` (deck order, already limited
    to the plan's lectures and to cards that may be studied at all)."""
    cards = chosen_cards(cards, plan.tags)
    new_left = new_left_today(store, new_per_day, now, tz)
    by_direction = {d: [c.id for c in cards if supports(c, d)] for d in plan.directions}
    known = {d: store.known_cards(d) for d in plan.directions}
    new_items = [(c, d) for d, ids in by_direction.items() for c in ids if c not in known[d]]
    if plan.cram:  # everything, in lecture order: direction by direction
        queue = [(c, d) for d, ids in by_direction.items() for c in ids]
        return Selection(queue, [], 0, new_left)

    due: list[Item] = []
    learning: list[tuple[datetime, Item]] = []
    if plan.due_everywhere:  # due only: a direction studied but not turned on
        by_direction |= {d: [c.id for c in cards if supports(c, d)]
                         for d in sorted(store.studied_directions() - set(by_direction))}
    if plan.weak:
        for d, ids in by_direction.items():
            due += _weak_order(store, scheduler, d, set(ids), now)
    elif plan.mode != "new":
        horizon = now + (timedelta(days=plan.ahead_days) if plan.ahead_days else timedelta())
        until = max(horizon, now + LEARN_AHEAD)
        dated: list[tuple[str, Item]] = []
        for d, ids in by_direction.items():
            wanted = set(ids)
            dated += [(due_s, (c, d)) for c, due_s in store.due_index(until, d) if c in wanted]
        dated.sort()
        horizon_s = iso(horizon)
        for due_s, item in dated:
            if due_s <= horizon_s:
                due.append(item)
            else:
                learning.append((from_iso(due_s), item))

    takes_new = plan.mode != "due" and not plan.weak  # up to today's limit
    new = new_items[:plan.extra_new + (new_left if takes_new else 0)]
    held_back = len(new_items) - len(new) if takes_new else 0
    return Selection(interleave(due, new) if not plan.weak else due + new, learning,
                     held_back, new_left)
