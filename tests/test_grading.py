"""The answer checker: normalisation, aliases, typo tolerance, other terms, numbers."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from studytui.grading.answer_text import normalize
from studytui.grading.grader import Grader, Verdict, grade
from studytui.grading.hangul import FINALS, INITIALS, VOWELS, compose_syllable, decompose_syllable

# Terms of a small deck: what a near miss must not be confused with.
DECK = [
    "Adam",
    "AdamW",
    "Nadam",
    "Adagrad",
    "Adadelta",
    "RMSprop",
    "Momentum",
    "Nesterov momentum",
    "ResNet",
    "ResNeXt",
    "인코더",
    "디코더",
    "드롭아웃 (Dropout)",
    "경사 하강법 (gradient descent)",
]

P = pytest.param
CASES = [
    # --- normalisation, English
    P("momentum", ["Momentum"], (), "exact", id="en-case-is-ignored"),
    P("  Momentum \t", ["Momentum"], (), "exact", id="en-surrounding-whitespace-ignored"),
    P("Momentum.", ["Momentum"], (), "exact", id="en-trailing-period-ignored"),
    P('"Momentum"', ["Momentum"], (), "exact", id="en-surrounding-quotes-ignored"),
    P("«Momentum»!", ["Momentum"], (), "exact", id="en-guillemets-and-bang-ignored"),
    P("batch   normalization", ["batch normalization"], (), "exact", id="en-spaces-collapse"),
    P("mini batch", ["mini-batch"], (), "exact", id="en-hyphen-equals-space"),
    P("minibatch", ["mini-batch"], (), "exact", id="en-hyphen-equals-nothing"),
    P("mini_batch", ["mini batch"], (), "exact", id="en-underscore-equals-space"),
    P("mini\u2013batch", ["minibatch"], (), "exact", id="en-en-dash-equals-nothing"),
    P("nesterovs momentum", ["Nesterov's momentum"], (), "exact", id="en-apostrophe-ignored"),
    P("3x3", ["3×3"], (), "exact", id="en-typed-x-equals-multiplication-sign"),
    P("1x1 convolution", ["1×1 Convolution"], (), "exact", id="en-1x1-equals-1-times-1"),
    P("3x5", ["3×3"], (), "wrong", id="en-times-sign-fold-keeps-digits-exact"),
    P("rcnn", ["R-CNN"], (), "exact", id="en-rcnn-without-hyphen"),
    P("ＳＧＤ", ["SGD"], (), "exact", id="en-full-width-letters-fold"),
    P("SGD", ["stochastic gradient descent", "SGD"], (), "exact", id="en-alias-accepted"),
    # --- normalisation, Korean
    P("경사하강법", ["경사 하강법"], (), "exact", id="ko-spacing-removed-is-equal"),
    P("경사 하강법", ["경사하강법"], (), "exact", id="ko-spacing-added-is-equal"),
    P("과 적 합", ["과적합"], (), "exact", id="ko-spaces-inside-a-word-ignored"),
    P(unicodedata.normalize("NFD", "드롭아웃"), ["드롭아웃"], (), "exact", id="ko-nfd-input"),
    P("드롭아웃!", ["드롭아웃"], (), "exact", id="ko-trailing-punctuation-ignored"),
    P("「드롭아웃」", ["드롭아웃"], (), "exact", id="ko-corner-brackets-ignored"),
    P("합성곱 풀링", ["합성곱·풀링"], (), "exact", id="ko-middle-dot-equals-space"),
    P("relu함수", ["ReLU 함수"], (), "exact", id="ko-mixed-script-spacing"),
    # --- optional parenthesised parts
    P("아담", ["아담 (Adam)"], (), "exact", id="paren-base-alone"),
    P("Adam", ["아담 (Adam)"], (), "exact", id="paren-inner-alone"),
    P("아담 (Adam)", ["아담 (Adam)"], (), "exact", id="paren-full-form"),
    P("Adam (아담)", ["아담 (Adam)"], (), "exact", id="paren-swapped-order"),
    P("아담 Adam", ["아담 (Adam)"], (), "exact", id="paren-both-without-parens"),
    P("아담（Adam）", ["아담 (Adam)"], (), "exact", id="paren-full-width-parens"),
    P("ReLU", ["ReLU(x)"], (), "wrong", id="paren-glued-to-word-is-not-optional"),
    P("gradient decsent", ["경사 하강법 (gradient descent)"], (), "typo", id="paren-typo-in-part"),
    # --- numbers
    P("36928", ["36928"], (), "exact", id="num-exact"),
    P("36,928", ["36928"], (), "exact", id="num-thousands-comma"),
    P("36 928", ["36928"], (), "exact", id="num-thousands-space"),
    P("36928", ["36,928"], (), "exact", id="num-accepted-has-comma"),
    P(".9", ["0.9"], (), "exact", id="num-leading-decimal-point"),
    P("36929", ["36928"], (), "wrong", id="num-one-digit-off-is-wrong"),
    P("36982", ["36928"], (), "wrong", id="num-swapped-digits-is-wrong"),
    P("3692", ["36928"], (), "wrong", id="num-missing-digit-is-wrong"),
    P("369287", ["36928"], (), "wrong", id="num-extra-digit-is-wrong"),
    P("1,5", ["15"], (), "wrong", id="num-decimal-comma-is-not-thousands"),
    P("-1", ["1"], (), "wrong", id="num-minus-sign-kept"),
    P("VGG19", ["VGG16"], (), "wrong", id="num-digit-in-short-name-is-wrong"),
    P("conv33", ["conv3x3"], (), "wrong", id="num-deleted-letter-joins-numbers"),
    P("ResNet-51", ["ResNet-50"], (), "wrong", id="num-digit-in-long-name-is-wrong"),
    P("ResNte-50", ["ResNet-50"], (), "typo", id="num-letter-typo-beside-number-ok"),
    # --- typos, English
    P("Momentun", ["Momentum"], (), "typo", id="typo-substitution"),
    P("Momenttum", ["Momentum"], (), "typo", id="typo-insertion"),
    P("Momentm", ["Momentum"], (), "typo", id="typo-deletion"),
    P("Mometnum", ["Momentum"], (), "typo", id="typo-adjacent-transposition"),
    P("Momnetun", ["Momentum"], (), "wrong", id="typo-two-edits-is-wrong"),
    P("Nadan", ["Nadam"], (), "typo", id="typo-five-letter-word-ok"),
    P("Adan", ["Adam"], (), "wrong", id="typo-four-letter-word-is-wrong"),
    P("LSMT", ["LSTM"], (), "wrong", id="typo-short-acronym-is-wrong"),
    P("max poolimg", ["max pooling"], (), "typo", id="typo-in-long-word-of-phrase"),
    P("mix pooling", ["max pooling"], (), "wrong", id="typo-in-short-word-of-phrase"),
    P("maxx pooling", ["max pooling"], (), "wrong", id="typo-extra-letter-on-short-word"),
    P("maxp pooling", ["max pooling"], (), "wrong", id="typo-extra-letter-typed-on-short-word"),
    P("max ppooling", ["max pooling"], (), "typo", id="typo-extra-letter-typed-on-long-word"),
    P("dropoutt rate", ["dropout rate"], (), "typo", id="typo-extra-letter-before-short-word"),
    P("dropout trate", ["dropout rate"], (), "wrong", id="typo-extra-letter-on-next-short-word"),
    P("to pooling", ["top pooling"], (), "wrong", id="typo-missing-letter-maybe-of-short-word"),
    P("top poling", ["top pooling"], (), "typo", id="typo-missing-letter-of-long-word"),
    P("maxxpooling", ["max pooling"], (), "wrong", id="typo-unspaced-extra-letter-is-strict"),
    P("learning ratee", ["learning rate"], (), "wrong", id="typo-extra-letter-ending-short-word"),
    P("Dr0pout", ["Dropout"], (), "wrong", id="typo-letter-turned-digit-is-wrong"),
    # --- typos, Korean (on jamo)
    P("드롭아운", ["드롭아웃"], (), "typo", id="ko-typo-wrong-final-jamo"),
    P("정규하", ["정규화"], (), "typo", id="ko-typo-wrong-vowel-jamo"),
    P("경사 하강볍", ["경사 하강법"], (), "typo", id="ko-typo-in-spaced-phrase"),
    P("드로아웃", ["드롭아웃"], (), "typo", id="ko-typo-missing-final-jamo"),
    P("드럽아운", ["드롭아웃"], (), "wrong", id="ko-two-wrong-jamo-is-wrong"),
    P("드롭웃", ["드롭아웃"], (), "wrong", id="ko-missing-syllable-is-wrong"),
    P("학숩", ["학습"], (), "wrong", id="ko-two-syllable-word-is-strict"),
    P("편형", ["편향"], (), "wrong", id="ko-two-syllable-word-is-strict-vowel"),
    # --- other deck terms are not typos
    P("Adadelta", ["Adagrad"], DECK, "other-term", id="other-adadelta-is-not-adagrad"),
    P("Adagrad", ["Adadelta"], DECK, "other-term", id="other-adagrad-is-not-adadelta"),
    P("Adam", ["Nadam"], DECK, "other-term", id="other-adam-is-not-a-typo-of-nadam"),
    P("Adam", ["Nadam"], (), "typo", id="other-same-miss-without-deck-is-typo"),
    P("ResNet", ["ResNeXt"], DECK, "other-term", id="other-resnet-is-not-resnext"),
    P("ResNeet", ["ResNet"], DECK, "closer-to-other", id="other-as-close-to-resnext"),
    P("디코더", ["인코더"], DECK, "other-term", id="other-ko-decoder-is-not-encoder"),
    P("dropout", ["드롭아웃"], DECK, "other-term", id="other-matches-paren-part-of-term"),
    P("Adam", ["Adam"], DECK, "exact", id="other-also-accepted-stays-correct"),
    P("Momentun", ["Momentum"], DECK, "typo", id="other-far-terms-do-not-block-typo"),
    P("드롭아운", ["드롭아웃"], DECK, "typo", id="other-ko-typo-with-deck"),
    # --- empty and degenerate
    P("", ["Adam"], (), "empty", id="empty-answer-is-wrong"),
    P("  \t\n ", ["Adam"], (), "empty", id="whitespace-answer-is-wrong"),
    P("?!.", ["Adam"], (), "empty", id="punctuation-only-answer-is-wrong"),
    P("Adam", [], (), "wrong", id="nothing-accepted-is-wrong"),
    P("x", ["?!"], (), "wrong", id="punctuation-only-accepted-matches-nothing"),
]


@pytest.mark.parametrize(("answer", "accepted", "others", "reason"), CASES)
def test_grading_table(answer, accepted, others, reason):
    verdict = grade(answer, accepted, others)
    assert (verdict.reason, verdict.correct, verdict.typo) == (
        reason,
        reason in ("exact", "typo"),
        reason == "typo",
    )


@pytest.mark.parametrize(("answer", "accepted", "others", "reason"), CASES)
def test_deck_grader_agrees_with_grade(answer, accepted, others, reason):
    assert Grader(others).grade(answer, accepted) == grade(answer, accepted, others)


def test_typo_verdict_says_check_the_spelling_in_both_languages():
    verdict = grade("Momentun", ["Momentum"])
    assert verdict.message == "accepted, check the spelling: Momentum"
    assert verdict.message_ko == "정답으로 인정합니다. 철자를 확인하세요: Momentum"
    assert verdict.matched == "Momentum"


def test_exact_verdict_has_no_message():
    verdict = grade("momentum", ["Momentum"])
    assert verdict == Verdict(correct=True, matched="Momentum", reason="exact")


def test_matched_is_the_alias_as_written_in_the_deck():
    assert grade("sgd", ["stochastic gradient descent", "SGD"]).matched == "SGD"


def test_typo_names_the_full_accepted_text_with_its_optional_part():
    assert grade("드롭아운", ["드롭아웃 (Dropout)"]).matched == "드롭아웃 (Dropout)"


def test_wrong_answer_names_the_term_it_was_confused_with():
    verdict = grade("Adadelta", ["Adagrad"], DECK)
    assert (verdict.correct, verdict.confused_with, verdict.matched) == (False, "Adadelta", None)


def test_accepted_may_be_a_single_string():
    assert grade("adam", "Adam").correct


def test_non_string_answer_is_a_clear_type_error():
    with pytest.raises(TypeError, match="the answer must be a str, got int"):
        grade(42, ["42"])  # type: ignore[arg-type]


def test_non_string_other_term_is_a_clear_type_error():
    with pytest.raises(TypeError, match="others must be texts, got int"):
        Grader(["Adam", 3])  # type: ignore[list-item]


def test_lazy_grader_builds_its_index_on_the_first_near_miss():
    lazy = Grader(DECK, lazy=True)
    assert lazy.grade("Adam", ["Adam"]).reason == "exact"
    assert lazy.grade("Adam", ["Nadam"]).reason == "other-term"


def test_normalize_removes_case_space_and_hyphens_and_spells_out_jamo():
    assert normalize(" Mini-Batch ") == "minibatch"
    assert normalize("경사 하강") == "ㄱㅕㅇㅅㅏㅎㅏㄱㅏㅇ"


# --- properties -----------------------------------------------------------

LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
SYLLABLES = st.integers(0xAC00, 0xD7A3).map(chr)
latin_word = st.text(st.sampled_from(LATIN), min_size=1, max_size=12)
hangul_word = st.text(SYLLABLES, min_size=1, max_size=6)
digit_word = st.from_regex(r"[0-9]{1,4}", fullmatch=True)
term_words = st.lists(st.one_of(latin_word, hangul_word, digit_word), min_size=1, max_size=4)


@st.composite
def respelled(draw, words: list[str]) -> str:
    """The same words with random case, and random spaces, hyphens and
    underscores between or inside them (never a hyphen or an underscore before
    a digit, which would read as a minus sign or an index: x_1 is x₁)."""
    out = []
    text = " ".join(words)
    for i, ch in enumerate(text):
        nxt = text[i + 1] if i + 1 < len(text) else ""
        # The next character the learner types: the space after this one may be dropped.
        typed_next = text[i + 1 :].lstrip(" ")[:1]
        seps = [" ", "  ", "\t"] + ([] if nxt.isdigit() else ["-"])
        seps += [] if typed_next.isdigit() else ["_"]
        if ch == " ":
            out.append(draw(st.sampled_from(["", *seps])))
        else:
            out.append(ch.upper() if draw(st.booleans()) else ch.lower())
            out.append(draw(st.sampled_from(seps + [""] * 8)))
    return "".join(out)


@given(st.data(), term_words)
def test_accepted_answer_is_exact_under_any_case_and_spacing(data, words):
    accepted = " ".join(words)
    answer = data.draw(respelled(words))
    verdict = grade(answer, [accepted])
    assert (verdict.correct, verdict.reason) == (True, "exact"), (answer, accepted)


@given(st.text(min_size=1))
def test_any_text_is_exactly_its_own_answer(text):
    assume(normalize(text))
    assert grade(text, [text]).reason == "exact"


# Characters that exercise every branch: Hangul in all forms, separators,
# parentheses, digits and signs, full-width and case-folding oddities.
TRICKY = st.sampled_from(
    list("()（）-_–—,.'\" \t0123456789가각힣ㄱㅏㄳ\u1100\u1161\u11a8ÅßİﬁＡ１\u0301\u2212·")
    + ["\ud800", "\x00", "\U0001f600"]
)
any_text = st.text(st.one_of(TRICKY, st.characters(exclude_categories=())), max_size=30)


def _check_invariants(verdict: Verdict, accepted: list[str]) -> None:
    assert isinstance(verdict, Verdict)
    assert verdict.correct == (verdict.reason in ("exact", "typo"))
    assert verdict.typo == (verdict.reason == "typo")
    if verdict.correct:
        assert verdict.matched in [a.strip() for a in accepted]
    else:
        assert verdict.matched is None and verdict.message is None
    if verdict.typo:
        assert verdict.message == f"accepted, check the spelling: {verdict.matched}"


@given(any_text, st.lists(any_text, max_size=4), st.lists(any_text, max_size=6))
def test_grade_never_raises_and_keeps_its_invariants(answer, accepted, others):
    _check_invariants(grade(answer, accepted, others), accepted)


@given(any_text, st.lists(any_text, max_size=3), st.lists(any_text, max_size=3))
def test_grade_never_raises_on_short_lists_of_texts(answer, accepted, others):
    _check_invariants(grade(answer, accepted, others), accepted)


def _within_one_edit(a: str, b: str) -> bool:
    """Reference check (optimal string alignment by dynamic programming,
    independent of the grader): one insertion, deletion, substitution or
    adjacent transposition at most."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1] <= 1


