"""A learner's marks on a card: suspended, buried until a time, flagged.

Each change is one event of the card (kind 'suspend', 'bury' or 'flag'), and
taking one back is a 'mark_undo' event naming it. Nothing is derived into a
table: a card's marks are read straight from its events (the event table's
index on (deck, card, direction, kind, id) serves the query), so a store
merged from two devices has the same marks as either would compute from the
union of their events.

The rule per kind: the latest (by id) event of that kind that is not undone
decides. 'suspend' and 'flag' carry {"on": bool}; 'bury' carries {"until":
time} (the start of the learner's next day, worked out by the caller), and a
bury with "until": null lifts an earlier one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from studytui.store.ids import uuid7
from studytui.store.schema_v3 import FORWARD
from studytui.store.store_parts import StoreParts
from studytui.store.times import from_iso, iso

MARK_KINDS = ("suspend", "bury", "flag")
UNDO_KIND = "mark_undo"


@dataclass(frozen=True)
class Marks:
    """A card's standing marks (all off for a card never marked)."""

    suspended: bool = False
    buried_until: datetime | None = None
    flagged: bool = False


NO_MARKS = Marks()


def _fold(events: list[tuple[Any, ...]]) -> dict[str, Marks]:
    """Card id -> Marks from (id, card, kind, payload) rows in id order."""
    undone = {json.loads(p).get("event") for _, _, kind, p in events if kind == UNDO_KIND}
    latest: dict[str, dict[str, Any]] = {}
    for event_id, card_id, kind, payload in events:
        if kind in MARK_KINDS and event_id not in undone:
            latest.setdefault(card_id, {})[kind] = json.loads(payload)
    out = {}
    for card_id, kinds in latest.items():
        until = kinds.get("bury", {}).get("until")
        out[card_id] = Marks(suspended=bool(kinds.get("suspend", {}).get("on")),
                             buried_until=from_iso(until) if until else None,
                             flagged=bool(kinds.get("flag", {}).get("on")))
    return out


class CardMarks(StoreParts):
    """Store mixin: writes and reads of a card's marks."""


    def mark_card(self, card_id: str, kind: str, at: datetime, *, on: bool = True,
                  until: datetime | None = None, direction: str = FORWARD) -> str:
        """Suspend (`on`), unsuspend, flag, unflag, or bury until `until` (None:
        unbury) a card. Committed; returns the event's id (what `undo_mark` takes)."""
        if kind not in MARK_KINDS:
            raise ValueError(f"mark must be one of {', '.join(MARK_KINDS)}, not {kind!r}")
        payload: dict[str, Any] = ({"until": iso(until) if until else None} if kind == "bury"
                                   else {"on": bool(on)})
        event_id = uuid7()
        with self._write() as conn:
            self._event(conn, event_id, kind, iso(at), card_id, direction, payload)
        return event_id

    def undo_mark(self, event_id: str, at: datetime) -> None:
        """Take back one mark event: the card's marks are again what they were."""
        with self._write() as conn:
            row = conn.execute("SELECT card_id, direction, kind FROM event WHERE id = ?",
                               (event_id,)).fetchone()
            if row is None or row[2] not in MARK_KINDS:
                raise ValueError(f"no mark with id {event_id}")
            done = conn.execute(
                "SELECT 1 FROM event WHERE deck_id = ? AND card_id = ? AND direction = ?"
                " AND kind = ? AND json_extract(payload, '$.event') = ?",
                (self.deck_id, row[0], row[1], UNDO_KIND, event_id)).fetchone()
            if done:
                raise ValueError(f"mark {event_id} is already undone")
            self._event(conn, uuid7(), UNDO_KIND, iso(at), row[0], row[1], {"event": event_id})

    def card_marks(self, direction: str = FORWARD) -> dict[str, Marks]:
        """Card id -> its marks, for every card of the deck ever marked."""
        return _fold(self._read(
            "SELECT id, card_id, kind, payload FROM event WHERE deck_id = ? AND direction = ?"
            " AND kind IN ('suspend', 'bury', 'flag', 'mark_undo') ORDER BY id",
            (self.deck_id, direction)))

    def marks_of(self, card_id: str, direction: str = FORWARD) -> Marks:
        return _fold(self._read(
            "SELECT id, card_id, kind, payload FROM event WHERE deck_id = ? AND card_id = ?"
            " AND direction = ? AND kind IN ('suspend', 'bury', 'flag', 'mark_undo')"
            " ORDER BY id", (self.deck_id, card_id, direction))).get(card_id, NO_MARKS)

    def reviews_of(self, card_id: str, direction: str = FORWARD
                   ) -> list[tuple[int, datetime, int | None, str]]:
        """(rating, time, duration ms, source) of a card's standing reviews, oldest
        first: its history as Browse shows it."""
        return [(rating, from_iso(at), ms, source) for rating, at, ms, source in self._read(
            "SELECT rating, reviewed_at, duration_ms, source FROM review_log WHERE deck_id = ?"
            " AND card_id = ? AND direction = ? AND undone = 0 ORDER BY id",
            (self.deck_id, card_id, direction))]
