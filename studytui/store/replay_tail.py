"""One card's replay started from its state as it stands, for a sync that
brings only later reviews: `replay.replay_one` computed again from the card's
first review each time, and after a first sync of two year-long stores every
merged card's history has diverged, so a second sync of 100 reviews a side
computed some 3,800 fsrs reviews again (20 a card) to add 200.

The stored card_state row is what the replay (or the live review, which the
replay reproduces) reached at the card's latest standing review R. The replay
walks on from it through the reviews after R, each computed again from the
state before it; a review whose recorded state is not exactly the one
computed sends the card to the whole replay. That test is what makes the tail
exact without reading the reviews before R: the whole replay keeps a review's
recorded state while the card's chain of `prev` never broke and computes it
again otherwise, and where the two are equal which one it took does not
matter. So the tail gives the whole replay's rows and state, or declines.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from studytui.store.replay import (
    RESCHEDULES,
    REVIEW_EVENTS,
    REVIEW_INSERT,
    STATE_UPSERT,
    CardKey,
    Recompute,
    card_state_row,
    rescheduled,
)
from studytui.store.times import from_iso

_CARD = " AND deck_id = ? AND card_id = ? AND direction = ?"
_REPLACE = REVIEW_INSERT.replace("INSERT", "INSERT OR REPLACE", 1)


def replay_tail(conn: sqlite3.Connection, key: CardKey, row: tuple[Any, ...],
                recompute: Recompute) -> bool:
    """Derive `key` again from its card_state `row` on, inside the caller's
    transaction; False (nothing written) when only the whole replay can: R was
    undone or moved by a reschedule, or a later review's recorded state is not
    the one computed again."""
    review_id = row[6]
    undone = {r for (r,) in conn.execute(
        "SELECT json_extract(payload, '$.review') FROM event WHERE kind = 'undo'" + _CARD, key)}
    moves = [r[3:] for r in conn.execute(RESCHEDULES + _CARD + " ORDER BY id", key)]
    if review_id in undone or any(review == review_id for review, _ in moves):
        return False  # the row holds a moved due, or R no longer stands
    later = conn.execute(REVIEW_EVENTS + _CARD + " AND id > ? ORDER BY id",
                         (*key, review_id)).fetchall()
    state: dict[str, Any] = json.loads(row[3])
    fsrs_state, prev, last_at = int(state["state"]), review_id, row[5]
    rows = []
    for event_id, at, rating, duration_ms, source, _, _, payload in later:
        is_undone = event_id in undone
        rows.append((event_id, *key, rating, at, duration_ms, source, fsrs_state,
                     int(is_undone)))
        if is_undone:
            continue
        computed = recompute(state, rating, from_iso(at), duration_ms, event_id, key[1])
        if list(computed.items()) != list(json.loads(payload)["state_after"].items()):
            return False
        state, fsrs_state, prev, last_at = computed, int(computed["state"]), event_id, at
    # rows of reviews after R: new ones, or undone ones written before (the same)
    conn.executemany(_REPLACE, rows)
    conn.execute(STATE_UPSERT, rescheduled(card_state_row(key, state, last_at, prev, row[7]),
                                           moves))
    return True
