"""Derived tables from the event log: the one replay that `doctor`, undo and
the migration all use, so a store rebuilt from its events has the states the
live app wrote, every time.

A review event records the fsrs state it led to and `prev`, the review it was
built on. Walking a card's standing (not undone) reviews in id order, a review
whose `prev` is the review just before it (and all before it too) keeps its
recorded state: the one the learner saw. One whose base changed (a review
before it was undone, or a merge from another device put one in between) is
computed again by `recompute` (the study wing's scheduler, fuzz seeded from
the event id), so the result is a function of the set of events alone.

A 'reschedule' event (a retention change that moved due dates) names the review
the card's state rested on and the due it was given: while that review is still
the card's latest, the replay gives the card that due, as the live write did.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from studytui.store.fork_split import in_two
from studytui.store.times import from_iso, iso

#: (state before or None for a new card, rating, time, duration ms, event id, card id)
#: -> the fsrs state after. Without one, a review keeps its recorded state.
Recompute = Callable[[dict[str, Any] | None, int, datetime, "int | None", str, str],
                     dict[str, Any]]
CardKey = tuple[str, str, str]  # (deck id, card id, direction)
# A review event as the replay reads it: (id, at, rating, duration ms, source, prev,
# fsrs State after it, payload JSON). SQL picks the small fields out, so the JSON
# (mostly the state) is parsed only for a card's last state or a recomputed one.
ReviewEvent = tuple[str, str, int, "int | None", str, "str | None", int, str]
REVIEW_EVENTS = (
    "SELECT id, at, json_extract(payload, '$.rating'), json_extract(payload, '$.duration_ms'),"
    " json_extract(payload, '$.source'), json_extract(payload, '$.prev'),"
    " json_extract(payload, '$.state_after.state'), payload FROM event WHERE kind = 'review'")


def iso_due(state: dict[str, Any]) -> str:
    return iso(datetime.fromisoformat(state["due"]))


def replay_card(key: CardKey, events: Iterable[ReviewEvent], undone: set[str],
                recompute: Recompute | None
                ) -> tuple[list[tuple[Any, ...]], tuple[Any, ...] | None]:
    """(review_log rows, card_state row or None) of one card from its review events
    in id order."""
    deck_id, card_id, direction = key
    rows: list[tuple[Any, ...]] = []
    state: dict[str, Any] | None = None
    fsrs_state = 0  # the card's fsrs State so far (0: new)
    last: str | None = None  # payload of the latest standing review, not parsed yet
    prev: str | None = None
    first_at = last_at = ""
    diverged = False  # once a state is computed again, every later one rests on it
    for event_id, at, rating, duration_ms, source, recorded_prev, after, payload in events:
        is_undone = event_id in undone
        rows.append((event_id, deck_id, card_id, direction, rating, at, duration_ms, source,
                     fsrs_state, int(is_undone)))
        if is_undone:
            continue
        diverged = diverged or recorded_prev != prev
        if not diverged or recompute is None:
            state, last, fsrs_state = None, payload, after
        else:
            if last is not None:
                state, last = json.loads(last)["state_after"], None
            state = recompute(state, rating, from_iso(at), duration_ms, event_id, card_id)
            fsrs_state = int(state["state"])
        prev, last_at = event_id, at
        first_at = first_at or at
    if last is not None:
        state = json.loads(last)["state_after"]
    if state is None or prev is None:
        return rows, None
    return rows, card_state_row(key, state, last_at, prev, first_at)


def card_state_row(key: CardKey, state: dict[str, Any], at: str, review_id: str,
                   introduced_at: str) -> tuple[Any, ...]:
    """A card_state row; the recall columns beside the JSON save stats parsing it."""
    return (*key, json.dumps(state, separators=(",", ":")), iso_due(state), at, review_id,
            introduced_at, int(state["state"]), state.get("stability"), state.get("last_review"))


def with_due(state_json: str, due: str) -> tuple[str, str]:
    """(state JSON, due column) of a card state moved to `due` (a reschedule):
    one function for the live write and the replay, so both give the same text."""
    state = json.loads(state_json)
    state["due"] = due
    return json.dumps(state, separators=(",", ":")), iso_due(state)


#: (review the move rests on, new due) of a card's reschedule events, in id order.
Moves = list[tuple[str, str]]
RESCHEDULES = ("SELECT deck_id, card_id, direction, json_extract(payload, '$.review'),"
               " json_extract(payload, '$.due') FROM event WHERE kind = 'reschedule'")


def rescheduled(row: tuple[Any, ...], moves: Moves) -> tuple[Any, ...]:
    """A card_state row with the due of the latest reschedule made on its current
    latest review (a later review, or an undo back to an older one, leaves it)."""
    due = None
    for review_id, moved_due in moves:
        if review_id == row[6]:
            due = moved_due
    if due is None:
        return row
    return (*row[:3], *with_due(row[3], due), *row[5:])


REVIEW_INSERT = ("INSERT INTO review_log (id, deck_id, card_id, direction, rating, reviewed_at,"
                 " duration_ms, source, state_before, undone) VALUES (?,?,?,?,?,?,?,?,?,?)")
STATE_UPSERT = (
    "INSERT OR REPLACE INTO card_state (deck_id, card_id, direction, state, due, updated_at,"
    " review_id, introduced_at, fsrs_state, stability, last_review)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?)")
QUIZ_INSERT = ("INSERT INTO quiz_log (id, deck_id, question_id, card_id, direction, given,"
               " correct, answered_at, review_id) VALUES (?,?,?,?,?,?,?,?,?)")


def quiz_row(event_id: str, key: CardKey, at: str, p: dict[str, Any]) -> tuple[Any, ...]:
    return (event_id, key[0], p["question"], key[1], key[2], p["given"], int(bool(p["correct"])),
            at, p.get("review"))


def replay_one(conn: sqlite3.Connection, key: CardKey, recompute: Recompute | None) -> None:
    """Derive one card's review rows and state again (after an undo)."""
    events = conn.execute(REVIEW_EVENTS + " AND deck_id = ? AND card_id = ? AND direction = ?"
                          " ORDER BY id", key).fetchall()
    undone = {r for (r,) in conn.execute(
        "SELECT json_extract(payload, '$.review') FROM event WHERE deck_id = ? AND card_id = ?"
        " AND direction = ? AND kind = 'undo'", key)}
    rows, state = replay_card(key, events, undone, recompute)
    moves = [r[3:] for r in conn.execute(RESCHEDULES + " AND deck_id = ? AND card_id = ?"
                                         " AND direction = ? ORDER BY id", key)]
    conn.execute("DELETE FROM review_log WHERE deck_id = ? AND card_id = ? AND direction = ?", key)
    conn.execute("DELETE FROM card_state WHERE deck_id = ? AND card_id = ? AND direction = ?", key)
    conn.executemany(REVIEW_INSERT, rows)
    if state:
        conn.execute(STATE_UPSERT, rescheduled(state, moves))


