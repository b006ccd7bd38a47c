"""Search: one normalisation with the grader, ranking by relevance, one typo
forgiven in words of five letters or more (on jamo for Hangul), none in shorter
words."""

from __future__ import annotations

import pytest

from studytui.content.deck import Deck
from studytui.content.lecture_schema import validate_lecture
from studytui.content.loader import load_deck
from studytui.grading.answer_text import normalize
from studytui.grading.hangul import FINALS, VOWELS, compose_syllable, decompose_syllable
from studytui.study.search import SearchIndex


def bi(ko: str, en: str) -> dict[str, str]:
    return {"ko": ko, "en": en}


def card(cid: str, term: dict, definition: dict, **more: object) -> dict:
    return {"id": cid, "term": term, "definition": definition, **more}


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    cards = [
        card("learning-rate", bi("학습률", "Learning rate"), bi("한 걸음의 크기", "The step size"),
             notes=bi("모멘텀과 함께 조정한다", "Tuned together with momentum")),
        card("adam", bi("아담 (Adam)", "Adam"),
             bi("모멘텀과 RMSprop을 합친 옵티마이저", "Combines momentum and RMSprop"),
             aliases=["Adaptive Moment Estimation"]),
        card("nesterov", bi("네스테로프 모멘텀", "Nesterov momentum"),
             bi("앞을 내다보는 기울기", "A look-ahead gradient")),
        card("momentum", bi("모멘텀", "Momentum"),
             bi("기울기의 이동 평균으로 나아간다", "Moves along an average of gradients")),
        card("mini-batch", bi("미니배치", "Mini-batch"),
             bi("데이터의 작은 묶음", "A small slice of the training data")),
        card("attention", bi("어텐션", "Attention"),
             bi("질의와 키의 유사도로 값을 섞는다", "Mixes values by query-key similarity")),
        card("self-attention", bi("셀프 어텐션", "Self-attention"),
             bi("한 시퀀스가 자기 자신에게 어텐션을 한다", "A sequence attends to itself")),
        card("dropout", bi("드롭아웃", "Dropout"), bi("뉴런을 무작위로 끈다", "Turns units off")),
        card("learning", bi("학습", "Learning"), bi("데이터로 가중치를 맞춘다", "Fitting weights")),
    ]
    deck = Deck.of([validate_lecture({"id": "search", "number": 3, "title": bi("검색", "Search"),
                                      "summary": bi("요약", "Summary"), "cards": cards})])
    return SearchIndex(deck)


def test_ranking_puts_the_exact_term_then_terms_then_definitions_then_notes(index):
    assert index.search("momentum") == ["momentum", "nesterov", "adam", "learning-rate"]
    assert index.search("모멘텀") == ["momentum", "nesterov", "adam", "learning-rate"]


def test_an_exact_alias_ranks_above_a_term_that_only_contains_the_query(index):
    assert index.search("adaptive moment estimation")[0] == "adam"
    assert index.search("ADAM")[0] == "adam"  # the term's optional "(Adam)" part alone


def test_a_term_that_starts_with_the_query_ranks_above_one_that_holds_it(index):
    assert index.search("attention")[:2] == ["attention", "self-attention"]
    assert index.search("atten")[:2] == ["attention", "self-attention"]


@pytest.mark.parametrize("query", ["mini batch", "mini-batch", "minibatch", "Mini–Batch",
                                   "MINI_BATCH", "미니 배치"])
def test_mini_batch_is_found_however_it_is_spaced_or_hyphenated(index, query):
    assert index.search(query)[0] == "mini-batch"
    assert index.search(query) == index.search("mini-batch")


def test_search_keys_are_the_graders_keys():
    # The one normalisation: what search folds together, the grader folds together.
    assert normalize("mini batch") == normalize("mini-batch") == normalize("Minibatch")
    assert normalize("경사 하강법") == normalize("경사하강법")


