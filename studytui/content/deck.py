"""A loaded, cross-checked deck: the lectures and fast lookups into them."""

from __future__ import annotations

from dataclasses import dataclass, field

from studytui.content.model import Card, Lecture, Question


@dataclass(frozen=True)
class Deck:
    """Lectures in number order, with every card and question indexed by id.

    Built only by `studytui.content.loader`, which has already checked that ids are
    unique and that every question points at a card of the deck.
    """

    lectures: tuple[Lecture, ...]
    cards: dict[str, Card] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    # card id -> the number of the lecture it belongs to
    card_lecture: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, lectures: list[Lecture]) -> Deck:
        ordered = tuple(sorted(lectures, key=lambda lec: lec.number))
        return cls(
            lectures=ordered,
            cards={c.id: c for lec in ordered for c in lec.cards},
            questions={q.id: q for lec in ordered for q in lec.questions},
            card_lecture={c.id: lec.number for lec in ordered for c in lec.cards},
        )

    def lecture(self, number: int) -> Lecture:
        for lec in self.lectures:
            if lec.number == number:
                return lec
        raise KeyError(number)

    def numbers(self) -> list[int]:
        return [lec.number for lec in self.lectures]

    def cards_of(self, lectures: list[int] | None = None) -> list[Card]:
        """Cards in deck order, of the given lectures (all when None)."""
        return [
            c
            for lec in self.lectures
            if lectures is None or lec.number in lectures
            for c in lec.cards
        ]

    def questions_of(self, lectures: list[int] | None = None) -> list[Question]:
        return [
            q
            for lec in self.lectures
            if lectures is None or lec.number in lectures
            for q in lec.questions
        ]
