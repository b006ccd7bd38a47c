"""The store's schema on PostgreSQL: one database for a cohort, each student's
rows sealed off by row-level security.

The tables are those of SQLite's schema v3 (`schema_v3`) with one column
more, `student`, filled by default with the connected role (`session_user`)
and first in every key. Times stay text in the store's fixed-width UTC form,
so the shared queries compare them the same way on both engines.

Who is who:
  studytui_owner       owns the tables and functions; NOLOGIN (a table's owner
                       bypasses row-level security unless it is FORCEd, and it
                       is; no one logs in as it anyway)
  studytui_student     a group: each student's login role is a member. A student
                       reads and writes rows whose `student` is their own login
                       (`session_user`, which SET ROLE does not change, and
                       SET SESSION AUTHORIZATION is for superusers only)
  studytui_instructor  a group that reads every row and writes none
Roles belong to the whole server; a cohort is its database, which only the
roles made for it may connect to.

The event log is append-only by privilege: students may SELECT and INSERT
it, nothing more. MIGRATIONS are this engine's own, counted in
`schema_version`; `studytui class init` (an administrator) applies them.
"""

from __future__ import annotations

import re

OWNER = "studytui_owner"
STUDENTS = "studytui_student"
INSTRUCTORS = "studytui_instructor"
#: A role name `class add-student` takes: plain, so it needs no quoting anywhere.
ROLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
STUDENT_TABLES = ("meta", "event", "review_log", "quiz_log", "card_state")

V1 = """
CREATE TABLE schema_version (version integer NOT NULL);
INSERT INTO schema_version VALUES (0);
-- The course the cohort studies: a hash of its deck files per deck id, set by
-- `studytui class init`; a student's app warns when its own deck differs.
CREATE TABLE course (
    deck_id TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    set_at  TEXT NOT NULL
);
CREATE TABLE meta (
    key     TEXT NOT NULL,
    value   TEXT NOT NULL,
    student TEXT NOT NULL DEFAULT session_user,
    PRIMARY KEY (student, key)
);
CREATE TABLE event (
    id        TEXT NOT NULL,
    device_id TEXT NOT NULL,
    kind      TEXT NOT NULL,
    at        TEXT NOT NULL,
    deck_id   TEXT NOT NULL DEFAULT '',
    card_id   TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL DEFAULT '',
    -- JSON as text, kept byte for byte (jsonb would reorder and respace it): an
    -- event is the same bytes on every device a sync copies it to
    payload   TEXT NOT NULL CHECK (payload::json IS NOT NULL),
    student   TEXT NOT NULL DEFAULT session_user,  -- last: INSERT INTO event VALUES (8)
    PRIMARY KEY (student, id)
);
CREATE INDEX event_card ON event (student, deck_id, card_id, direction, kind, id);
CREATE TABLE review_log (
    id           TEXT NOT NULL,
    deck_id      TEXT NOT NULL,
    card_id      TEXT NOT NULL,
    direction    TEXT NOT NULL,
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at  TEXT NOT NULL,
    duration_ms  INTEGER,
    source       TEXT NOT NULL CHECK (source IN ('review', 'quiz')),
    state_before INTEGER NOT NULL DEFAULT 0,
    undone       INTEGER NOT NULL DEFAULT 0,
    student      TEXT NOT NULL DEFAULT session_user,
    -- the UTC day, stored: the class view groups 600,000 reviews by student and
    -- day, and computing it per row there took most of its time
    utc_day      TEXT GENERATED ALWAYS AS (left(reviewed_at, 10)) STORED,
    PRIMARY KEY (student, id)
);
CREATE INDEX review_log_card ON review_log (student, deck_id, card_id, direction, undone);
CREATE INDEX review_log_stats ON review_log
    (student, deck_id, undone, reviewed_at, card_id, state_before, rating);
CREATE TABLE quiz_log (
    id          TEXT NOT NULL,
    deck_id     TEXT NOT NULL,
    question_id TEXT NOT NULL,
    card_id     TEXT NOT NULL,
    direction   TEXT NOT NULL,
    given       TEXT NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    answered_at TEXT NOT NULL,
    review_id   TEXT,
    student     TEXT NOT NULL DEFAULT session_user,
    PRIMARY KEY (student, id)
);
CREATE INDEX quiz_log_time ON quiz_log (student, deck_id, answered_at);
CREATE TABLE card_state (
    deck_id       TEXT NOT NULL,
    card_id       TEXT NOT NULL,
    direction     TEXT NOT NULL,
    state         TEXT NOT NULL,
    due           TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    review_id     TEXT NOT NULL,
    introduced_at TEXT NOT NULL,
    fsrs_state    INTEGER,
    stability     DOUBLE PRECISION,
    last_review   TEXT,
    student       TEXT NOT NULL DEFAULT session_user,
    PRIMARY KEY (student, deck_id, card_id, direction)
);
CREATE INDEX card_state_due ON card_state (student, deck_id, direction, due, card_id);
CREATE INDEX card_state_introduced ON card_state (student, deck_id, introduced_at);

-- SQLite's json_extract and date(t, '+N seconds'), so the shared SQL runs here.
-- json_extract gives json, which psycopg parses: a number comes back a number,
-- a string a str, as from SQLite. Compared with text (an id in a WHERE or an
-- IN list, as event-kind modules do), a json string is its text.
CREATE FUNCTION json_extract(doc text, path text) RETURNS json
    LANGUAGE sql IMMUTABLE STRICT
    RETURN doc::json #> string_to_array(substr(path, 3), '.');
CREATE FUNCTION json_is_text(j json, t text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT RETURN j #>> '{}' = t;
CREATE FUNCTION text_is_json(t text, j json) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT RETURN j #>> '{}' = t;
CREATE OPERATOR = (LEFTARG = json, RIGHTARG = text, FUNCTION = json_is_text,
                   COMMUTATOR = =);
CREATE OPERATOR = (LEFTARG = text, RIGHTARG = json, FUNCTION = text_is_json,
                   COMMUTATOR = =);
CREATE FUNCTION date(at text, shift text) RETURNS text
    LANGUAGE sql STABLE STRICT
    RETURN to_char((at::timestamptz AT TIME ZONE 'UTC') + shift::interval, 'YYYY-MM-DD');

GRANT SELECT ON schema_version, course TO studytui_student, studytui_instructor;
GRANT SELECT, INSERT ON event TO studytui_student;
GRANT SELECT, INSERT, UPDATE, DELETE ON meta, review_log, quiz_log, card_state
    TO studytui_student;
GRANT SELECT ON meta, event, review_log, quiz_log, card_state TO studytui_instructor;
"""

