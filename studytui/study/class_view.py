"""The instructor's view of a cohort: where the class struggles.

  per student  standing reviews, streak (local days in a row with a review,
               ending today or yesterday), mature share (cards of the deck with
               stability of 21 days or more, as Anki calls a card mature) and
               predicted recall (mean FSRS retrievability now over the cards
               they have studied; None before the first)
  per card     the cohort's lapses (Again on a card in the Review state), the
               students who studied it and their mean predicted recall;
               hardest first (lowest recall, then most lapses)
  per lecture  the spread across students of their mastery of the lecture
               (mean retrievability over its cards, new = 0, as `stats` has
               it): min, quartiles, max

Recall uses the default FSRS parameters for everyone: a student's own fit is
theirs, and the cohort is compared on one curve.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from statistics import quantiles
from typing import Any

from studytui.config import Config
from studytui.content.deck import Deck
from studytui.store.class_reads import ClassReads
from studytui.study.scheduler import StudyScheduler, utc

MATURE_DAYS = 21.0


@dataclass(frozen=True)
class StudentRow:
    student: str
    reviews: int
    streak: int
    mature_share: float
    predicted_recall: float | None
    studied: int


@dataclass(frozen=True)
class CardRow:
    card_id: str
    lecture: int | None  # None: a card no longer in the deck
    lapses: int
    reviews: int
    students: int
    predicted_recall: float | None


@dataclass(frozen=True)
class LectureRow:
    lecture: int
    students: int
    spread: tuple[float, float, float, float, float]  # min, p25, median, p75, max


@dataclass(frozen=True)
class ClassReport:
    generated_at: datetime
    students: list[StudentRow]
    cards: list[CardRow]
    lectures: list[LectureRow]

    def to_json(self) -> dict[str, Any]:
        def rounded(row: Any) -> dict[str, Any]:
            return {k: (round(v, 4) if isinstance(v, float) else
                        [round(x, 4) for x in v] if isinstance(v, tuple) else v)
                    for k, v in asdict(row).items()}
        return {"generated_at": self.generated_at.isoformat(),
                "students": [rounded(s) for s in self.students],
                "cards": [rounded(c) for c in self.cards],
                "lectures": [rounded(lec) for lec in self.lectures]}


def streak(days: set[date], today: date) -> int:
    """Days in a row with a review, ending today (or yesterday: today is not over)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count, day = count + 1, day - timedelta(days=1)
    return count


def class_report(reads: ClassReads, deck: Deck, deck_id: str, now: datetime,
                 utc_offset: timedelta = timedelta(0)) -> ClassReport:
    now = utc(now)
    params = StudyScheduler(Config()).parameters
    # FSRS-6's forgetting curve (fsrs' get_card_retrievability), inlined: called
    # once per student and card (tens of thousands), it must cost no Card object.
    decay = -params[20]
    factor = 0.9 ** (1 / decay) - 1

    def recall(stability: float | None, last_review: str | None) -> float:
        if not stability or not last_review:
            return 0.0
        elapsed = max(0, (now - datetime.fromisoformat(last_review)).days)
        return float((1 + factor * elapsed / stability) ** decay)

    lecture_of = {card.id: lec.number for lec in deck.lectures for card in lec.cards}
    per_student: dict[str, dict[str, tuple[float, bool]]] = {s: {} for s in reads.students()}
    per_card: dict[str, list[float]] = {}
    for student, card_id, stability, last_review in reads.states(deck_id):
        r = recall(stability, last_review)
        per_student.setdefault(student, {})[card_id] = (r, (stability or 0) >= MATURE_DAYS)
        per_card.setdefault(card_id, []).append(r)

    reviews: dict[str, int] = {}
    days: dict[str, set[date]] = {}
    for student, count, first, last in reads.days(deck_id):
        reviews[student] = reviews.get(student, 0) + int(count)
        # Local time only moves within a day's reviews: the first and the last
        # fall on the local days this UTC day's reviews did (at most two).
        days.setdefault(student, set()).update(
            (datetime.fromisoformat(at) + utc_offset).date() for at in (first, last))
        per_student.setdefault(student, {})
    today = (now + utc_offset).date()

    n_cards = len(lecture_of) or 1
    students = []
    for student, cards in sorted(per_student.items()):
        mine = [r for card, (r, _) in cards.items() if card in lecture_of]
        students.append(StudentRow(
            student, reviews.get(student, 0), streak(days.get(student, set()), today),
            sum(mature for card, (_, mature) in cards.items() if card in lecture_of) / n_cards,
            sum(mine) / len(mine) if mine else None, len(mine)))

    lapses = reads.lapses(deck_id)
    card_rows = [CardRow(card, lecture_of.get(card), *lapses.get(card, (0, 0)),
                         len(per_card.get(card, [])),
                         (sum(per_card[card]) / len(per_card[card])) if per_card.get(card)
                         else None)
                 for card in sorted(set(per_card) | set(lapses))]
    card_rows.sort(key=lambda c: (c.predicted_recall is None,
                                  c.predicted_recall if c.predicted_recall is not None else 0,
                                  -c.lapses, c.card_id))

    lectures = []
    for lec in deck.lectures:
        masteries = sorted(sum(cards.get(c.id, (0.0, False))[0] for c in lec.cards)
                           / max(1, len(lec.cards)) for cards in per_student.values())
        lectures.append(LectureRow(lec.number, len(masteries), _spread(masteries)))
    return ClassReport(now, students, card_rows, lectures)


def _spread(values: list[float]) -> tuple[float, float, float, float, float]:
    if not values:
        return (0.0, 0.0, 0.0, 0.0, 0.0)
    if len(values) == 1:
        return (values[0],) * 5  # type: ignore[return-value]
    q1, q2, q3 = quantiles(values, n=4, method="inclusive")
    return (values[0], q1, q2, q3, values[-1])
