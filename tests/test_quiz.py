"""QuizSession: seedable order, every question type graded, answers committed, misses
make the card due again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from studytui.store.sqlite_store import Store, StoreError, from_iso
from studytui.study.quiz_session import QuizSession
from studytui.study.scheduler import StudyScheduler
from tests.core_fixtures import T0, Clock, quiz_deck

DECK = quiz_deck()


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "reviews.db")
    yield s
    s.close()


def quiz(store: Store, only: str | None = None, seed: int | None = 1, count: int | None = 10,
         clock: Clock | None = None) -> QuizSession:
    questions = [DECK.questions[only]] if only else None
    return QuizSession(DECK, store, StudyScheduler(), None, count, seed=seed,
                       questions=questions, now=clock or Clock())


def order(q: QuizSession) -> list[tuple[str, tuple[int, ...]]]:
    out = []
    for i, question in enumerate(q.questions):
        q.index = i  # look at each question's choice order without answering
        out.append((question.id, tuple(q.choices_order)))
    q.index = 0
    return out


def test_same_seed_same_questions_and_choice_order(store: Store) -> None:
    assert order(quiz(store, seed=7)) == order(quiz(store, seed=7))


def test_different_seeds_shuffle_differently(store: Store) -> None:
    orders = {tuple(order(quiz(store, seed=s))) for s in range(10)}
    assert len(orders) > 1


def test_count_limits_the_questions(store: Store) -> None:
    q = quiz(store, count=3)
    assert q.total == 3 and len({x.id for x in q.questions}) == 3
    assert quiz(store, count=None).total == 5
    with pytest.raises(ValueError):
        quiz(store, count=-1)


def test_choices_order_is_a_permutation_and_choice_at_maps_positions(store: Store) -> None:
    q = quiz(store, only="q-choice")
    assert sorted(q.choices_order) == [1, 2, 3, 4]
    assert [q.choice_at(k) for k in (1, 2, 3, 4)] == q.choices_order
    with pytest.raises(ValueError):
        q.choice_at(5)


def test_choice_right_and_wrong(store: Store) -> None:
    q = quiz(store, only="q-choice")
    assert q.answer(2).correct
    q = quiz(store, only="q-choice")
    fb = q.answer(3)
    assert not fb.correct and fb.expected_text("en") == "choice2"
    assert fb.expected_text("both") == "보기2 / choice2"


def test_multi_needs_exactly_the_right_set(store: Store) -> None:
    assert quiz(store, only="q-multi").answer({3, 1}).correct
    assert not quiz(store, only="q-multi").answer({1}).correct
    assert not quiz(store, only="q-multi").answer({1, 2, 3}).correct
    fb = quiz(store, only="q-multi").answer({2})
    assert fb.expected_text("en") == "choice1, choice3"


def test_truefalse(store: Store) -> None:
    assert quiz(store, only="q-tf").answer(True).correct
    fb = quiz(store, only="q-tf").answer(False)
    assert not fb.correct and fb.expected_text("ko") == "참"


def test_short_answer_accepts_korean_spacing_variant_and_english(store: Store) -> None:
    fb = quiz(store, only="q-short").answer("경사 하강법")
    assert fb.correct and fb.typo_message is None
    assert quiz(store, only="q-short").answer("Gradient Descent").correct


def test_short_answer_typo_is_accepted_with_a_message(store: Store) -> None:
    fb = quiz(store, only="q-short").answer("gradient descnet")
    assert fb.correct and fb.typo_message and "gradient descent" in fb.typo_message.lower()


def test_cloze_rejects_a_different_close_term(store: Store) -> None:
    fb = quiz(store, only="q-cloze").answer("Adadelta")
    assert not fb.correct and fb.expected_text("en") == "Adagrad"
    assert fb.explanation.en == "because"


def test_every_answer_is_committed_to_the_quiz_log(store: Store) -> None:
    q = quiz(store, count=None)
    given = {"q-choice": 2, "q-multi": {1, 3}, "q-tf": False, "q-short": "경사하강법",
             "q-cloze": "adagrad"}
    while q.current is not None:
        q.answer(given[q.current.id])
    rows = {r[1]: (r[3], r[4]) for r in store.quiz_rows()}
    assert rows == {"q-choice": ("2", True), "q-multi": ("1,3", True), "q-tf": ("false", False),
                    "q-short": ("경사하강법", True), "q-cloze": ("adagrad", True)}


def test_a_miss_on_a_studied_card_records_an_again_review_so_it_is_due_soon(
        store: Store) -> None:
    sched = StudyScheduler()
    card = sched.review(sched.new_card("momentum", T0), 3, T0)  # studied: learning, due soon
    store.record_review("momentum", 3, T0, None, card.to_dict())
    clock = Clock(T0 + timedelta(hours=1))
    q = quiz(store, only="q-tf", clock=clock)
    q.answer(False)
    rows = store.review_rows()
    assert [(r.card_id, r.rating, r.source) for r in rows] == [("momentum", 3, "review"),
                                                                ("momentum", 1, "quiz")]
    due = from_iso(store.due_index()[0][1])
    assert clock.now < due <= clock.now + timedelta(minutes=10)


def test_a_miss_on_a_card_never_studied_leaves_it_new(store: Store) -> None:
    q = quiz(store, count=None)
    wrong = {"q-choice": 1, "q-multi": {1}, "q-tf": False, "q-short": "모멘텀", "q-cloze": "x"}
    while q.current is not None:
        assert not q.answer(wrong[q.current.id]).again_recorded
    assert store.review_rows() == [] and store.known_cards() == set()
    assert len(store.quiz_rows()) == 5  # the answers are kept all the same


def test_a_miss_on_a_reviewed_card_sends_it_to_relearning(store: Store) -> None:
    sched = StudyScheduler()
    card = sched.review(sched.new_card("momentum", T0), 4, T0)  # Review state, due in days
    store.record_review("momentum", 4, T0, None, card.to_dict())
    clock = Clock(T0 + timedelta(days=1))
    quiz(store, only="q-tf", clock=clock).answer(False)
    state = store.state_of("momentum")
    assert state["state"] == 3  # Relearning
    assert from_iso(state["due"]) <= clock.now + timedelta(minutes=10)


def test_a_right_answer_records_no_review(store: Store) -> None:
    quiz(store, only="q-tf").answer(True)
    assert store.review_rows() == [] and len(store.quiz_rows()) == 1


def test_score_missed_and_retry_missed(store: Store) -> None:
    q = quiz(store, count=None)
    wrong = {"q-choice": 1, "q-multi": {1}, "q-tf": True, "q-short": "모멘텀",
             "q-cloze": "Adagrad"}
    missed_ids = set()
    while q.current is not None:
        qid = q.current.id
        if not q.answer(wrong[qid]).correct:
            missed_ids.add(qid)
    assert missed_ids == {"q-choice", "q-multi", "q-short"}
    assert q.score == (2, 5)
    assert {x.id for x in q.missed} == missed_ids
    retry = q.retry_missed()
    assert retry.total == 3 and {x.id for x in retry.questions} == missed_ids
    assert retry.index == 0 and retry.score == (0, 0)


def test_index_and_current_advance_and_finish(store: Store) -> None:
    q = quiz(store, count=2)
    first = q.current
    q.answer(True if first.type == "truefalse" else "x" if first.type in ("short", "cloze")
             else {1} if first.type == "multi" else 1)
    assert q.index == 1 and q.current is not first
    q.index = 2
    assert q.current is None and q.choices_order == []
    with pytest.raises(RuntimeError):
        q.answer(1)


def test_wrong_response_type_is_a_type_error_and_records_nothing(store: Store) -> None:
    with pytest.raises(TypeError):
        quiz(store, only="q-tf").answer("yes")
    with pytest.raises(TypeError):
        quiz(store, only="q-choice").answer(True)
    with pytest.raises(ValueError):
        quiz(store, only="q-choice").answer(9)
    with pytest.raises(TypeError):
        quiz(store, only="q-short").answer(3)
    assert store.quiz_rows() == []


def test_store_failure_keeps_the_question_unanswered(store: Store) -> None:
    q = quiz(store, only="q-tf")
    store.close()
    with pytest.raises(StoreError):
        q.answer(False)
    assert q.index == 0 and q.score == (0, 0)
