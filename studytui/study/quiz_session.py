"""A quiz: questions in a seedable shuffled order, answers graded, every answer committed.

Choice numbers are the ones in the content (counted from 1). The learner sees
the choices in `choices_order`; the key pressed at display position k means
choice `choice_at(k)`, and `answer()` takes choice numbers, never positions.
A miss also records an Again review (source 'quiz') of the question's card, in
the same transaction as the answer, so the card comes due again soon.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from studytui.clock import utcnow
from studytui.content.deck import Deck
from studytui.content.model import BiText, DisplayLang, Question
from studytui.grading.grader import Verdict
from studytui.grading.question_grader import QuestionGrader
from studytui.store.sqlite_store import Store
from studytui.study.availability import available
from studytui.study.judge import Response, expected_text, judge
from studytui.study.scheduler import StudyScheduler, fuzz_seed, utc

__all__ = ["Feedback", "QuizSession", "Response"]


@dataclass(frozen=True)
class Feedback:
    question: Question
    given: str  # the answer as recorded in the quiz log
    correct: bool
    typo_message: str | None  # set when a typed answer was accepted as a near miss
    typo_message_ko: str | None
    explanation: BiText
    verdict: Verdict | None  # the grader's verdict, for short and cloze

    def expected_text(self, lang: DisplayLang = "both") -> str:
        """The right answer in words, in `lang` ("ko", "en" or "both")."""
        return expected_text(self.question, lang)


class QuizSession:
    def __init__(
        self,
        deck: Deck,
        store: Store,
        scheduler: StudyScheduler,
        lectures: list[int] | None = None,
        count: int | None = 10,
        seed: int | None = None,
        questions: list[Question] | None = None,
        now: Callable[[], datetime] = utcnow,
        grader: QuestionGrader | None = None,
    ) -> None:
        if count is not None and count < 0:
            raise ValueError(f"count must be 0 or more, not {count}")
        self.deck, self.store, self.scheduler = deck, store, scheduler
        self.lectures, self.seed = lectures, seed
        self._now = now
        self._rng = random.Random(seed)
        pool = list(questions) if questions is not None else deck.questions_of(lectures)
        pool = available(store, pool, utc(now()), card_of="card")  # no suspended or buried card
        self._rng.shuffle(pool)
        self.questions: list[Question] = pool if count is None else pool[:count]
        # Decided up front, so a seed gives the same quiz however fast it is answered.
        self._orders = [self._shuffled_choices(q) for q in self.questions]
        # Indexes the deck's terms: what a near miss must not be mistaken for.
        self._grader = grader or QuestionGrader(deck.cards.values())
        self.index = 0
        self._results: list[tuple[Question, bool]] = []

    def _shuffled_choices(self, q: Question) -> list[int]:
        order = list(range(1, len(q.choices) + 1))
        self._rng.shuffle(order)
        return order

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.index < self.total else None

    @property
    def choices_order(self) -> list[int]:
        """Choice numbers (from 1) in the order to show them; [] for non-choice questions."""
        return list(self._orders[self.index]) if self.index < self.total else []

    def choice_at(self, position: int) -> int:
        """The choice number shown at display position `position` (from 1)."""
        order = self.choices_order
        if not 1 <= position <= len(order):
            raise ValueError(f"position must be 1..{len(order)}, not {position}")
        return order[position - 1]

    def answer(self, response: Response) -> Feedback:
        """Grade and commit the answer to the current question, then move to the next.
        On a StoreError nothing moves: the same question can be answered again."""
        q = self.current
        if q is None:
            raise RuntimeError("the quiz is finished: there is no question to answer")
        correct, given, verdict = judge(q, response, self._grader)
        now = utc(self._now())
        again = None
        if not correct:
            state = self.store.state_of(q.card)
            card = (self.scheduler.card_from_state(state) if state
                    else self.scheduler.new_card(q.card, now))
            again = self.scheduler.review(card, 1, now, seed=fuzz_seed(q.card, now, 1)).to_dict()
        self.store.record_quiz_answer(q.id, q.card, given, correct, now, again_state=again)
        self._results.append((q, correct))
        self.index += 1
        return Feedback(
            question=q,
            given=given,
            correct=correct,
            typo_message=verdict.message if verdict and verdict.typo else None,
            typo_message_ko=verdict.message_ko if verdict and verdict.typo else None,
            explanation=q.explanation,
            verdict=verdict,
        )

    @property
    def score(self) -> tuple[int, int]:
        """(right, answered)."""
        return sum(ok for _, ok in self._results), len(self._results)

    @property
    def missed(self) -> list[Question]:
        return [q for q, ok in self._results if not ok]

    def retry_missed(self) -> QuizSession:
        """A new quiz of the questions missed here (reshuffled, same seed lineage)."""
        missed = self.missed
        return QuizSession(
            self.deck, self.store, self.scheduler, self.lectures, count=len(missed),
            seed=None if self.seed is None else self.seed + 1, questions=missed,
            now=self._now, grader=self._grader,
        )
