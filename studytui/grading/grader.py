"""Answer checking for typed quiz answers (short and cloze), Korean and English.

    grade(given, accepted, others=()) -> Verdict

Rules, in order:

1. Normalise both sides: NFKC (composes Hangul, folds full-width Ａｄａｍ and
   １２), casefold, strip surrounding punctuation and quotes, then compare with
   every separator removed: spaces, hyphens/dashes, underscores, quotes, middle
   dots and parentheses. So 경사하강법 == 경사 하강법, mini-batch == mini batch ==
   minibatch, "Adam" == adam. A comma between digit groups is a thousands
   separator (36,928 == 36928); a minus sign before a number is kept (-1 != 1).
2. A parenthesised part of an accepted answer that follows a space is optional:
   "아담 (Adam)" accepts 아담, Adam, 아담 (Adam), 아담 Adam and Adam (아담).
   A parenthesis glued to a word, as in ReLU(x), is literal.
3. An exact match with any accepted text is correct (no message), even if the
   same text is also in `others`.
4. One typo is forgiven: a single insertion, deletion, substitution or
   adjacent transposition, measured on letters with Hangul spelled out as jamo
   (드롭아웃 vs 드롭아운 is one wrong final consonant). Only inside a word long
   enough for a typo to be unambiguous: a word's length counts each letter 1
   and each Hangul syllable 2, and must be at least 5. So English words need
   5+ letters, Korean words 3+ syllables (two-syllable words such as 학습 or
   편향 must be exact, since one jamo changes them into other common words).
   Digits never take part in a typo: the runs of digits must stay identical,
   so 36929 is not 36928 and conv33 is not conv3x3.
   When it is ambiguous which word a letter was added to or dropped from
   (maxxpooling, to pooling), every reading must be a forgivable typo; the
   learner's own spacing settles it where it can (dropoutt rate is fine).
5. A near miss is still wrong when it is a different term of the deck: when
   the answer equals one of `others` or is within one edit of one (as close as
   it is to the accepted answer), it is a different word, not a typo
   (Adam vs AdamW, Adagrad vs Adadelta).

6. The question's own card is never "a different term": `own` (its term and
   aliases) is left out of the other terms compared against.
7. Numbers compare by value (`numbers`): 0.25 == 0.250 == 1/4 == 25%, 203530 ==
   203,530 == "203530 parameters" == 203530개; 203,520 stays wrong, and a
   numeric answer to a numeric question is decided by value alone.
8. Powers and indices keep their marks (`math_text`): 2ⁿ-1 == 2^n-1 == 2^{n}-1,
   and none of them is 2n-1.
9. An accepted answer with its abbreviation in brackets is accepted
   (`abbreviation`): "Backpropagation Through Time (BPTT)", "RPN (영역 제안 네트워크)".
10. Words wrapped around a right answer are let go (`answer_wrapping`): a
   leading article, a generic head noun, a Korean copula or polite ending
   ("the boosting method", "부스팅 기법", "부스팅이요"). What is left must be
   right by the rules above, so a wrong answer never becomes right this way.

Nothing here raises on any `str`: empty or punctuation-only answers are wrong.
For a deck, `question_grader.QuestionGrader` builds one `Grader` over every
card's names and adds the per-question rules (rule 6, the own card's names); the
module-level `grade` caches graders and normalised forms, so it is fast too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import OSA

from studytui.grading.abbreviation import bracket_pair, is_abbreviation
from studytui.grading.answer_text import (
    DIGIT_RUNS,
    Form,
    accepted_forms,
    char_info,
    clean,
    key_of,
    other_keys,
    strip_edges,
)
from studytui.grading.answer_wrapping import unwrapped
from studytui.grading.math_text import canonical_math
from studytui.grading.numbers import number_value

Reason = Literal["exact", "typo", "empty", "other-term", "closer-to-other", "wrong"]


TYPO_MESSAGE_EN = "accepted, check the spelling: {}"
TYPO_MESSAGE_KO = "정답으로 인정합니다. 철자를 확인하세요: {}"


@dataclass(frozen=True)
class Verdict:
    """The result of grading one typed answer.

    correct        the answer counts as right (exactly or as a near miss)
    typo           it was accepted as a near miss; `message` says so
    matched        the accepted text (as written in the deck) it matched
    message        English note for the learner, only for a typo
    message_ko     the same note in Korean
    reason         exact | typo | empty | other-term | closer-to-other | wrong
    confused_with  the other deck term the answer is (near) equal to, if any
    """

    correct: bool
    typo: bool = False
    matched: str | None = None
    message: str | None = None
    message_ko: str | None = None
    reason: Reason = "wrong"
    confused_with: str | None = None


# --- typo detection ------------------------------------------------------


def _word_ids(stripped: str) -> list[int]:
    """For each letter of the key of `stripped`, which typed word it is in."""
    ids: list[int] = []
    word, in_word = 0, False
    for ch in stripped:
        separator, letters, _ = char_info(ch)
        if separator:
            if in_word:
                word, in_word = word + 1, False
        else:
            ids.extend([word] * len(letters))
            in_word = True
    return ids


def _extra_letter_ok(k: int, given_words: list[int], tolerant: tuple[bool, ...]) -> bool:
    """May the extra letter given[k] (between accepted[k-1] and accepted[k]) be a typo?

    It belongs to the accepted word on the side the learner typed it on
    ("dropoutt rate": dropout); when the spacing does not tell, both
    neighbouring words must be long enough ("maxxpooling" for "max pooling").
    """
    same_left = k > 0 and given_words[k - 1] == given_words[k]
    same_right = k + 1 < len(given_words) and given_words[k + 1] == given_words[k]
    if same_left and not same_right:
        return tolerant[k - 1]
    if same_right and not same_left:
        return tolerant[k]
    return all(tolerant[p] for p in (k - 1, k) if 0 <= p < len(tolerant))


def _is_typo(given: str, given_words: list[int], form: Form) -> bool:
    """True when `given` is one allowed edit away from the accepted form.

    The edit must touch only letters of long words (`form.tolerant`), and the
    digit runs must stay exactly the same, so no typo ever changes a number.
    """
    accepted, tolerant = form.key, form.tolerant
    lg, la = len(given), len(accepted)
    if abs(lg - la) > 1 or given == accepted:
        return False
    i = 0
    shortest = min(lg, la)
    while i < shortest and given[i] == accepted[i]:
        i += 1
    if lg == la:
        if given[i + 1 :] == accepted[i + 1 :]:  # substitution
            ok = tolerant[i]
        elif (
            i + 1 < la
            and given[i] == accepted[i + 1]
            and given[i + 1] == accepted[i]
            and given[i + 2 :] == accepted[i + 2 :]
        ):  # adjacent transposition
            ok = tolerant[i] and tolerant[i + 1]
        else:
            return False
    elif lg == la + 1:  # one letter too many: given[i], or any equal letter before it
        if given[i + 1 :] != accepted[i:]:
            return False
        j = i
        while j > 0 and given[j - 1] == given[i]:
            j -= 1
        # Each reading of which letter is the extra one must be a forgivable typo.
        ok = all(_extra_letter_ok(k, given_words, tolerant) for k in range(j, i + 1))
    else:  # one letter missing: accepted[i], or any equal letter before it
        if given[i:] != accepted[i + 1 :]:
            return False
        j = i
        while j > 0 and accepted[j - 1] == accepted[i]:
            j -= 1
        ok = all(tolerant[k] for k in range(j, i + 1))
    return ok and tuple(DIGIT_RUNS.findall(given)) == form.digits


# --- the grader ----------------------------------------------------------


def _as_texts(values: Iterable[str] | str, what: str) -> tuple[str, ...]:
    if isinstance(values, str):  # grade(x, "Adam") means one accepted text
        return (values,)
    texts = tuple(values)
    for value in texts:
        if not isinstance(value, str):
            raise TypeError(f"{what} must be texts, got {type(value).__name__}: {value!r}")
    return texts


class Grader:
    """Grades answers against one deck's terms.

    Build it once per deck (`QuestionGrader` does), off the keypress path:
    that indexes the other terms (a few ms for 1,000 terms). With lazy=True the
    index is built on the first answer that is not exactly right instead, which
    is what the module-level `grade` does.
    """

    def __init__(self, others: Iterable[str] = (), *, lazy: bool = False) -> None:
        self.others = _as_texts(others, "others")
        self._by_key: dict[str, str] | None = None
        # Keys grouped by length: only lengths n-1..n+1 can be one edit from n.
        self._by_length: dict[int, list[str]] = {}
        if not lazy:
            self._other_index()

    def _other_index(self) -> dict[str, str]:
        """key -> the other term it spells (first one wins)."""
        if self._by_key is None:
            by_key: dict[str, str] = {}
            for text in self.others:
                for key in other_keys(canonical_math(text)):
                    by_key.setdefault(key, text)
            for key in by_key:
                self._by_length.setdefault(len(key), []).append(key)
            self._by_key = by_key
        return self._by_key

    def _near_other(self, key: str, accepted_keys: set[str]) -> str | None:
        """An other term (not also accepted) within one edit of `key`, if any.
        `accepted_keys` includes the question's own card, which is never "other"."""
        by_key = self._other_index()
        exact = by_key.get(key)
        if exact is not None and key not in accepted_keys:
            return exact
        n = len(key)
        nearby = [k for length in (n - 1, n, n + 1) for k in self._by_length.get(length, ())]
        for other, _, _ in process.extract(
            key, nearby, scorer=OSA.distance, score_cutoff=1, limit=None
        ):
            if other not in accepted_keys:
                return by_key[other]
        return None

    def grade(
        self, given: str, accepted: Iterable[str] | str, own: Iterable[str] = ()
    ) -> Verdict:
        """Grade `given` against the `accepted` texts. `own` are the question's
        own card's term and aliases: never counted as a different term."""
        if not isinstance(given, str):
            raise TypeError(f"the answer must be a str, got {type(given).__name__}")
        accepted = _as_texts(accepted, "accepted answers")
        own = _as_texts(own, "own terms")
        verdict = self._grade(given, accepted, own)
        if verdict.reason in ("exact", "empty"):
            return verdict
        cleaned = clean(canonical_math(given))
        if verdict.correct:
            # "a neural network" is one letter from "neural network": a typo by
            # count, but the answer exactly once its article is let go.
            unwrapped = self._grade_unwrapped(strip_edges(cleaned), accepted, own)
            return unwrapped if unwrapped is not None and unwrapped.reason == "exact" else verdict
        pair = bracket_pair(cleaned)
        if pair is not None and (by_pair := self._grade_pair(pair, accepted, own)):
            return by_pair
        return self._grade_unwrapped(strip_edges(cleaned), accepted, own) or verdict

    def _grade_unwrapped(
        self, stripped: str, accepted: tuple[str, ...], own: tuple[str, ...]
    ) -> Verdict | None:
        """Rule 10: the answer without words wrapped around it ("the boosting
        method", "부스팅이요"): its first exact reading, else its first right
        one (a typo), else the first that is a different term of the deck
        (more telling than "wrong"), else None."""
        right: Verdict | None = None
        other_term: Verdict | None = None
        for inner in unwrapped(stripped):
            verdict = self._grade(inner, accepted, own)
            if verdict.reason == "exact":
                return verdict
            if verdict.correct:
                right = right or verdict
            elif verdict.confused_with is not None:
                other_term = other_term or verdict
        return right or other_term

    def _grade_pair(
        self, pair: tuple[str, str], accepted: tuple[str, ...], own: tuple[str, ...]
    ) -> Verdict | None:
        """"X (Y)": right when both parts are accepted answers, or one is and the
        other is its abbreviation; None otherwise."""
        parts = [(text, self._grade(text, accepted, own)) for text in pair]
        right = [(text, v) for text, v in parts if v.correct]
        if not right:
            return None
        if len(right) == 1:
            (text, verdict), (other, _) = right[0], next(p for p in parts if not p[1].correct)
            if not is_abbreviation(other, verdict.matched or text):
                return None
        typo = next((v for _, v in right if v.typo), None)
        return typo or right[0][1]

    def _grade(self, given: str, accepted: tuple[str, ...], own: tuple[str, ...]) -> Verdict:
        cleaned = clean(canonical_math(given))
        stripped = strip_edges(cleaned)
        key = key_of(stripped)
        if not key:
            return Verdict(correct=False, reason="empty")

        # A number against a numeric question is decided by value alone, before
        # keys compare: "25" must not match "25%" once the % is stripped as an edge.
        by_value = _by_value(cleaned, accepted)
        if by_value is not None:
            return by_value

        candidates = [(text, accepted_forms(canonical_math(text))) for text in accepted]
        for text, forms in candidates:
            if any(f.key == key for f in forms):
                return Verdict(correct=True, matched=text.strip(), reason="exact")

        words = _word_ids(stripped)
        near = next(
            (text for text, forms in candidates if any(_is_typo(key, words, f) for f in forms)),
            None,
        )
        own_keys = {k for text in own for k in other_keys(canonical_math(text))}
        if near is None:
            if self.others and key not in own_keys:
                other = self._other_index().get(key)
                if other is not None:
                    return Verdict(correct=False, reason="other-term", confused_with=other)
            return Verdict(correct=False, reason="wrong")

        accepted_keys = {f.key for _, forms in candidates for f in forms} | own_keys
        if self.others:
            other = self._near_other(key, accepted_keys)
            if other is not None:
                exact_other = self._other_index().get(key) is not None
                return Verdict(
                    correct=False,
                    reason="other-term" if exact_other else "closer-to-other",
                    confused_with=other,
                )
        shown = near.strip()
        return Verdict(
            correct=True,
            typo=True,
            matched=shown,
            message=TYPO_MESSAGE_EN.format(shown),
            message_ko=TYPO_MESSAGE_KO.format(shown),
            reason="typo",
        )


