"""A quiz: questions in a seedable shuffled order, answers graded, every answer committed.

Choice numbers are the ones in the content (counted from 1). The learner sees
the choices in `choices_order`; the key pressed at display position k means
choice `choice_at(k)`, and `answer()` takes choice numbers, never positions.
The quiz and the schedule: a quiz never introduces a card. A miss on a card
the learner has studied (one with a state) also records an Again review (source
'quiz') in the same transaction as the answer, real evidence of forgetting, so
the card comes due again soon; a miss on a card never studied, and every right
answer, leave the schedule alone. `dispute()` ("I was right") takes a miss
back: it counts as right and its Again review is undone.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from studytui.clock import utcnow
from studytui.content.deck import Deck
from studytui.content.model import BiText, DisplayLang, Question
from studytui.grading.grader import Verdict
from studytui.grading.question_grader import QuestionGrader
from studytui.store.sqlite_store import Store
from studytui.study.availability import available
from studytui.study.generated import generated_questions
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
    event_id: str = ""  # the answer's quiz event in the store
    again_recorded: bool = False  # the miss was also recorded as an Again review
    disputed: bool = False  # the learner said "I was right": it counts as right

    @property
    def counts_right(self) -> bool:
        return self.correct or self.disputed

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
        generated: bool = False,
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
        if generated and questions is None:  # practice questions after the hand-written ones
            extra = generated_questions(deck, lectures)
            self._rng.shuffle(extra)
            pool += extra
        self.questions: list[Question] = pool if count is None else pool[:count]
        # Decided up front, so a seed gives the same quiz however fast it is answered.
        self._orders = [self._shuffled_choices(q) for q in self.questions]
        # Indexes the deck's terms: what a near miss must not be mistaken for.
        self._grader = grader or QuestionGrader(deck.cards.values())
        self.index = 0
        self._results: list[Feedback] = []

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
        state = None if correct else self.store.state_of(q.card)
        if state is not None:  # a miss on a studied card; an unstudied one stays new
            card = self.scheduler.card_from_state(state)
            again = self.scheduler.review(card, 1, now, seed=fuzz_seed(q.card, now, 1)).to_dict()
        event_id = self.store.record_quiz_answer(q.id, q.card, given, correct, now,
                                                 again_state=again)
        fb = Feedback(
            question=q,
            given=given,
            correct=correct,
            typo_message=verdict.message if verdict and verdict.typo else None,
            typo_message_ko=verdict.message_ko if verdict and verdict.typo else None,
            explanation=q.explanation,
            verdict=verdict,
            event_id=event_id,
            again_recorded=again is not None,
        )
        self._results.append(fb)
        self.index += 1
        return fb

    def dispute(self) -> Feedback:
        """The learner says "I was right" of the latest answer, graded wrong: it
        counts as right, the Again review its miss recorded is undone, and a
        dispute event keeps what was typed. Returns the answer's new feedback.
        A StoreError changes nothing."""
        if not self._results or self._results[-1].counts_right:
            raise ValueError("only a wrong answer, the latest one, can be disputed")
        fb = self._results[-1]
        self.store.record_dispute(fb.event_id, utc(self._now()), self.scheduler.recompute)
        fb = replace(fb, disputed=True)
        self._results[-1] = fb
        return fb

    @property
    def answers(self) -> list[Feedback]:
        """The feedback of every answer so far, in order."""
        return list(self._results)

    @property
    def score(self) -> tuple[int, int]:
        """(right, answered)."""
        return sum(fb.counts_right for fb in self._results), len(self._results)

    @property
    def missed(self) -> list[Question]:
        return [fb.question for fb in self._results if not fb.counts_right]

    def retry_missed(self) -> QuizSession:
        """A new quiz of the questions missed here (reshuffled, same seed lineage)."""
        missed = self.missed
        return QuizSession(
            self.deck, self.store, self.scheduler, self.lectures, count=len(missed),
            seed=None if self.seed is None else self.seed + 1, questions=missed,
            now=self._now, grader=self._grader,
        )