def english_typos(word: str) -> list[str]:
    """Every misspelling one edit from `word`: each letter dropped, doubled,
    replaced, and each pair of neighbours swapped."""
    out = set()
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1:])
        out.add(word[:i] + word[i] + word[i:])
        out.add(word[:i] + ("z" if word[i] != "z" else "q") + word[i + 1:])
        if i + 1 < len(word) and word[i] != word[i + 1]:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    out.discard(word)
    return sorted(out)


def korean_typos(word: str) -> list[str]:
    """One jamo wrong in each syllable: another vowel, or another final consonant."""
    out = set()
    for i, ch in enumerate(word):
        initial, vowel, final = decompose_syllable(ch)
        other_vowel = VOWELS[(VOWELS.index(vowel) + 1) % len(VOWELS)]
        other_final = FINALS[(FINALS.index(final) + 4) % len(FINALS)]
        for wrong in (compose_syllable(initial, other_vowel, final),
                      compose_syllable(initial, vowel, other_final)):
            out.add(word[:i] + wrong + word[i + 1:])
    return sorted(out)


TYPOS = (
    [(t, "momentum") for t in english_typos("momentum")]
    + [(t, "attention") for t in english_typos("attention")]
    + [(t, "dropout") for t in english_typos("dropout")]
    + [(t, "momentum") for t in korean_typos("모멘텀")]
    + [(t, "attention") for t in korean_typos("어텐션")]
    + [(t, "dropout") for t in korean_typos("드롭아웃")]
)


@pytest.mark.parametrize(("typed", "meant"), TYPOS)
def test_one_typo_in_a_long_word_still_finds_its_card_first(index, typed, meant):
    assert index.search(typed)[:1] == [meant]


def test_the_issues_misspellings_find_their_cards(index):
    assert index.search("momentom")[0] == "momentum"
    assert set(index.search("atention")) >= {"attention", "self-attention"}


def test_a_typo_is_forgiven_while_the_word_is_typed_and_before_a_korean_particle(index):
    assert index.search("atenti")[0] == "attention"
    assert "self-attention" in index.search("어탠션을")


@pytest.mark.parametrize(("typed", "unmeant"), [
    ("adan", "adam"), ("adm", "adam"), ("leerninq", "learning"),  # en: 4 letters, or 2 edits
    ("학급", "learning"), ("학슴", "learning"),  # ko: 2 syllables count 4 letters: no typo
])
def test_short_words_and_two_edits_are_not_forgiven(index, typed, unmeant):
    assert unmeant not in index.search(typed)


def test_words_may_come_in_any_order_and_across_fields(index):
    assert index.search("rmsprop momentum") == ["adam"]
    assert index.search("adam rmsprop") == ["adam"]  # term and definition


def test_within_keeps_only_the_filtered_cards_in_rank_order(index):
    assert index.search("momentum", within=["learning-rate", "momentum"]) == [
        "momentum", "learning-rate"]
    assert index.search("", within=["dropout", "adam"]) == ["adam", "dropout"]  # deck order


def test_an_empty_query_lists_every_card_in_deck_order(index):
    assert index.search("") == index.ids
    assert index.search("   ") == index.ids


@pytest.mark.parametrize("query", ["🙂", "((", "*", "  -- ", "_", "？！"])
def test_a_query_of_symbols_alone_finds_nothing(index, query):
    # Listing every card for it would read as every card matching.
    assert index.search(query) == []
    assert index.search(query, within=["dropout", "adam"]) == []


def test_the_bundled_deck_is_indexed_once():
    deck = load_deck()
    assert SearchIndex.of(deck) is SearchIndex.of(deck)
    assert SearchIndex.of(deck).search("momentom")[0] == "momentum"


def test_a_deck_that_is_gone_takes_its_index_with_it():
    import gc
    import weakref

    deck = Deck.of([validate_lecture({
        "id": "gone", "number": 2, "title": bi("가", "A"), "summary": bi("가", "A"),
        "cards": [card("x", bi("가나다", "Xylophone"), bi("가", "A"))]})])
    index = weakref.ref(SearchIndex.of(deck))
    del deck
    gc.collect()
    assert index() is None