def _by_value(cleaned: str, accepted: tuple[str, ...]) -> Verdict | None:
    """The verdict on a numeric answer to a numeric question, decided by value
    alone ("25" is not "25%"); None when either side is not a number."""
    value = number_value(cleaned)
    if value is None:
        return None
    numeric = [(text, number_value(clean(canonical_math(text)))) for text in accepted]
    numeric = [(text, v) for text, v in numeric if v is not None]
    if not numeric:
        return None
    for text, v in numeric:
        if v == value:
            return Verdict(correct=True, matched=text.strip(), reason="exact")
    return Verdict(correct=False, reason="wrong")


@lru_cache(maxsize=16)
def _grader(others: tuple[str, ...]) -> Grader:
    return Grader(others, lazy=True)


def grade(
    given: str, accepted: Iterable[str] | str, others: Iterable[str] = (), own: Iterable[str] = ()
) -> Verdict:
    """Grade a typed answer against the accepted texts; `others` are the deck's
    other terms, which a near miss must not be confused with, `own` the
    question's own card's names among them."""
    # No per-item check here (the Grader built on a cache miss checks): this
    # runs on every keypress with the whole deck as `others`.
    key = (others,) if isinstance(others, str) else tuple(others)
    return _grader(key).grade(given, accepted, own)
