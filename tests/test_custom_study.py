"""Custom study: cram, ahead, more new, weak, tags, practice, and directions."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

import pytest

from studytui.config import Config
from studytui.content.deck import Deck
from studytui.content.model import BiText, Card
from studytui.store.sqlite_store import Store
from studytui.study.custom_study import StudyPlan
from studytui.study.directions import EN_KO, FORWARD, KO_EN, REVERSE, AnswerGrader, prompt
from studytui.study.review_session import ReviewSession
from studytui.study.scheduler import StudyScheduler
from tests.core_fixtures import Clock, bi, lecture, small_deck

UTC = timezone.utc


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "reviews.db")
    yield s
    s.close()


def session(store: Store, clock: Clock, plan: StudyPlan, deck: Deck | None = None,
            new_per_day: int = 20) -> ReviewSession:
    config = Config(new_per_day=new_per_day)
    return ReviewSession(deck or small_deck(), store, StudyScheduler(config, fuzz=False), config,
                         now=clock, tz=UTC, plan=plan)


def answer_all(s: ReviewSession, rating: int = 4) -> list[tuple[str, str]]:
    seen = []
    while s.current is not None:
        seen.append((s.current.id, s.direction))
        s.rate(rating)
    return seen


def learn(store: Store, clock: Clock, lectures: tuple[int, ...] = (1, 2)) -> None:
    answer_all(session(store, clock, StudyPlan(lectures), new_per_day=100))


def test_with_no_new_cards_a_day_the_plain_session_is_empty_and_says_what_it_held(store):
    s = session(store, Clock(), StudyPlan((2,)), new_per_day=0)
    assert s.current is None
    assert s.held_back == 3


def test_cram_studies_every_card_of_the_lecture_in_order_despite_a_zero_limit(store):
    s = session(store, Clock(), StudyPlan((2,), cram=True), new_per_day=0)
    assert answer_all(s) == [("l2-c0", FORWARD), ("l2-c1", FORWARD), ("l2-c2", FORWARD)]


def test_cram_takes_cards_that_are_not_due(store):
    clock = Clock()
    learn(store, clock)
    clock.advance(hours=1)  # Easy gave days: nothing is due now
    assert session(store, clock, StudyPlan((1,))).current is None
    assert len(answer_all(session(store, clock, StudyPlan((1,), cram=True)))) == 3


def test_more_new_today_adds_that_many_beyond_the_limit(store):
    s = session(store, Clock(), StudyPlan(None, extra_new=2), new_per_day=1)
    assert [c for c, _ in answer_all(s)] == ["l1-c0", "l1-c1", "l1-c2"]


def test_a_tag_chooses_the_cards_that_carry_it(store):
    cards = [Card(f"c{i}", bi(f"용어{i}", f"term{i}"), bi("정의", "def"),
                  tags=["Optim"] if i % 2 else []) for i in range(4)]
    deck = Deck.of([lecture(1, cards)])
    s = session(store, Clock(), StudyPlan(tags=("optim",), cram=True), deck=deck)
    assert [c for c, _ in answer_all(s)] == ["c1", "c3"]


def test_ahead_takes_cards_due_within_the_days_and_an_early_answer_is_a_review(store):
    clock = Clock()
    learn(store, clock, (1,))  # Easy: each due in about a week
    due = {c: s["due"] for c, s in store.card_states().items()}
    clock.advance(hours=1)
    assert session(store, clock, StudyPlan((1,), ahead_days=1)).current is None
    s = session(store, clock, StudyPlan((1,), ahead_days=30))
    assert s.progress == (0, 3)
    first = s.current.id
    s.rate(3)
    assert store.review_rows()[-1].card_id == first  # a review, not practice
    assert store.card_states()[first]["due"] != due[first]


def test_weak_orders_by_lapses_then_lowest_recall(store):
    clock = Clock()
    learn(store, clock, (1,))
    clock.advance(days=30)  # all in Review and due: a lapse on l1-c2 only
    s = session(store, clock, StudyPlan((1,)))
    for _ in range(3):
        s.rate(1 if s.current.id == "l1-c2" else 4)
    clock.advance(minutes=1)
    order = [c for c, _ in answer_all(session(store, clock, StudyPlan((1,), weak=True)))]
    assert order[0] == "l1-c2"
    assert sorted(order) == ["l1-c0", "l1-c1", "l1-c2"]


def test_practice_leaves_every_due_date_unchanged(store):
    clock = Clock()
    learn(store, clock)
    before = store.state_rows()
    clock.advance(days=1)
    s = session(store, clock, StudyPlan(None, cram=True, practice=True))
    answered, missed = [], set()
    while s.current is not None:  # Again once on each: it comes back in the session
        answered.append(s.current.id)
        s.rate(4 if s.current.id in missed else 1)
        missed.add(answered[-1])
    assert len(answered) == 12
    assert store.state_rows() == before
    assert len(store.practice_rows()) == len(answered)
    assert store.event_counts()["practice"] == len(answered)
    store.rebuild_states(StudyScheduler(Config(), fuzz=False).recompute)
    assert store.state_rows() == before  # the replay derives nothing from practice


def test_undoing_a_practice_answer_takes_it_back(store):
    s = session(store, Clock(), StudyPlan((1,), cram=True, practice=True))
    first = s.current.id
    s.rate(3)
    assert s.undo().id == first
    assert store.practice_rows() == []
    assert store.known_cards() == set()


def test_reverse_has_its_own_state_and_leaves_forward_alone(store):
    clock = Clock()
    learn(store, clock, (1,))
    forward = store.card_states()
    s = session(store, clock, StudyPlan((1,), directions=(REVERSE,)))
    assert prompt(s.current, REVERSE) == s.current.definition
    assert [d for _, d in answer_all(s)] == [REVERSE] * 3
    assert store.card_states() == forward
    assert set(store.card_states(REVERSE)) == {"l1-c0", "l1-c1", "l1-c2"}


def test_a_direction_is_introduced_only_when_asked_for(store):
    learn(store, Clock(), (1,))
    for direction in (REVERSE, KO_EN, EN_KO):
        assert store.known_cards(direction) == set()


def test_cross_asks_each_way_and_skips_cards_without_both_terms(store):
    cards = [Card("gd", bi("경사 하강법", "gradient descent"), bi("정의", "def")),
             Card("only-en", BiText(en="dropout"), BiText(en="def"))]
    deck = Deck.of([lecture(1, cards)])
    s = session(store, Clock(), StudyPlan(directions=(KO_EN, EN_KO)), deck=deck)
    assert (s.current.id, s.direction) == ("gd", KO_EN)
    assert prompt(s.current, KO_EN).show("both") == "경사 하강법"
    assert answer_all(s) == [("gd", KO_EN), ("gd", EN_KO)]


def test_a_typed_cross_answer_forgives_a_small_typo_as_the_quiz_does():
    gd = Card("gd", bi("경사 하강법", "gradient descent"), bi("정의", "def"))
    adam = Card("adam", bi("아담", "Adam"), bi("정의", "def"))
    adamw = Card("adamw", bi("아담W", "AdamW"), bi("정의", "def"))
    grader = AnswerGrader([gd, adam, adamw])
    assert grader.grade(gd, KO_EN, "gradient descnet").typo
    assert grader.grade(gd, KO_EN, "gradient descent").correct
    assert not grader.grade(gd, KO_EN, "경사 하강법").correct  # the prompt, not the answer
    assert grader.grade(gd, EN_KO, "경사하강법").correct
    assert not grader.grade(adam, KO_EN, "AdamW").correct  # another term, not a typo


def test_a_plan_refuses_two_ways_of_choosing_cards():
    with pytest.raises(ValueError):
        StudyPlan(cram=True, weak=True)


def test_a_cross_prompt_never_shows_the_answer_it_asks_for():
    # Lecture terms write the English in brackets: "하이퍼볼릭 탄젠트 (tanh)".
    # Typing what the front shows must not be a right answer, on every card
    # of the bundled deck that is studied Korean -> English or back.
    from studytui.content.loader import load_deck
    from studytui.study.directions import supports

    deck = load_deck()
    grader = AnswerGrader(deck.cards.values())
    asked = 0
    for card in deck.cards.values():
        for direction in (KO_EN, EN_KO):
            if not supports(card, direction):
                continue
            asked += 1
            shown = prompt(card, direction).show("both")
            assert not grader.grade(card, direction, shown).correct, (card.id, direction, shown)
    assert asked > 300  # nearly every card, both ways


def test_a_bracketed_english_part_is_hidden_only_where_it_is_set_off():
    tanh = Card("tanh", bi("하이퍼볼릭 탄젠트 (tanh)", "Hyperbolic Tangent (tanh)"), bi("정", "d"))
    cost = Card("cost", bi("어텐션의 O(n²) 비용", "Quadratic Cost of Attention"), bi("정", "d"))
    iou = Card("iou", bi("IoU (Intersection over Union)", "Intersection over Union (IoU)"),
               bi("정", "d"))
    assert prompt(tanh, KO_EN).show("both") == "하이퍼볼릭 탄젠트"
    assert prompt(tanh, EN_KO).show("both") == "Hyperbolic Tangent (tanh)"
    assert prompt(cost, KO_EN).show("both") == "어텐션의 O(n²) 비용"
    from studytui.study.directions import supports
    assert not supports(iou, KO_EN)  # nothing Korean is left to ask from


def test_the_plain_session_brings_back_what_is_due_in_a_direction_studied_once(store):
    # Lecture 1 studied in reverse once (not turned on in Settings): its cards
    # keep their schedule and come back when due in the plain session, as
    # Anki's cards of a card type do; no new reverse card of lecture 2 joins.
    clock = Clock()
    answer_all(session(store, clock, StudyPlan((1,), directions=(REVERSE,), cram=True)))
    clock.advance(days=60)  # every reverse card is due by now
    plain = session(store, clock, StudyPlan((1, 2), due_everywhere=True), new_per_day=100)
    items = answer_all(plain)
    assert sorted(c for c, d in items if d == REVERSE) == ["l1-c0", "l1-c1", "l1-c2"]
    assert {d for _, d in items} == {FORWARD, REVERSE}
    assert not any(c.startswith("l2") and d == REVERSE for c, d in items)
    # Asked for forward alone (a custom plan), the reverse cards stay out.
    clock.advance(days=400)
    only = session(store, clock, StudyPlan((1, 2)), new_per_day=0)
    assert {d for _, d in answer_all(only)} == {FORWARD}
