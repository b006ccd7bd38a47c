"""Grading a typed answer to one question of a deck: what counts as right for
that question, and which of the deck's terms it must not be confused with.

The quiz and `studytui grade` both grade through `QuestionGrader.grade`, so an
author sees exactly what a learner will be told.

- The question's own card is never "a different term" for it: its term and
  aliases are left out of the terms a near miss is checked against.
- Where the question asks for the card's own name (its answer or an accept
  entry is the card's term or an alias, brackets aside), every name of the
  card counts: "Backpropagation Through Time (BPTT)" answers a question whose
  key is "BPTT". Not when the prompt itself shows one of the card's names:
  then the question asks about the name ("What does Adam stand for?"), and
  "Adam" does not answer it.
- Where the answer is something else (the RMSprop card asks for an
  exponential moving average), typing the card's name stays wrong.
- Where an accepted answer is another card's term, that card's aliases count
  too: the deck says they name the same thing (the LSTM question accepts
  "sigmoid", the Sigmoid card lists "logistic function"). Only a term, not an
  alias: an alias may be narrower or a phrase around the name ("growth rate k"
  must not make "k" mean a growth rate), and not when the prompt shows one of
  that card's names (the rule above).
"""

from __future__ import annotations

from collections.abc import Iterable

from studytui.content.model import Card, Question
from studytui.grading.answer_text import accepted_forms, clean, key_of, other_keys
from studytui.grading.grader import Grader, Verdict
from studytui.grading.math_text import canonical_math


def card_names(card: Card | None) -> list[str]:
    """Every name of a card: its term in both languages and its aliases."""
    return [] if card is None else [*card.term.texts(), *card.aliases]


def _keys(text: str) -> set[str]:
    return set(other_keys(canonical_math(text)))


def _answer_keys(texts: Iterable[str]) -> set[str]:
    return {f.key for t in texts for f in accepted_forms(canonical_math(t))}


def _in_prompt(question: Question, names: list[str]) -> bool:
    prompt = "".join(key_of(clean(canonical_math(t))) for t in question.prompt.texts())
    return any(k in prompt for name in names for k in _keys(name))


def accepted_answers(question: Question, card: Card | None,
                     others: Iterable[Card] = ()) -> list[str]:
    """The texts that count as right for a typed question (see the module doc);
    `others`, the deck's other cards, give the synonyms of an answer that is
    one of their terms."""
    texts = question.answer_texts()
    answer_keys = _answer_keys(texts)
    found = list(texts)
    names = card_names(card)
    if any(_keys(name) & answer_keys for name in names) and not _in_prompt(question, names):
        found += [name for name in names if name not in found]
    for other in others:
        other_names = card_names(other)
        if (other is not card and any(_keys(t) & answer_keys for t in other.term.texts())
                and not _in_prompt(question, other_names)):
            found += [name for name in other_names if name not in found]
    return found


class QuestionGrader:
    """Grades typed answers to the questions of one deck. Build it once per
    deck (it indexes every term); `grade` is then quick enough per keypress."""

    def __init__(self, cards: Iterable[Card], *, lazy: bool = False) -> None:
        self.cards = {c.id: c for c in cards}
        self.grader = Grader(
            [name for c in self.cards.values() for name in card_names(c)], lazy=lazy
        )
        self._accepted: dict[str, list[str]] = {}

    def accepted(self, question: Question) -> list[str]:
        found = self._accepted.get(question.id)
        if found is None:
            found = accepted_answers(question, self.cards.get(question.card),
                                     self.cards.values())
            self._accepted[question.id] = found
        return found

    def grade(self, question: Question, given: str) -> Verdict:
        own = card_names(self.cards.get(question.card))
        return self.grader.grade(given, self.accepted(question), own)