lower_word = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=6, max_size=14)


@given(lower_word, st.data(), st.lists(lower_word, max_size=20))
def test_one_letter_substitution_in_a_long_word_is_a_typo(word, data, others):
    i = data.draw(st.integers(0, len(word) - 1))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz").filter(lambda c: c != word[i]))
    answer = word[:i] + letter + word[i + 1 :]
    # Other terms far from the answer (a near one is the next test's case).
    others = [o for o in others if o != word and not _within_one_edit(o, answer)]
    verdict = grade(answer, [word], others)
    assert (verdict.correct, verdict.typo, verdict.matched) == (True, True, word)


@given(lower_word, st.data(), st.lists(lower_word, max_size=5))
def test_one_letter_substitution_that_is_another_term_is_wrong(word, data, others):
    i = data.draw(st.integers(0, len(word) - 1))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz").filter(lambda c: c != word[i]))
    answer = word[:i] + letter + word[i + 1 :]
    verdict = grade(answer, [word], [*others, answer])
    assert (verdict.correct, verdict.reason, verdict.confused_with) == (False, "other-term", answer)


@given(st.lists(SYLLABLES, min_size=3, max_size=6), st.data())
def test_one_jamo_substitution_in_a_three_syllable_word_is_a_typo(syllables, data):
    word = "".join(syllables)
    i = data.draw(st.integers(0, len(syllables) - 1))
    initial, vowel, final = decompose_syllable(syllables[i])
    slot = data.draw(st.sampled_from(["initial", "vowel", "final"]))
    if slot == "initial":
        initial = data.draw(st.sampled_from(INITIALS).filter(lambda c: c != initial))
    elif slot == "vowel":
        vowel = data.draw(st.sampled_from(VOWELS).filter(lambda c: c != vowel))
    else:  # a different final, or none, or one where there was none: one jamo
        final = data.draw(st.sampled_from(FINALS).filter(lambda c: c != final))
    answer = "".join(syllables[:i]) + compose_syllable(initial, vowel, final)
    answer += "".join(syllables[i + 1 :])
    verdict = grade(answer, [word])
    assert (verdict.correct, verdict.typo) == (True, True), (answer, word)


