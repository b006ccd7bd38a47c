"""A review session's three counts, as Anki shows them: what is left of this
session, new, learning and due (to review).

A card counts where it stands now: never seen (new), in the Learning or
Relearning state or coming back within this session (learning), else a
review card that is due (due). The card on screen counts too, and the count
it is in is named (`current`), so the screen can mark it. Rating a card takes
it out of its count; if the rating brings it back within the session it is in
learning from then on (Again always; Hard or Good on a card still in its
learning steps too, as in Anki), so the sum of the three never grows. The
session is over exactly when all three are zero.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Literal

from fsrs import State

Kind = Literal["new", "learning", "due"]
KINDS: tuple[Kind, ...] = ("new", "learning", "due")


@dataclass(frozen=True)
class Counts:
    new: int = 0
    learning: int = 0
    due: int = 0
    current: Kind | None = None  # the count the card on screen is in

    @property
    def total(self) -> int:
        return self.new + self.learning + self.due

    def of(self, kind: Kind) -> int:
        return int(getattr(self, kind))


def kind_of_state(state: int | None) -> Kind:
    """The count of a card by its fsrs State (None or 0: never reviewed)."""
    if not state:
        return "new"
    if state in (State.Learning, State.Relearning):
        return "learning"
    return "due"


def session_counts(queue: Iterable[Hashable], coming_back: int, current: Hashable | None,
                   state_of: Callable[[Hashable], int | None]) -> Counts:
    """The counts of a session whose queue holds `queue`, with `coming_back`
    cards waiting to come back within it (learning) and `current` on screen."""
    counts = {"new": 0, "learning": coming_back, "due": 0}
    for item in queue:  # a card id, or (card id, direction)
        counts[kind_of_state(state_of(item))] += 1
    kind: Kind | None = None
    if current is not None:
        kind = kind_of_state(state_of(current))
        counts[kind] += 1
    return Counts(counts["new"], counts["learning"], counts["due"], kind)
