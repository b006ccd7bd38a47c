"""What the administrator of a cohort's database does, as a superuser (or a
role with CREATEROLE that can SET ROLE studytui_owner): set the database up
(roles, tables, policies, the course version) and make login roles.

Every step is one transaction and can be run again: `class init` on a set-up
database applies only the migrations it lacks and records the course version.
"""

from __future__ import annotations

import secrets
from typing import Any

from studytui.store.pg_schema import (
    INSTRUCTORS,
    MIGRATIONS,
    OWNER,
    ROLES,
    STUDENTS,
    login_role_sql,
)
from studytui.store.pg_store import connect, pg_problem
from studytui.store.times import iso

MIGRATION_LOCK = 0x5354_5544  # "STUD": one `class init` at a time per database


def init_cohort(url: str, courses: dict[str, str], at: Any) -> int:
    """Roles, then the migrations this database lacks (made as the owner role,
    so the owner owns them), then the course version of each deck id in
    `courses`. Returns the number of migrations applied."""
    import psycopg

    conn = connect(url)
    try:
        with conn.raw.transaction():
            conn.raw.execute(ROLES)
        with conn.raw.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            conn.raw.execute(f"SET LOCAL ROLE {OWNER}")
            exists = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL"
                                  ).fetchone()[0]
            version = int(conn.execute("SELECT version FROM schema_version").fetchone()[0]
                          ) if exists else 0
            for step in MIGRATIONS[version:]:
                conn.raw.execute(step)
            conn.execute("UPDATE schema_version SET version = ?", (len(MIGRATIONS),))
            for deck_id, version_hash in courses.items():
                conn.execute("INSERT INTO course VALUES (?, ?, ?) ON CONFLICT (deck_id) DO UPDATE"
                             " SET version = EXCLUDED.version, set_at = EXCLUDED.set_at",
                             (deck_id, version_hash, iso(at)))
        return len(MIGRATIONS) - version
    except psycopg.Error as exc:
        raise pg_problem(exc, url) from None
    finally:
        conn.close()


def new_password() -> str:
    return secrets.token_urlsafe(18)


def role_sql(name: str, password: str, instructor: bool = False) -> str:
    return login_role_sql(name, password, INSTRUCTORS if instructor else STUDENTS)


def add_role(url: str, name: str, password: str, instructor: bool = False) -> None:
    """Make the login role `name` (ValueError for a name that is not plain)."""
    import psycopg

    script = role_sql(name, password, instructor)
    conn = connect(url)
    try:
        with conn.raw.transaction():
            conn.raw.execute(script)
    except psycopg.Error as exc:
        raise pg_problem(exc, url) from None
    finally:
        conn.close()
