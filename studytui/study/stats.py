"""The numbers of the Stats screen and `studytui stats`, all derived from the store.

Definitions (a test checks each against a store filled by hand):
  cards      cards of the lecture in the deck
  new        of those, never reviewed (no state in the store)
  due        due now (due <= now)
  learning   in the Learning or Relearning state
  reviews    effective reviews (not undone), flashcards and quiz misses alike; the
             total also holds reviews of cards no longer in the deck (orphaned: kept
             in the store, part of the learner's history), as the heatmap and true
             retention do, so every screen counts them the same way
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
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from fsrs import State

from studytui.clock import day_start, day_starts, local_date, to_local
from studytui.config import Config
from studytui.content.deck import Deck
from studytui.content.model import BiText
from studytui.store.sqlite_store import Store, iso
from studytui.study.fitted_params import scheduler_for
from studytui.study.scheduler import utc

HEATMAP_DAYS = 84
MATURE_DAYS = 21  # Anki's line between young and mature
FORECAST_DAYS = 14
TOTAL_TITLE = BiText(ko="전체", en="All lectures")


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
        }


def compute_stats(deck: Deck, store: Store, now: datetime, config: Config | None = None,
                  tz: tzinfo | None = None, *, history: bool = True) -> Stats:
    """The learner's numbers now. Everything but the history comes from the card
    state table (one row a card), so its cost does not grow with the review log.
    With `history` off (Home) the numbers that need the whole log are left out:
    reviews per lecture and true retention are None and the heatmap holds today."""
    now = utc(now)
    config = config or Config()
    scheduler = scheduler_for(config, store)
    recall = {row[0]: row[1:] for row in store.recall_rows()}
    counts = store.review_counts() if history else None
    now_s = iso(now)
    starts = day_starts(now, FORECAST_DAYS + 1, tz)
    bounds = [iso(s) for s in starts[1:]]  # end of day 0, day 1, ...

    forecast = [0] * FORECAST_DAYS
    tomorrow = now + timedelta(days=1)
    per_lecture: list[LectureStats] = []
    for lec in deck.lectures:
        n = dict.fromkeys(("new", "due", "learning", "young", "mature", "base"), 0)
        recall_sum = 0.0
        for card in lec.cards:
            row = recall.get(card.id)
            if row is None:
                n["new"] += 1
                continue
            due_s, fsrs_state, stability, last_review = row
            n["due"] += due_s <= now_s
            n["learning"] += fsrs_state in (State.Learning, State.Relearning)
            n["base"] += fsrs_state in (State.Review, State.Relearning)
            if fsrs_state == State.Review and last_review:
                last = datetime.fromisoformat(last_review)
                interval = datetime.fromisoformat(due_s) - last
                n["mature" if interval >= timedelta(days=MATURE_DAYS) else "young"] += 1
                recall_sum += scheduler.retrievability(stability, last, tomorrow)
            day = bisect_right(bounds, due_s)  # the first day whose end is after the due time
            if day < FORECAST_DAYS:
                forecast[day] += 1
        per_lecture.append(LectureStats(
            number=lec.number, title=lec.title, cards=len(lec.cards), new=n["new"],
            due=n["due"], learning=n["learning"], seen=len(lec.cards) - n["new"],
            young=n["young"], mature=n["mature"], recall_sum=recall_sum, recall_base=n["base"],
            reviews=None if counts is None else sum(counts.get(c.id, 0) for c in lec.cards),
        ))

    orphaned = (None if counts is None
                else sum(n for card_id, n in counts.items() if card_id not in deck.cards))

    def total(name: str) -> Any:
        return sum(getattr(s, name) for s in per_lecture)

    totals = LectureStats(
        number=0, title=TOTAL_TITLE,
        **{f: total(f) for f in ("cards", "new", "due", "learning", "seen", "young", "mature",
                                 "recall_sum", "recall_base")},
        reviews=None if counts is None else sum(counts.values()),
    )

    introduced = store.introduced_since(day_start(now, tz))
    passed, total = store.review_pass_counts() if history else (0, 0)
    return Stats(
        per_lecture=per_lecture,
        totals=totals,
        reviews_per_day=_reviews_per_day(store, now, tz, HEATMAP_DAYS if history else 1),
        true_retention=passed / total if total else None,
        forecast=forecast,
        due_today=forecast[0],
        new_available=min(totals.new, max(0, config.new_per_day - introduced)),
        generated_at=now,
        orphaned_reviews=orphaned,
    )


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