#: Row-level security on each student table, forced so not even the owner
#: passes unchecked.
RLS = """
ALTER TABLE {t} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {t} FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON {t} TO studytui_student
    USING (student = session_user) WITH CHECK (student = session_user);
CREATE POLICY instructor_reads ON {t} FOR SELECT TO studytui_instructor USING (true);
"""

#: MIGRATIONS[i] takes a cohort database from schema_version i to i + 1. Text
#: compares byte by byte, as in SQLite (ids, times; and fast), whatever the
#: database's locale.
MIGRATIONS: list[str] = [V1.replace(" TEXT ", ' TEXT COLLATE "C" ')
                         + "".join(RLS.format(t=t) for t in STUDENT_TABLES)]
SCHEMA_VERSION = len(MIGRATIONS)

#: The roles, made once per server (roles are cluster-wide); harmless to repeat.
ROLES = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OWNER}') THEN
        CREATE ROLE {OWNER} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{STUDENTS}') THEN
        CREATE ROLE {STUDENTS} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{INSTRUCTORS}') THEN
        CREATE ROLE {INSTRUCTORS} NOLOGIN;
    END IF;
END $$;
GRANT USAGE, CREATE ON SCHEMA public TO {OWNER};
-- Roles are the server's, databases a cohort's: only this cohort's students
-- and instructors (`login_role_sql`) may connect to its database.
DO $$ BEGIN
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$;
"""


def good_role_name(name: str) -> bool:
    """Plain enough to need no quoting, and none of PostgreSQL's or ours."""
    return bool(ROLE_NAME.match(name)) and not name.startswith(("pg_", "studytui_"))


def login_role_sql(name: str, password: str, group: str) -> str:
    """The SQL that makes a login role in `group` (students or instructors).
    `name` matches ROLE_NAME and `password` is [A-Za-z0-9_-]: nothing to quote."""
    if not good_role_name(name):
        raise ValueError(f"role name {name!r}: use lowercase letters, digits and _,"
                         " starting with a letter (not pg_ or studytui_)")
    if not re.fullmatch(r"[A-Za-z0-9_-]+", password):
        raise ValueError("a password of letters, digits, _ and - only")
    return (f"CREATE ROLE {name} LOGIN PASSWORD '{password}' IN ROLE {group};\n"
            f"ALTER ROLE {name} CONNECTION LIMIT 8;\n"
            "DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO "
            f"{name}', current_database()); END $$;\n")
