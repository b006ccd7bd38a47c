"""Practice answers and what custom study reads: events that leave the schedule alone.

A 'practice' event records an answer given outside the schedule (`studytui
review --practice`): the card, its direction, the rating and the time taken.
It derives nothing, so no card's state or due date moves, and replaying the
log gives the same states with or without it. Taking one back is an 'undo'
event naming it (`{"practice": id}`); the replay's undo of reviews reads only
`$.review`, so the two never mix.

Lapses (Again on a card in the Review state) are read from the review log:
fsrs's card state keeps no count of them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from studytui.store.ids import uuid7
from studytui.store.store_parts import StoreParts
from studytui.store.times import iso

PRACTICE = "practice"


class PracticeLog(StoreParts):

    def record_practice(self, card_id: str, direction: str, rating: int, at: datetime,
                        duration_ms: int | None) -> str:
        """Append a practice answer (committed before returning); returns its id."""
        if rating not in (1, 2, 3, 4):
            raise ValueError(f"rating must be 1..4, not {rating!r}")
        event_id = uuid7()
        with self._write() as conn:
            self._event(conn, event_id, PRACTICE, iso(at), card_id, direction,
                        {"rating": rating, "duration_ms": duration_ms})
        return event_id

    def undo_practice(self, practice_id: str, at: datetime) -> None:
        """Take back a practice answer: an undo event naming it."""
        with self._write() as conn:
            row = conn.execute("SELECT card_id, direction FROM event WHERE id = ? AND kind = ?",
                               (practice_id, PRACTICE)).fetchone()
            if row is None:
                raise ValueError(f"no practice answer with id {practice_id}")
            self._event(conn, uuid7(), "undo", iso(at), row[0], row[1],
                        {"practice": practice_id})

    def practice_rows(self, since: datetime | None = None
                      ) -> list[tuple[str, str, str, int, str]]:
        """(id, card id, direction, rating, at) of standing practice answers, in order."""
        sql = ("SELECT id, card_id, direction, json_extract(payload, '$.rating'), at FROM event"
               " WHERE deck_id = ? AND kind = 'practice' AND id NOT IN (SELECT"
               " json_extract(payload, '$.practice') FROM event WHERE deck_id = ?"
               " AND kind = 'undo' AND json_extract(payload, '$.practice') IS NOT NULL)")
        params: tuple[Any, ...] = (self.deck_id, self.deck_id)
        if since is not None:
            sql, params = sql + " AND at >= ?", (*params, iso(since))
        return [tuple(r) for r in self._read(sql + " ORDER BY id", params)]  # type: ignore[misc]

    def lapse_counts(self, direction: str) -> dict[str, int]:
        """Card id -> standing Again ratings given while the card was in Review."""
        return dict(self._read(
            "SELECT card_id, COUNT(*) FROM review_log WHERE deck_id = ? AND direction = ?"
            " AND undone = 0 AND rating = 1 AND state_before = 2 GROUP BY card_id",
            (self.deck_id, direction)))
