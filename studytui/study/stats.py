"""The numbers of the Stats screen and `studytui stats`, all derived from the store.

Definitions (a test checks each against a store filled by hand). Each direction
a card is studied in (studytui.study.directions) is a card of its own in these
counts, as Anki counts each card of a note: with reverse on, a lecture of 22
cards has 44; `per_direction` says how the totals divide.
  cards      cards of the lecture in the deck, once per direction in play (forward,
             those turned on in Settings, those studied)
  new        of those, never reviewed (no state in the store)
  due        due now (due <= now)
  learning   in the Learning or Relearning state
  reviews    effective reviews (not undone) in every direction, flashcards and quiz
             misses alike; the total also holds reviews of cards no longer in the
             deck (orphaned: kept in the store, part of the learner's history), as
             the heatmap and true retention do, so every screen counts them alike
  orphaned_reviews  of the total, reviews of cards no longer in the deck
  seen       cards reviewed at least once (a state in the store) = cards - new
  young      in the Review state with an interval (due - last review) under 21 days
  mature     in the Review state with an interval of 21 days or more (as Anki)
  recall_tomorrow   FSRS's probability of recall one day from now, summed over the
             cards in Review, divided by the cards in Review or Relearning: a card
             that lapsed counts as not recalled until it is relearned, so an Again
             never raises it (a plain mean over Review cards would rise whenever
             the card forgotten was below the mean, as a due card usually is).
             Cards in their first learning steps are counted apart (learning).
             None when no card is in Review or Relearning.
  reviews_per_day   effective reviews per local day, the last 84 days (zeros included)
  true_retention    share of reviews of cards in the Review state that were not Again
  forecast   cards due on each of the next 14 local days; day 0 includes overdue cards
  due_today  = forecast[0]
  new_available     new cards a session would introduce today (new_per_day budget)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from fsrs import State

from studytui.clock import day_start, day_starts, local_date, to_local
from studytui.config import Config
from studytui.content.deck import Deck
from studytui.content.model import BiText
from studytui.store.sqlite_store import Store, iso
from studytui.study.directions import DIRECTIONS, studied, supports
from studytui.study.fitted_params import scheduler_for
from studytui.study.scheduler import StudyScheduler, utc

HEATMAP_DAYS = 84
MATURE_DAYS = 21  # Anki's line between young and mature
FORECAST_DAYS = 14
TOTAL_TITLE = BiText(ko="전체", en="All lectures")
RecallRow = tuple[str, int, "float | None", "str | None"]  # due, fsrs state, stability, last


@dataclass(frozen=True)
class LectureStats:
    number: int
    title: BiText
    cards: int = 0
    new: int = 0
    due: int = 0
    learning: int = 0
    reviews: int | None = None  # None: not counted (Home skips the whole-log numbers)
    seen: int = 0
    young: int = 0
    mature: int = 0
    recall_sum: float = 0.0  # recall tomorrow summed over Review cards
    recall_base: int = 0  # cards in Review or Relearning: what recall_sum is shared by

    @property
    def recall_tomorrow(self) -> float | None:
        return self.recall_sum / self.recall_base if self.recall_base else None

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        del out["recall_sum"], out["recall_base"]
        out["title"] = {"ko": self.title.ko, "en": self.title.en}
        recall = self.recall_tomorrow
        out["recall_tomorrow"] = None if recall is None else round(recall, 4)
        return out


@dataclass(frozen=True)
class Stats:
    per_lecture: list[LectureStats]
    totals: LectureStats
    reviews_per_day: dict[date, int]
    true_retention: float | None
    forecast: list[int]
    due_today: int
    new_available: int
    generated_at: datetime = field(default_factory=lambda: datetime.min)
    orphaned_reviews: int | None = None  # None: not counted (Home)
    # Direction -> its counts over every lecture (forward alone unless others are
    # turned on or studied): what the totals are made of.
    per_direction: dict[str, LectureStats] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "generated_at": self.generated_at.isoformat(),
            "per_lecture": [lec.to_json() for lec in self.per_lecture],
            "totals": self.totals.to_json(),
            "reviews_per_day": {d.isoformat(): n for d, n in self.reviews_per_day.items()},
            "true_retention": (None if self.true_retention is None
                               else round(self.true_retention, 4)),
            "forecast": list(self.forecast),
            "due_today": self.due_today,
            "new_available": self.new_available,
            "orphaned_reviews": self.orphaned_reviews,
            "per_direction": {d: {k: v for k, v in lec.to_json().items()
                                  if k not in ("number", "title")}
                              for d, lec in self.per_direction.items()},
        }


def in_play(config: Config, studied_in: Iterable[str]) -> tuple[str, ...]:
    """The directions whose cards count: forward, those turned on in Settings
    (their cards are new until studied) and any the learner has studied (only
    its studied cards: a plain session brings no new card of a direction that
    is not turned on, `custom_study.StudyPlan.due_everywhere`)."""
    wanted = set(studied(config.directions)) | set(studied_in)
    return tuple(d for d in DIRECTIONS if d in wanted) + tuple(
        sorted(wanted - set(DIRECTIONS)))  # a direction this version does not know


def compute_stats(deck: Deck, store: Store, now: datetime, config: Config | None = None,
                  tz: tzinfo | None = None, *, history: bool = True) -> Stats:
    """The learner's numbers now. Everything but the history comes from the card
    state table (one row a card and direction), so its cost does not grow with the
    review log. With `history` off (Home) the numbers that need the whole log are
    left out: reviews per lecture and true retention are None and the heatmap
    holds today.

    Each direction a card is studied in is counted as a card of its own (as Anki
    counts each card of a note): a card studied both ways is two in every count."""
    now = utc(now)
    config = config or Config()
    scheduler = scheduler_for(config, store)
    recall = store.recall_by_direction()
    directions = in_play(config, recall)
    turned_on = set(studied(config.directions))
    counts = store.review_counts_by_direction() if history else None
    starts = day_starts(now, FORECAST_DAYS + 1, tz)
    tally = _Tally(scheduler, iso(now), now + timedelta(days=1),
                   [iso(s) for s in starts[1:]])  # end of day 0, day 1, ...

    per_lecture: list[LectureStats] = []
    by_direction: dict[str, list[LectureStats]] = {d: [] for d in directions}
    for lec in deck.lectures:
        parts = []
        for d in directions:
            rows = recall.get(d, {})
            cards = [c.id for c in lec.cards
                     if (d in turned_on and supports(c, d)) or c.id in rows]
            reviews = None if counts is None else sum(counts.get((c, d), 0) for c in cards)
            part = tally.count(cards, rows, reviews)
            parts.append(part)
            by_direction[d].append(part)
        per_lecture.append(_sum(parts, lec.number, lec.title))

    orphaned = (None if counts is None
                else sum(n for (card_id, _), n in counts.items() if card_id not in deck.cards))
    totals = replace(_sum(per_lecture, 0, TOTAL_TITLE),
                     reviews=None if counts is None else sum(counts.values()))
    introduced = store.introduced_since(day_start(now, tz))
    passed, total = store.review_pass_counts() if history else (0, 0)
    return Stats(
        per_lecture=per_lecture,
        totals=totals,
        reviews_per_day=_reviews_per_day(store, now, tz, HEATMAP_DAYS if history else 1),
        true_retention=passed / total if total else None,
        forecast=tally.forecast,
        due_today=tally.forecast[0],
        new_available=min(totals.new, max(0, config.new_per_day - introduced)),
        generated_at=now,
        orphaned_reviews=orphaned,
        per_direction={d: _sum(parts, 0, TOTAL_TITLE) for d, parts in by_direction.items()},
    )


class _Tally:
    """Counts cards of one lecture in one direction, and adds their due dates to
    the forecast of every card counted."""

    def __init__(self, scheduler: StudyScheduler, now_s: str, tomorrow: datetime,
                 bounds: list[str]) -> None:
        self.scheduler, self.now_s, self.tomorrow, self.bounds = (
            scheduler, now_s, tomorrow, bounds)
        self.forecast = [0] * FORECAST_DAYS

    def count(self, cards: list[str], rows: dict[str, RecallRow],
              reviews: int | None) -> LectureStats:
        n = dict.fromkeys(("new", "due", "learning", "young", "mature", "base"), 0)
        recall_sum = 0.0
        for card_id in cards:
            row = rows.get(card_id)
            if row is None:
                n["new"] += 1
                continue
            due_s, fsrs_state, stability, last_review = row
            n["due"] += due_s <= self.now_s
            n["learning"] += fsrs_state in (State.Learning, State.Relearning)
            n["base"] += fsrs_state in (State.Review, State.Relearning)
            if fsrs_state == State.Review and last_review:
                last = datetime.fromisoformat(last_review)
                interval = datetime.fromisoformat(due_s) - last
                n["mature" if interval >= timedelta(days=MATURE_DAYS) else "young"] += 1
                recall_sum += self.scheduler.retrievability(stability, last, self.tomorrow)
            day = bisect_right(self.bounds, due_s)  # the first day whose end is after the due
            if day < FORECAST_DAYS:
                self.forecast[day] += 1
        return LectureStats(
            number=0, title=TOTAL_TITLE, cards=len(cards), new=n["new"], due=n["due"],
            learning=n["learning"], seen=len(cards) - n["new"], young=n["young"],
            mature=n["mature"], recall_sum=recall_sum, recall_base=n["base"], reviews=reviews)


SUMMED = ("cards", "new", "due", "learning", "seen", "young", "mature", "recall_sum",
          "recall_base")


def _sum(parts: list[LectureStats], number: int, title: BiText) -> LectureStats:
    reviews = [p.reviews for p in parts]
    return LectureStats(number=number, title=title,
                        **{f: sum(getattr(p, f) for p in parts) for f in SUMMED},
                        reviews=None if None in reviews else sum(r or 0 for r in reviews))


def _reviews_per_day(store: Store, now: datetime, tz: tzinfo | None,
                     days: int) -> dict[date, int]:
    """Effective reviews on each of the last `days` local days, today last, zeros included."""
    today = local_date(now, tz)
    per_day = {today - timedelta(days=i): 0 for i in range(days - 1, -1, -1)}
    first_day = day_start(now, tz) - timedelta(days=days - 1)
    # Days are grouped in SQL at today's UTC offset (a DST change inside the 84 days can
    # move a review near midnight by a day; Korea has no DST).
    offset = to_local(now, tz).utcoffset() or timedelta(0)
    for day_text, n in store.reviews_per_day(first_day, offset).items():
        day = date.fromisoformat(day_text)
        if day in per_day:
            per_day[day] = n
    return per_day
