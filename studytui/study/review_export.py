"""The review log as a CSV that FSRS tools read (fsrs-optimizer's revlog
columns), so a learner can fit FSRS elsewhere or audit their history.

    card_id,review_time,review_rating,review_state,review_duration,deck_id,card

- card_id: an integer, as those tools expect: the first 6 bytes of
  sha256("<deck id>:<card id>"), stable across exports;
- review_time: ms since the Unix epoch (UTC); review_rating: 1-4;
- review_state: the card's state before the review (0 new, 1 learning,
  2 review, 3 relearning), taken from the previous review's saved state;
- review_duration: ms (empty when not measured);
- deck_id and card: our own ids, beside the integer.
Undone reviews are left out, and so are reviews of cards that are not in the
deck exported: until the store keys reviews by deck (issue 12), one store holds
every deck's, and a card id alone cannot say whose they are. The store is read
through its public methods only, in `_reviews` below.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from typing import Any

COLUMNS = ("card_id", "review_time", "review_rating", "review_state", "review_duration",
           "deck_id", "card")


def integer_card_id(deck_id: str, card_id: str) -> int:
    digest = hashlib.sha256(f"{deck_id}:{card_id}".encode()).digest()
    return int.from_bytes(digest[:6], "big")


def _reviews(store: Any) -> Iterator[tuple[str, int, int, int | None, int]]:
    """(card id, time in ms, rating, duration in ms, state before) per effective
    review, in log order. The one place that knows the store's shape: when
    reviews carry their deck id (issue 12), it comes from here too."""
    state: dict[str, int] = {}
    for row in store.review_rows():
        before = state.get(row.card_id, 0)
        state[row.card_id] = int(row.state.get("state", 0) or 0)
        ms = int(row.reviewed_at.timestamp() * 1000)
        yield row.card_id, ms, row.rating, row.duration_ms, before


def reviews_csv(store: Any, deck_id: str, card_ids: set[str]) -> tuple[str, int]:
    """The CSV text and the number of reviews in it, of the cards `card_ids`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for card, ms, rating, duration, before in _reviews(store):
        if card not in card_ids:
            continue
        writer.writerow((integer_card_id(deck_id, card), ms, rating, before,
                         "" if duration is None else duration, deck_id, card))
        count += 1
    return out.getvalue(), count
