"""Quizzes that teach, in the core: "I was right", the wrong-answer notebook,
generated practice questions and exam attempts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from studytui.store.sqlite_store import Store
from studytui.study.exam import attempts, earlier, finish_exam
from studytui.study.generated import find_question, generated_questions, is_generated
from studytui.study.notebook import given_text, notebook
from studytui.study.quiz_session import QuizSession
from studytui.study.scheduler import StudyScheduler
from tests.core_fixtures import T0, Clock, quiz_deck

DECK = quiz_deck()


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "reviews.db")
    yield s
    s.close()


def quiz(store: Store, *ids: str, clock: Clock | None = None, **kw) -> QuizSession:
    questions = [DECK.questions[i] for i in ids] if ids else None
    return QuizSession(DECK, store, StudyScheduler(), None, kw.pop("count", None), seed=1,
                       questions=questions, now=clock or Clock(), **kw)


def study(store: Store, card_id: str) -> dict:
    sched = StudyScheduler()
    state = sched.review(sched.new_card(card_id, T0), 3, T0).to_dict()
    store.record_review(card_id, 3, T0, None, state)
    return store.state_of(card_id)


# ---- "I was right" -------------------------------------------------------------------------


def test_i_was_right_counts_the_answer_right_and_undoes_the_again_review(store: Store) -> None:
    before = study(store, "gradient-descent")
    q = quiz(store, "q-short", clock=Clock(T0 + timedelta(hours=1)))
    fb = q.answer("steepest descent")
    assert not fb.correct and fb.again_recorded
    assert store.state_of("gradient-descent") != before
    fb = q.dispute()
    assert fb.counts_right and q.score == (1, 1) and q.missed == []
    assert store.state_of("gradient-descent") == before
    assert [r.rating for r in store.review_rows()] == [3]  # the Again is undone
    [d] = store.disputes()
    assert (d.question, d.card, d.given) == ("q-short", "gradient-descent", "steepest descent")


def test_a_dispute_is_refused_for_a_right_answer_or_twice(store: Store) -> None:
    q = quiz(store, "q-tf")
    q.answer(True)
    with pytest.raises(ValueError):
        q.dispute()
    q = quiz(store, "q-tf")
    fb = q.answer(False)
    q.dispute()
    with pytest.raises(ValueError):
        q.dispute()
    with pytest.raises(ValueError):
        store.record_dispute(fb.event_id, T0)
    assert len(store.disputes()) == 1


def test_a_dispute_survives_a_rebuild_of_the_derived_tables(store: Store) -> None:
    before = study(store, "momentum")
    q = quiz(store, "q-tf", clock=Clock(T0 + timedelta(hours=1)))
    q.answer(False)
    q.dispute()
    store.rebuild_states(StudyScheduler().recompute)
    assert store.state_of("momentum") == before
    assert [a.counts_right for a in store.quiz_answers()] == [True]


# ---- the notebook --------------------------------------------------------------------------


def test_the_notebook_keeps_a_miss_until_two_right_answers_in_a_row(store: Store) -> None:
    clock = Clock()
    quiz(store, "q-short", clock=clock).answer("모멘텀")
    [entry] = notebook(DECK, store.quiz_answers())
    assert (entry.question.id, entry.given, entry.misses, entry.streak) == (
        "q-short", "모멘텀", 1, 0)
    assert entry.missed_at == clock.now
    quiz(store, "q-short").answer("경사하강법")
    assert [e.streak for e in notebook(DECK, store.quiz_answers())] == [1]
    quiz(store, "q-short").answer("wrong again")  # a miss starts the count over
    quiz(store, "q-short").answer("경사하강법")
    [entry] = notebook(DECK, store.quiz_answers())
    assert (entry.misses, entry.streak, entry.given) == (2, 1, "wrong again")
    quiz(store, "q-short").answer("경사하강법")
    assert notebook(DECK, store.quiz_answers()) == []


def test_a_disputed_miss_does_not_enter_the_notebook(store: Store) -> None:
    q = quiz(store, "q-choice")
    q.answer(1)
    q.dispute()
    assert notebook(DECK, store.quiz_answers()) == []


def test_the_notebook_shows_a_choice_answer_as_its_text() -> None:
    q = DECK.questions["q-multi"]
    assert given_text(q, "1,3", "en") == "choice1, choice3"
    assert given_text(DECK.questions["q-tf"], "false", "ko") == "거짓"
    assert given_text(q, "9", "en") == "9"  # a choice the deck no longer has: as kept


# ---- generated practice --------------------------------------------------------------------


def test_every_card_gets_two_generated_questions_with_stable_ids() -> None:
    made = generated_questions(DECK)
    assert len(made) == 2 * len(DECK.cards)
    assert {q.id for q in made} == {f"{c}~gen-{k}" for c in DECK.cards
                                    for k in ("term-def", "def-term")}
    assert all(is_generated(q.id) and q.type == "choice" for q in made)
    assert made == generated_questions(DECK)  # same choices, same order, every time
    for q in made:
        assert find_question(DECK, q.id) == q
        texts = [c.show("both") for c in q.choices]
        assert len(set(texts)) == len(texts) == 4
        card = DECK.cards[q.card]
        right = card.definition if q.id.endswith("term-def") else card.term
        assert q.choices[q.answer - 1] == right


def test_generated_questions_come_after_the_hand_written_ones(store: Store) -> None:
    q = quiz(store, generated=True)
    kinds = [is_generated(x.id) for x in q.questions]
    assert kinds == [False] * len(DECK.questions) + [True] * (2 * len(DECK.cards))
    assert not any(is_generated(x.id) for x in quiz(store).questions)


# ---- exams ---------------------------------------------------------------------------------


def test_an_exam_attempt_is_stored_and_reported_per_lecture_and_type(store: Store) -> None:
    clock = Clock()
    q = quiz(store, count=4, clock=clock)
    for _ in range(3):  # the fourth is left unanswered: time ran out
        cur = q.current
        q.answer(True if cur.type == "truefalse" else {1} if cur.type == "multi"
                 else 1 if cur.type == "choice" else "x")
    first = finish_exam(store, DECK, q, clock.now - timedelta(minutes=5), clock.now, 300)
    assert first.timed_out and first.limit_s == 300 and first.seconds == 300
    assert first.score == (q.score[0], 4)
    assert first.by_lecture == {"1": (q.score[0], 4)}
    assert sum(n for _, n in first.by_type.values()) == 4
    [stored] = attempts(store)
    assert stored.by_type == first.by_type and stored.by_lecture == first.by_lecture
    assert earlier([stored], "1", "lecture") == (q.score[0], 4)
    assert earlier([stored], "cloze" if "cloze" not in first.by_type else "nope", "type") is None
