"""Rules over the whole bundled deck, and the generic rules every lecture
follows (checked here once, per lecture, rather than in each test_lecture_NN):
nine lectures named after their files, strict validation (both languages in
every text), one glossary, quizzes that use the types and test their own
lecture's cards, and demo links that resolve, on the cards whose lecture has
a demo."""

from __future__ import annotations

from collections import defaultdict

import pytest

from demos.registry import DEMOS
from studytui.content.deck import Deck
from studytui.content.loader import load_deck
from studytui.grading.answer_text import normalize
from tests.content.conftest import load_lecture

# Each lecture's file in content/; its id is the file's stem, its number the prefix.
LECTURE_FILES = {
    2: "02-mlp.yaml",
    3: "03-optimization.yaml",
    4: "04-cnn.yaml",
    5: "05-modern-cnn.yaml",
    6: "06-cv-applications.yaml",
    7: "07-rnn.yaml",
    8: "08-transformer.yaml",
    9: "09-generative-1.yaml",
    10: "10-generative-2.yaml",
}
LECTURES = set(LECTURE_FILES)


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(strict=True)  # strict: both languages in every text


def test_bundled_deck_has_the_nine_lectures(deck):
    assert set(deck.numbers()) == LECTURES


@pytest.mark.parametrize("number, filename", sorted(LECTURE_FILES.items()))
def test_lecture_id_and_number_match_the_file_name(number, filename):
    lecture = load_lecture(filename)  # strict, like the app
    assert (lecture.id, lecture.number) == (filename.removesuffix(".yaml"), number)
    assert int(filename[:2]) == number


@pytest.mark.parametrize("number", sorted(LECTURES))
def test_question_ids_carry_the_lecture_number(deck, number):
    bad = [q.id for q in deck.lecture(number).questions if not q.id.startswith(f"q{number}-")]
    assert bad == []


@pytest.mark.parametrize("number", sorted(LECTURES))
def test_every_question_tests_a_card_of_its_own_lecture(deck, number):
    lecture = deck.lecture(number)
    cards = {c.id for c in lecture.cards}
    strays = [(q.id, q.card) for q in lecture.questions if q.card not in cards]
    assert strays == []


@pytest.mark.parametrize("number", sorted(LECTURES))
def test_typed_questions_list_accepted_aliases(deck, number):
    bare = [q.id for q in deck.lecture(number).questions
            if q.type in ("short", "cloze") and not q.accept]
    assert bare == [], "short/cloze questions without accepted aliases"


@pytest.mark.parametrize("number", sorted(LECTURES))
def test_every_demo_link_resolves(deck, number):
    for card in deck.lecture(number).cards:
        if card.demo is not None:
            assert card.demo.name in DEMOS, card.id
            DEMOS[card.demo.name].resolve(card.demo.params)  # raises ParamError on a bad link


def test_same_english_term_always_has_the_same_korean_term(deck):
    korean_for: dict[str, set[str]] = defaultdict(set)
    for card in deck.cards.values():
        korean_for[normalize(card.term.en)].add(normalize(card.term.ko))
    clashes = {en: ko for en, ko in korean_for.items() if len(ko) > 1}
    assert clashes == {}


def test_no_two_cards_share_a_term(deck):
    # Compared as the grader compares answers: "1x1" and "1×1", spacing and
    # case all fold together, so a concept cannot sneak in twice.
    seen: dict[str, str] = {}
    for card in deck.cards.values():
        for text in card.term.texts():
            key = normalize(text)
            assert seen.setdefault(key, card.id) == card.id, (
                f"{card.id} and {seen[key]} are both '{text}'"
            )


def test_no_alias_is_another_cards_term(deck):
    terms = {normalize(t): c.id for c in deck.cards.values() for t in c.term.texts()}
    clashes = [
        (card.id, alias, terms[normalize(alias)])
        for card in deck.cards.values()
        for alias in card.aliases
        if terms.get(normalize(alias), card.id) != card.id
    ]
    assert clashes == []


@pytest.mark.parametrize("number", sorted(LECTURES))
def test_lecture_quiz_has_15_questions_of_4_types(deck, number):
    questions = deck.lecture(number).questions
    assert len(questions) >= 15
    assert len({q.type for q in questions}) >= 4


@pytest.mark.parametrize("number", sorted(LECTURES))
def test_quiz_covers_at_least_half_the_cards_of_a_lecture(deck, number):
    lecture = deck.lecture(number)
    tested = {q.card for q in lecture.questions}
    # A quiz need not cover every card, but at least half of them.
    assert len(tested) * 2 >= len(lecture.cards)


def test_typed_questions_accept_both_languages(deck):
    for q in deck.questions.values():
        if q.type in ("short", "cloze"):
            assert q.answer.ko and q.answer.en, q.id


def test_choice_questions_have_plausible_counts(deck):
    for q in deck.questions.values():
        if q.type in ("choice", "multi"):
            assert 3 <= len(q.choices) <= 6, q.id
            texts = [normalize(c.en) for c in q.choices]
            assert len(set(texts)) == len(texts), f"{q.id} repeats a choice"


def test_demo_links_name_demos_of_a_matching_lecture(deck):
    lectures_of = {"optimizer-race": {3}, "cnn-params": {4, 5, 6}, "attention": {8},
                   "mlp-playground": {2}, "convolution": {4, 6},
                   "lstm": {2, 7}}  # lecture 2's vanishing-gradient card shows the RNN's
    lectures_of |= {"detection": {6}, "autoregressive": {9}, "gan": {10}, "vae": {10}}
    assert set(lectures_of) == set(DEMOS)
    for card in deck.cards.values():
        for link in card.demos:
            assert deck.card_lecture[card.id] in lectures_of[link.name], card.id


def test_each_demo_is_linked_from_cards(deck):
    linked = defaultdict(int)
    for card in deck.cards.values():
        for link in card.demos:
            linked[link.name] += 1
    assert all(linked[name] >= 3 for name in DEMOS), dict(linked)


def test_optimizer_cards_open_the_race_focused_on_themselves(deck):
    optimizers = {"momentum": "momentum", "nesterov-accelerated-gradient": "nesterov",
                  "adagrad": "adagrad", "adadelta": "adadelta", "rmsprop": "rmsprop",
                  "adam": "adam"}
    for card_id, name in optimizers.items():
        card = deck.cards[card_id]
        assert card.demo is not None and card.demo.name == "optimizer-race", card_id
        values = DEMOS["optimizer-race"].resolve(card.demo.params)
        assert values["focus"] == name and name in values["optimizers"], card_id
