"""The review store on PostgreSQL: the same store, with the same guarantees, on
a server that a cohort shares (`--db postgresql://...` or $STUDYTUI_DB).

`PostgresStore` is `Store` with another connection under it: every write,
read and replay is the one `Store` (and any event-kind mixin it inherits)
runs on SQLite, through `PgConnection`, which takes the same SQL. What this
class changes is what has no meaning on a server: opening a file, its lock,
WAL and backups, PRAGMAs. Each write is one transaction committed (and, with
the server's default synchronous_commit, flushed to its WAL) before the
method returns: a rating acknowledged on screen is committed.

A student's writes are serialised by an advisory lock on their own role, as
SQLite's BEGIN IMMEDIATE serialises a store's: the read-then-write of a
rating cannot interleave with the same student's other device. Two students
never wait for each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from studytui.errors import Said
from studytui.store.errors import StoreError
from studytui.store.event_peer import EventPeer
from studytui.store.ids import device_id
from studytui.store.pg_schema import SCHEMA_VERSION
from studytui.store.schema_v3 import BUNDLED_DECK
from studytui.store.sqlite_store import Store

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(where: object) -> bool:
    """Whether a --db value names a PostgreSQL server rather than a file."""
    return isinstance(where, str) and where.startswith(URL_SCHEMES)


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1@", url)


def pg_problem(exc: Exception, url: str) -> StoreError:
    """One line for a psycopg error: where, and what the server said."""
    import psycopg

    diag = getattr(exc, "diag", None)
    said = (diag.message_primary if diag is not None and diag.message_primary
            else str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return StoreError(Said("pg.not_allowed", url=shown(url), said=said))
    return StoreError(Said("pg.server_said", url=shown(url), said=said))


def connect(url: str) -> Any:
    """A PgConnection to `url` (autocommit: reads hold no transaction open)."""
    try:
        import psycopg
    except ImportError:
        raise StoreError(Said("pg.needs_psycopg")) from None
    from studytui.store.pg_conn import PgConnection

    try:
        return PgConnection(psycopg.connect(url, autocommit=True, connect_timeout=10,
                                            application_name="studytui"))
    except psycopg.Error as exc:
        raise pg_problem(exc, url) from None


class _NoLock:
    """A server store has no file to lock: the server keeps concurrent writers apart."""

    def release(self) -> None:
        pass


class PostgresStore(EventPeer, Store):
    """One student's store on a cohort's PostgreSQL database; a sync peer too
    (`EventPeer`: event ids, fetch, insert, replay)."""

    local = False

    def __init__(self, conn: Any, url: str, deck_id: str) -> None:
        super().__init__(conn, Path(), deck_id, _NoLock())  # type: ignore[arg-type]
        self.url = url
        self.path = shown(url)  # type: ignore[assignment]  # what messages name

    @classmethod
    def open(cls, path: Any, *, backup: bool = True, deck_id: str = BUNDLED_DECK,
             lock: bool = True) -> PostgresStore:
        """Connect as the role the URL (or libpq's PGUSER, ~/.pgpass) names and
        check the cohort's schema; `backup` and `lock` have no meaning here."""
        url = str(path)
        store = cls(connect(url), url, deck_id)
        try:
            store._check_schema()
            store.device_id = store._own_device_id()
        except BaseException:
            store.close()
            raise
        return store

    def _check_schema(self) -> None:
        rows = self._read("SELECT to_regclass('schema_version') IS NOT NULL")
        version = int(self._read("SELECT version FROM schema_version")[0][0]) if rows[0][0] else 0
        if version < SCHEMA_VERSION:
            raise StoreError(Said("pg.not_set_up", url=self.path, version=version,
                                  known=SCHEMA_VERSION))
        if version > SCHEMA_VERSION:
            raise StoreError(Said("pg.newer", url=self.path, version=version,
                                  known=SCHEMA_VERSION))

    def _own_device_id(self) -> str:
        with self._write() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('device_id', ?)"
                         " ON CONFLICT DO NOTHING", (device_id(),))
            return str(conn.execute("SELECT value FROM meta WHERE key = 'device_id'"
                                    " AND student = session_user").fetchone()[0])

    def course_version(self) -> str | None:
        """The hash of the deck files the cohort studies, as `class init` stored it."""
        rows = self._read("SELECT version FROM course WHERE deck_id = ?", (self.deck_id,))
        return rows[0][0] if rows else None

    def daily_backup(self) -> str | None:
        return None  # the server's own backups (pg_dump, base backups) are the administrator's

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """One committed transaction, this student's writes one at a time; any
        failure rolls back and becomes a StoreError."""
        import psycopg

        try:
            with self._conn.raw.transaction():
                self._conn.execute("SELECT pg_advisory_xact_lock(hashtext(session_user))")
                yield self._conn
        except psycopg.Error as exc:
            raise pg_problem(exc, self.url) from None

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        import psycopg

        try:
            return self._conn.execute(sql, params).fetchall()
        except psycopg.Error as exc:
            raise pg_problem(exc, self.url) from None

    def integrity_check(self) -> list[str]:
        """The server checks its own pages; here, that the schema is the one we know."""
        try:
            self._check_schema()
        except StoreError as exc:
            return [str(exc)]
        return []