@given(st.lists(SYLLABLES, min_size=1, max_size=2), st.data())
def test_any_change_to_a_two_syllable_word_is_wrong(syllables, data):
    word = "".join(syllables)
    initial, vowel, final = decompose_syllable(syllables[0])
    vowel = data.draw(st.sampled_from(VOWELS).filter(lambda c: c != vowel))
    answer = compose_syllable(initial, vowel, final) + "".join(syllables[1:])
    assert not grade(answer, [word]).correct


number = st.integers(10_000, 10**9).map(str)


@given(number, st.data(), st.sampled_from(["", "resnet-", "vgg"]))
def test_numbers_never_get_typo_tolerance(digits, data, prefix):
    i = data.draw(st.integers(0, len(digits) - 1))
    other_digit = st.sampled_from("0123456789").filter(lambda d: d != digits[i])
    edit = data.draw(st.sampled_from(["substitute", "delete", "insert", "transpose"]))
    if edit == "substitute":
        changed = digits[:i] + data.draw(other_digit) + digits[i + 1 :]
    elif edit == "delete":
        changed = digits[:i] + digits[i + 1 :]
    elif edit == "insert":
        changed = digits[:i] + data.draw(other_digit) + digits[i:]
    else:
        assume(i + 1 < len(digits) and digits[i] != digits[i + 1])
        changed = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
    assert not grade(prefix + changed, [prefix + digits]).correct


@given(number)
def test_thousands_separators_are_ignored(digits):
    assert grade(f"{int(digits):,}", [digits]).reason == "exact"
