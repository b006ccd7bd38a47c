"""The directions a card is studied in, each with its own FSRS state.

- forward: the term; recall the definition (the card as written).
- reverse: the definition; recall the term.
- ko->en: the Korean term; produce the English term.
- en->ko: the English term; produce the Korean term.

The store keys a card's state by direction, so a direction starts as new the
first time it is studied: only when the learner turns it on (Settings, the
`directions` setting) or asks for it (`--reverse`, `--cross`).

A typed answer is graded by the quiz's grader (`studytui.grading`), so it
forgives exactly what the quiz forgives: spacing, case, one typo in a long
word, but never another term of the deck.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from studytui.content.model import BiText, Card
from studytui.grading.answer_text import normalize
from studytui.grading.grader import Verdict
from studytui.grading.hangul import is_syllable
from studytui.grading.question_grader import QuestionGrader, card_names

FORWARD, REVERSE, KO_EN, EN_KO = "forward", "reverse", "ko->en", "en->ko"
DIRECTIONS = (FORWARD, REVERSE, KO_EN, EN_KO)
#: What a learner turns on (Settings, config.toml's `directions`) or asks for
#: (--reverse, --cross) -> the directions it stands for.
CHOICES: dict[str, tuple[str, ...]] = {"reverse": (REVERSE,), "cross": (KO_EN, EN_KO)}


def direction_name(direction: str, lang: str, sep: str | None = None) -> str:
    """A direction as the learner reads it (one this version does not know, from
    a store a newer studytui wrote: its key, printable)."""
    from studytui.printable import for_terminal
    from studytui.words import say

    if direction in DIRECTIONS:
        return say(f"dirs.{direction}", lang) if sep is None else say(
            f"dirs.{direction}", lang, sep=sep)
    return for_terminal(direction)


def expand(choices: Iterable[str]) -> tuple[str, ...]:
    """The directions a set of choices stands for, in the order of DIRECTIONS."""
    wanted = {d for choice in choices for d in CHOICES[choice]}
    return tuple(d for d in DIRECTIONS if d in wanted)


def studied(turned_on: Iterable[str]) -> tuple[str, ...]:
    """A plain session's directions: forward, and those turned on in Settings."""
    return (FORWARD, *expand(turned_on))


def _korean(text: str) -> bool:
    return any(is_syllable(ch) for ch in text)


_BRACKETED = re.compile(r"\s+[(\[]([^()\[\]]*)[)\]]")


def _without_answer(term: str, korean_kept: bool) -> str:
    """A term as a cross prompt: without a bracketed part in the language asked
    for ("하이퍼볼릭 탄젠트 (tanh)" asks for tanh; showing it gives it away).
    Only a part set off by a space: O(n²) is the term itself."""
    shown = _BRACKETED.sub(
        lambda m: m.group(0) if _korean(m.group(1)) == korean_kept else "", term).strip()
    return shown or term


def supports(card: Card, direction: str) -> bool:
    """A Korean<->English card needs both terms, two different ones, and a
    Korean term that is Korean once its English part is hidden ("IoU
    (Intersection over Union)" would ask for IoU by showing IoU)."""
    if direction in (KO_EN, EN_KO):
        return bool(card.term.ko and card.term.en and card.term.ko != card.term.en
                    and _korean(_without_answer(card.term.ko, korean_kept=True)))
    return True


def prompt(card: Card, direction: str) -> BiText:
    """What the front of the card shows in this direction."""
    if direction == REVERSE:
        return card.definition
    if direction == KO_EN:
        return BiText(ko=_without_answer(card.term.ko, korean_kept=True))
    if direction == EN_KO:
        return BiText(en=_without_answer(card.term.en, korean_kept=False))
    return card.term


def answer(card: Card, direction: str) -> BiText:
    """What the back shows as the answer (in every language the learner reads:
    for the cross directions, the one language asked for)."""
    if direction == KO_EN:
        return BiText(en=card.term.en)
    if direction == EN_KO:
        return BiText(ko=card.term.ko)
    if direction == REVERSE:
        return card.term
    return card.definition


def types_answer(direction: str) -> bool:
    """Whether the answer is a name short enough to type (a definition is not)."""
    return direction != FORWARD


def accepted(card: Card, direction: str) -> list[str]:
    """The texts a typed answer is graded against."""
    if direction == KO_EN:
        return [t for t in [card.term.en, *card.aliases] if t and not _korean(t)]
    if direction == EN_KO:
        return [t for t in [card.term.ko, *card.aliases] if t and _korean(t)]
    return card_names(card)


class AnswerGrader:
    """Grades typed answers on cards with the quiz's grader: built once per deck
    (it indexes every term, so a near miss of another term stays wrong)."""

    def __init__(self, cards: Iterable[Card]) -> None:
        self._quiz = QuestionGrader(cards, lazy=True)

    def grade(self, card: Card, direction: str, given: str) -> Verdict:
        if direction in (KO_EN, EN_KO) and _same_text(given, prompt(card, direction).show("both")):
            # "ReLU" shown, "렐루 (ReLU)" asked for: its bracket makes ReLU an
            # accepted form, but copying the front is never the answer.
            return Verdict(correct=False, reason="wrong")
        return self._quiz.grader.grade(given, accepted(card, direction), card_names(card))


def _same_text(given: str, shown: str) -> bool:
    key = normalize(given)
    return bool(key) and key == normalize(shown)
