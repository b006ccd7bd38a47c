"""The review log as a CSV that FSRS tools read (fsrs-optimizer's revlog
columns), so a learner can fit FSRS elsewhere or audit their history.

    card_id,review_time,review_rating,review_state,review_duration,deck_id,card

- card_id: an integer, as those tools expect: the first 6 bytes of
  sha256("<deck id>:<card id>"), stable across exports;
- review_time: ms since the Unix epoch (UTC); review_rating: 1-4;
- review_state: the card's state before the review (0 new, 1 learning,
  2 review, 3 relearning), as the store derived it;
- review_duration: ms (empty when not measured);
- deck_id and card: our own ids, beside the integer.
Undone reviews are left out. The store keys reviews by deck: a store opened
for a deck reads that deck's reviews alone, those of cards no longer in it
included (the `card` column still names them). The store is read through its
public methods only, in `_reviews` below.
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
    """(card id, time in ms, rating, duration in ms, state before) per standing
    review of the store's deck, in log order (forward direction: the one FSRS
    tools know)."""
    for row in store.review_rows():
        if row.direction != "forward":
            continue
        ms = int(row.reviewed_at.timestamp() * 1000)
        yield row.card_id, ms, row.rating, row.duration_ms, row.state_before


def reviews_csv(store: Any, deck_id: str) -> tuple[str, int]:
    """The CSV text and the number of reviews in it, of the store's deck."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for card, ms, rating, duration, before in _reviews(store):
        writer.writerow((integer_card_id(deck_id, card), ms, rating, before,
                         "" if duration is None else duration, deck_id, card))
        count += 1
    return out.getvalue(), count
