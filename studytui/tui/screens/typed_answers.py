"""What the flashcard screen does with a typed answer: on the front of a card
asked in a direction whose answer is a name (reverse, Korean<->English), it
asks for the answer, grades it with the quiz's grader (the same tolerance:
studytui.study.directions) and turns the card over. Enter on an empty line
just turns it over: a card can be typed or flipped.
"""

from __future__ import annotations

from studytui.study.directions import FORWARD, AnswerGrader, answer, types_answer
from studytui.study.review_session import ReviewSession
from studytui.tui.screens.base import StudyScreen
from studytui.tui.widgets.answer_box import AnswerBox, verdict_line
from studytui.words import say


class TypedAnswers(StudyScreen[None]):
    """A screen showing `session`'s cards, front or back as `flipped` says."""

    session: ReviewSession
    flipped: bool
    _answer_grader: AnswerGrader | None = None

    def ask_typed(self) -> None:
        """On a new card's front: the answer line for a direction that asks a name."""
        box = self.query_one(AnswerBox)
        if self.session.current is not None and types_answer(self.session.direction or FORWARD):
            box.ask(say("custom.type_here", self.lang))
        else:
            box.hide()

    def turned_over(self) -> None:
        box = self.query_one(AnswerBox)
        if self.flipped and box.display:
            typing = box.has_focus_within
            box.close_input()
            if typing:  # the keys rate again: focus goes where it would without the line
                self.set_focus(None)
                self.focus_next()

    def on_answer_box_answered(self, event: AnswerBox.Answered) -> None:
        card, direction = self.session.current, self.session.direction
        if card is None or direction is None:
            return
        if event.given.strip():
            if self._answer_grader is None:  # indexes every term: once, on the first answer
                self._answer_grader = AnswerGrader(self.study.deck.cards.values())
            verdict = self._answer_grader.grade(card, direction, event.given)
            expected = answer(card, direction).show(self.lang)
            self.query_one(AnswerBox).show_verdict(verdict_line(verdict, expected, self.lang))
        self.flipped = True
