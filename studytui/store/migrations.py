"""The review store's schema, as an ordered list of migrations.

`PRAGMA user_version` holds how many of MIGRATIONS a store has had applied.
Append new steps; never edit a released one (a learner's store already ran it).
V1 and V2 are kept as released: a store made by an older studytui climbs them.

Times are text in one fixed-width UTC form (see `store.iso`), so comparing the
strings compares the instants and a human can read them in `sqlite3`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

from studytui.store.schema_v3 import create_v3, migrate_v2_to_v3

V1 = """
CREATE TABLE review_log (
    id          INTEGER PRIMARY KEY,
    card_id     TEXT    NOT NULL,
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at TEXT    NOT NULL,
    duration_ms INTEGER,
    state_after TEXT    NOT NULL,               -- fsrs Card.to_dict() as JSON
    source      TEXT    NOT NULL CHECK (source IN ('review', 'quiz')),
    -- fsrs State of the card before this review (0 = new): what true retention needs,
    -- kept here so stats need not replay the log
    state_before INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX review_log_card ON review_log (card_id, id);
CREATE INDEX review_log_time ON review_log (reviewed_at);

CREATE TABLE undo_log (
    id          INTEGER PRIMARY KEY,
    review_id   INTEGER NOT NULL UNIQUE REFERENCES review_log (id),
    undone_at   TEXT    NOT NULL
);

-- Derived: the state_after of each card's latest review that is not undone.
-- `studytui doctor` rebuilds it from the two logs above.
CREATE TABLE card_state (
    card_id       TEXT PRIMARY KEY,
    state         TEXT NOT NULL,
    due           TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    review_id     INTEGER NOT NULL REFERENCES review_log (id),
    introduced_at TEXT NOT NULL                 -- time of the card's first review
);
-- (due, card_id): the due queue is read from this index alone, without the JSON rows.
CREATE INDEX card_state_due ON card_state (due, card_id);
CREATE INDEX card_state_introduced ON card_state (introduced_at);

CREATE TABLE quiz_log (
    id          INTEGER PRIMARY KEY,
    question_id TEXT    NOT NULL,
    card_id     TEXT    NOT NULL,
    given       TEXT    NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    answered_at TEXT    NOT NULL,
    review_id   INTEGER REFERENCES review_log (id)  -- the Again review a miss recorded
);
CREATE INDEX quiz_log_time ON quiz_log (answered_at);
"""

# V2: what stats need of each card as plain columns beside its JSON state, so
# Home reads 10,000 cards without parsing 10,000 JSON states at every start-up.
# Triggers keep them in step with `state` on every write path (a rating, an
# undo, doctor's rebuild), so no Python code can forget them.
V2 = """
ALTER TABLE card_state ADD COLUMN fsrs_state INTEGER;
ALTER TABLE card_state ADD COLUMN stability REAL;
ALTER TABLE card_state ADD COLUMN last_review TEXT;
UPDATE card_state SET fsrs_state = json_extract(state, '$.state'),
    stability = json_extract(state, '$.stability'),
    last_review = json_extract(state, '$.last_review');
CREATE TRIGGER card_state_recall_insert AFTER INSERT ON card_state BEGIN
    UPDATE card_state SET fsrs_state = json_extract(NEW.state, '$.state'),
        stability = json_extract(NEW.state, '$.stability'),
        last_review = json_extract(NEW.state, '$.last_review')
    WHERE card_id = NEW.card_id;
END;
CREATE TRIGGER card_state_recall_update AFTER UPDATE OF state ON card_state BEGIN
    UPDATE card_state SET fsrs_state = json_extract(NEW.state, '$.state'),
        stability = json_extract(NEW.state, '$.stability'),
        last_review = json_extract(NEW.state, '$.last_review')
    WHERE card_id = NEW.card_id;
END;
"""

# MIGRATIONS[i] takes a store from user_version i to i + 1: SQL, or a function
# of the connection where rows must be rewritten (v3: the log of events).
Migration = str | Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = [V1, V2, migrate_v2_to_v3]
SCHEMA_VERSION = len(MIGRATIONS)
#: A new store is made at the latest version directly.
CREATE = create_v3
TABLES = ("meta", "event", "review_log", "card_state", "quiz_log")


def apply(conn: sqlite3.Connection, migration: Migration) -> None:
    if callable(migration):
        migration(conn)
        return
    for statement in sql_statements(migration):
        conn.execute(statement)


def sql_statements(script: str) -> Iterator[str]:
    """The statements of `script` one by one (a trigger's body keeps its own
    semicolons), so a migration runs inside one transaction with its version
    bump, which `executescript` (it commits first) cannot do."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending.strip()
            pending = ""
    if pending.strip(" \n;"):
        raise ValueError(f"incomplete SQL statement: {pending.strip()[:60]}")
