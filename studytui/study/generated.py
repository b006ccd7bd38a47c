"""Generated practice: two choice questions for every card, made from the deck.

term -> definition ("which is the definition of X?") and definition -> term
("which term is this?"), with distractors drawn from the other cards of the
same lecture. A question's id is the card id and the kind
(`adam~gen-term-def`), never its text, so a quiz answer to it stays attached
when the wording of the card is fixed; its distractors and their order are
drawn from a generator seeded by that id, so the same deck gives the same
question every time.

Hand-written questions are always offered first (`with_generated`); the
Settings switch `generated_questions` decides whether these are added.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from studytui.content.deck import Deck
from studytui.content.model import BiText, Card, Question
from studytui.words import catalogue

MARK = "~gen-"
KINDS = ("term-def", "def-term")
DISTRACTORS = 3


def is_generated(question_id: str) -> bool:
    return MARK in question_id


def generated_id(card_id: str, kind: str) -> str:
    return f"{card_id}{MARK}{kind}"


def _side(card: Card, kind: str, asked: bool) -> BiText:
    """The text the prompt shows (`asked`) or a choice holds, for `kind`."""
    term_first = kind == "term-def"
    return card.term if term_first == asked else card.definition


def make_question(card: Card, kind: str, others: list[Card]) -> Question | None:
    """The generated `kind` question about `card`, distractors from `others`
    (its lecture's other cards); None when fewer than two other cards have a
    choice text different from the answer's."""
    answer = _side(card, kind, asked=False)
    rng = random.Random(generated_id(card.id, kind))  # str seeds are stable across runs
    seen = {answer.show("both")}
    pool: list[BiText] = []
    for other in others:
        text = _side(other, kind, asked=False)
        if text.show("both") not in seen:
            seen.add(text.show("both"))
            pool.append(text)
    if len(pool) < 2:
        return None
    choices = rng.sample(pool, min(DISTRACTORS, len(pool)))
    position = rng.randrange(len(choices) + 1)
    choices.insert(position, answer)
    asked = _side(card, kind, asked=True)
    return Question(
        id=generated_id(card.id, kind), type="choice", card=card.id,
        prompt=_bilingual(f"teach.gen.{kind}", text=asked),
        answer=position + 1,
        explanation=_bilingual("teach.gen.explain", term=card.term, definition=card.definition),
        choices=choices,
    )


def _bilingual(key: str, **texts: BiText) -> BiText:
    """The catalogue entry `key` in both languages, each filled with the texts
    in its own language: the prompt of a generated question is interface words
    around the card's own words."""
    ko, en = catalogue()[key]
    return BiText(ko=ko.format(**{k: t.get("ko") for k, t in texts.items()}),
                  en=en.format(**{k: t.get("en") for k, t in texts.items()}))


def generated_questions(deck: Deck, lectures: Iterable[int] | None = None) -> list[Question]:
    """Both generated questions of every card of `lectures` (all when None), in deck order."""
    wanted = None if lectures is None else set(lectures)
    out: list[Question] = []
    for lec in deck.lectures:
        if wanted is not None and lec.number not in wanted:
            continue
        for card in lec.cards:
            others = [c for c in lec.cards if c.id != card.id]
            out += filter(None, (make_question(card, kind, others) for kind in KINDS))
    return out


def find_question(deck: Deck, question_id: str) -> Question | None:
    """A hand-written or generated question by id (None: gone from the deck)."""
    if question_id in deck.questions:
        return deck.questions[question_id]
    card_id, mark, kind = question_id.partition(MARK)
    card = deck.cards.get(card_id)
    if not mark or card is None or kind not in KINDS:
        return None
    lec = deck.lecture(deck.card_lecture[card_id])
    return make_question(card, kind, [c for c in lec.cards if c.id != card_id])
