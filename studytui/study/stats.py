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
  mastery    mean FSRS retrievability now over the lecture's cards (new = 0)
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
    mastery: float = 0.0

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["title"] = {"ko": self.title.ko, "en": self.title.en}
        out["mastery"] = round(self.mastery, 4)
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
    per_lecture: list[LectureStats] = []
    for lec in deck.lectures:
        n_new = n_due = n_learning = 0
        retrievability = 0.0
        for card in lec.cards:
            row = recall.get(card.id)
            if row is None:
                n_new += 1
                continue
            due_s, fsrs_state, stability, last_review = row
            n_due += due_s <= now_s
            n_learning += fsrs_state in (State.Learning, State.Relearning)
            retrievability += scheduler.retrievability(
                stability, last_review and datetime.fromisoformat(last_review), now)
            day = bisect_right(bounds, due_s)  # the first day whose end is after the due time
            if day < FORECAST_DAYS:
                forecast[day] += 1
        per_lecture.append(LectureStats(
            number=lec.number, title=lec.title, cards=len(lec.cards), new=n_new, due=n_due,
            learning=n_learning, mastery=retrievability / len(lec.cards),
            reviews=None if counts is None else sum(counts.get(c.id, 0) for c in lec.cards),
        ))

    n_cards = sum(s.cards for s in per_lecture)
    orphaned = (None if counts is None
                else sum(n for card_id, n in counts.items() if card_id not in deck.cards))
    totals = LectureStats(
        number=0, title=TOTAL_TITLE, cards=n_cards,
        new=sum(s.new for s in per_lecture), due=sum(s.due for s in per_lecture),
        learning=sum(s.learning for s in per_lecture),
        reviews=None if counts is None else sum(counts.values()),
        mastery=(sum(s.mastery * s.cards for s in per_lecture) / n_cards) if n_cards else 0.0,
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
