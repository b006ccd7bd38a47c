"""Schema v3: the store as a log of events, every other table derived from it.

`event` is the learner's history: one append-only row per change, with a UUIDv7
id (global and time-ordered, so two devices' logs merge by set union of ids)
and the id of the device that made it. What an event says beyond its key
(deck, card, direction) is a JSON `payload`: a later kind (suspend, flag,
practice, dispute, notebook entry, exam attempt, fitted parameters) is a new
`kind` value, with no migration of the log, and the same table holds on
PostgreSQL (`pg_schema`). The key columns are typed so the per-card replay and the
queries that want them use an index.

review_log, quiz_log and card_state are typed caches derived from the events
by `replay.rebuild` (doctor runs it); the events are never updated or deleted.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from studytui.store.ids import Uuid7Source, device_id
from studytui.store.replay import rebuild
from studytui.store.times import epoch_ms

#: The bundled deck's id: the same on every install and version (never change it).
#: Reviews made before v3 (which had no deck) belong to it.
BUNDLED_DECK = "studytui-bundled"
FORWARD = "forward"

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE event (
    id        TEXT PRIMARY KEY,             -- UUIDv7: global, sorts by time
    device_id TEXT NOT NULL,                -- meta.device_id of the store that made it
    kind      TEXT NOT NULL,                -- review, undo, quiz, ...
    at        TEXT NOT NULL,                -- when (store.times.iso)
    deck_id   TEXT NOT NULL DEFAULT '',
    card_id   TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL DEFAULT '',     -- forward, reverse, ko->en, en->ko
    payload   TEXT NOT NULL CHECK (json_valid(payload))
);
CREATE INDEX event_card ON event (deck_id, card_id, direction, kind, id);
CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TABLE review_log (                   -- derived: one row per review event
    id           TEXT PRIMARY KEY,          -- the event's id
    deck_id      TEXT NOT NULL,
    card_id      TEXT NOT NULL,
    direction    TEXT NOT NULL,
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at  TEXT NOT NULL,
    duration_ms  INTEGER,
    source       TEXT NOT NULL CHECK (source IN ('review', 'quiz')),
    state_before INTEGER NOT NULL DEFAULT 0, -- fsrs State before it (0 = new)
    undone       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX review_log_card ON review_log (deck_id, card_id, direction, undone);
-- Covers every stats query (reviews per card and per day, true retention): a
-- year of reviews is read from this index alone, in order, never row by row.
CREATE INDEX review_log_stats ON review_log
    (deck_id, undone, reviewed_at, card_id, state_before, rating);

CREATE TABLE quiz_log (                     -- derived: one row per quiz event
    id          TEXT PRIMARY KEY,
    deck_id     TEXT NOT NULL,
    question_id TEXT NOT NULL,
    card_id     TEXT NOT NULL,
    direction   TEXT NOT NULL,
    given       TEXT NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    answered_at TEXT NOT NULL,
    review_id   TEXT                        -- the Again review a miss recorded
);
CREATE INDEX quiz_log_time ON quiz_log (deck_id, answered_at);

CREATE TABLE card_state (                   -- derived: the state after the standing reviews
    deck_id       TEXT NOT NULL,
    card_id       TEXT NOT NULL,
    direction     TEXT NOT NULL,
    state         TEXT NOT NULL,            -- fsrs Card.to_dict() as JSON
    due           TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    review_id     TEXT NOT NULL,
    introduced_at TEXT NOT NULL,            -- time of the card's first standing review
    fsrs_state    INTEGER,                  -- these three: what stats need, unparsed
    stability     REAL,
    last_review   TEXT,
    PRIMARY KEY (deck_id, card_id, direction)
);
CREATE INDEX card_state_due ON card_state (deck_id, direction, due, card_id);
CREATE INDEX card_state_introduced ON card_state (deck_id, introduced_at);
"""


def migrate_v2_to_v3(conn: sqlite3.Connection) -> None:
    """Every v2 row becomes an event (ids placed at the row's own time, in the
    old log's order), then the derived tables are built from the events."""
    reviews = conn.execute(
        "SELECT id, card_id, rating, reviewed_at, duration_ms, state_after, source"
        " FROM review_log ORDER BY id").fetchall()
    undos = conn.execute("SELECT review_id, undone_at FROM undo_log ORDER BY id").fetchall()
    quizzes = conn.execute("SELECT question_id, card_id, given, correct, answered_at, review_id"
                           " FROM quiz_log ORDER BY id").fetchall()
    for statement in ("DROP TRIGGER IF EXISTS card_state_recall_insert",
                      "DROP TRIGGER IF EXISTS card_state_recall_update",
                      "DROP TABLE quiz_log", "DROP TABLE undo_log", "DROP TABLE card_state",
                      "DROP TABLE review_log"):
        conn.execute(statement)
    from studytui.store.migrations import sql_statements

    for statement in sql_statements(TABLES):
        conn.execute(statement)
    device = device_id()
    conn.execute("INSERT INTO meta VALUES ('device_id', ?)", (device,))

    undone = {review_id for review_id, _ in undos}
    # Order: reviews keep the old log's order (a clock that stepped back must not
    # reorder a card's reviews); undos and answers fall in by time after them.
    items: list[tuple[str, int, int, str, tuple[Any, ...]]] = []
    floor = ""
    for row in reviews:
        floor = max(floor, row[3])
        items.append((floor, 0, row[0], "review", row))
    items += [(q[4], 1, i, "quiz", q) for i, q in enumerate(quizzes)]
    items += [(u[1], 2, i, "undo", u) for i, u in enumerate(undos)]
    items.sort(key=lambda item: item[:3])

    new_id = Uuid7Source()
    ids: dict[int, str] = {}  # old review id -> event id
    card_of = {row[0]: row[1] for row in reviews}
    last_standing: dict[str, str] = {}  # card -> its latest standing review's event id
    events = []
    for _, _, _, kind, row in items:
        if kind == "review":
            old, card, rating, at, duration, state_after, source = row
            event_id = ids[old] = new_id(epoch_ms(at))
            payload = {"rating": rating, "duration_ms": duration, "source": source,
                       "state_after": json.loads(state_after), "prev": last_standing.get(card)}
            if old not in undone:
                last_standing[card] = event_id
        elif kind == "undo":
            review_id, at = row
            card = card_of[review_id]
            event_id = new_id(epoch_ms(at))
            payload = {"review": ids[review_id]}
        else:
            question, card, given, correct, at, review_id = row
            event_id = new_id(epoch_ms(at))
            payload = {"question": question, "given": given, "correct": bool(correct),
                       "review": ids.get(review_id) if review_id is not None else None}
        events.append((event_id, device, kind, at, BUNDLED_DECK, card, FORWARD,
                       json.dumps(payload, separators=(",", ":"), ensure_ascii=False)))
    conn.executemany("INSERT INTO event VALUES (?,?,?,?,?,?,?,?)", events)
    rebuild(conn)


def create_v3(conn: sqlite3.Connection) -> None:
    """A new store: v1 and v2 are skipped (nothing to carry over)."""
    from studytui.store.migrations import sql_statements

    for statement in sql_statements(TABLES):
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('device_id', ?)", (device_id(),))