def rebuild(conn: sqlite3.Connection, recompute: Recompute | None = None) -> int:
    """Every derived table again from the events, inside the caller's transaction.
    Returns the number of card states written."""
    with paused_gc():
        return _rebuild(conn, recompute)


def _rebuild(conn: sqlite3.Connection, recompute: Recompute | None) -> int:
    undone = {r for (r,) in conn.execute(
        "SELECT json_extract(payload, '$.review') FROM event WHERE kind = 'undo'")}
    quiz_rows = [
        quiz_row(event_id, (deck_id, card_id, direction), at, json.loads(payload))
        for event_id, at, deck_id, card_id, direction, payload in conn.execute(
            "SELECT id, at, deck_id, card_id, direction, payload FROM event"
            " WHERE kind = 'quiz' ORDER BY id").fetchall()]
    reviews: dict[CardKey, list[ReviewEvent]] = {}
    for row in conn.execute(REVIEW_EVENTS.replace("SELECT ", "SELECT deck_id, card_id,"
                                                  " direction, ", 1) + " ORDER BY id"):
        reviews.setdefault(row[:3], []).append(row[3:])
    moves: dict[CardKey, Moves] = {}
    for row in conn.execute(RESCHEDULES + " ORDER BY id"):
        moves.setdefault(row[:3], []).append(row[3:])
    # Each card's replay is its own: on two cores, some of the cards in a forked
    # child (`in_two`), the rows all written here, in this one transaction: this
    # process's own as soon as they are computed, while the child computes.
    with derived_writer(conn, quiz_rows) as write:
        _, states = in_two(list(reviews.items()), lambda cards: replay_many(
            cards, undone, recompute, moves), weight=lambda card: len(card[1]), each=write)
    return len(states)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cycle collector off: a rebuild makes a million small objects and no
    cycles, and each collector pass would walk all of them (a tenth of a first
    sync's rebuild); freed by reference counts as ever."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


Derived = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]  # (review_log rows, states)


def replay_many(cards: list[tuple[CardKey, list[ReviewEvent]]], undone: set[str],
                recompute: Recompute | None, moves: dict[CardKey, Moves]) -> Derived:
    """(review_log rows, card_state rows) of these cards, each from its own events."""
    rows: list[tuple[Any, ...]] = []
    states: list[tuple[Any, ...]] = []
    for key, events in cards:
        card_rows, state = replay_card(key, events, undone, recompute)
        rows += card_rows
        if state:
            states.append(rescheduled(state, moves[key]) if key in moves else state)
    return rows, states


@contextmanager
def derived_writer(conn: sqlite3.Connection, quiz_rows: list[tuple[Any, ...]]
                   ) -> Iterator[Callable[[Derived], None]]:
    """review_log, quiz_log and card_state emptied, then given rows by the
    function yielded, (review_log rows, card_state rows) at a time, inside the
    caller's transaction. review_log's own indexes are made again at the end
    (one sort each, not 300,000 rows put in place in each: a year of reviews
    in seconds)."""
    for table in ("review_log", "quiz_log", "card_state"):
        conn.execute(f"DELETE FROM {table}")
    conn.executemany(QUIZ_INSERT, quiz_rows)
    indexes = _own_indexes(conn, "review_log")
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')

    def write(part: Derived) -> None:
        rows, states = part
        conn.executemany(REVIEW_INSERT, sorted(rows))  # in key order: appended, mostly
        conn.executemany(STATE_UPSERT, sorted(states, key=lambda state: state[:3]))

    yield write
    for _, index_sql in indexes:
        conn.execute(index_sql)


def _own_indexes(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """The indexes made on `table` by the schema (not those of its constraints);
    none on PostgreSQL, where a rebuild writes one student's rows."""
    if not isinstance(conn, sqlite3.Connection):
        return []
    return conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                        " AND tbl_name = ? AND sql IS NOT NULL", (table,)).fetchall()
