"""A psycopg connection that takes the store's SQLite-flavoured SQL, so the
store's writes, reads and replay (and the event kinds other modules add with
`_write`/`_event`) run unchanged on PostgreSQL.

What differs, and where it is handled:
  `?` placeholders      rewritten to `%s` here (a literal `%` doubled)
  INSERT OR REPLACE     rewritten here to INSERT ... ON CONFLICT (key) DO UPDATE
  json_extract(p, '$.a')  a SQL function of the PostgreSQL schema (`pg_schema`)
                        returning `json`, which psycopg parses (numbers stay
                        numbers, as SQLite gives them), with `=` against text
  date(t, '+N seconds')  a SQL function of the schema too
Anything else (PRAGMA, sqlite_master) has no meaning here: the store class
overrides the methods that use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import psycopg

#: The key of each derived table that is written with INSERT OR REPLACE; every
#: table is keyed by its student first (`pg_schema`), filled by default.
CONFLICT_KEYS = {"card_state": "student, deck_id, card_id, direction"}
_OR_REPLACE = re.compile(r"INSERT OR REPLACE INTO (\w+) \(([^)]*)\)(.*)", re.DOTALL)


@lru_cache(maxsize=256)
def translate(sql: str) -> str:
    """`sql` as PostgreSQL takes it (see the module's docstring)."""
    match = _OR_REPLACE.match(sql)
    if match:
        table, columns, rest = match.groups()
        names = [c.strip() for c in columns.split(",")]
        key = CONFLICT_KEYS[table]
        updates = ", ".join(f"{n} = EXCLUDED.{n}" for n in names if n not in key.split(", "))
        sql = (f"INSERT INTO {table} ({columns}){rest} ON CONFLICT ({key})"
               f" DO UPDATE SET {updates}")
    # Outside string literals only: split on quotes, the even pieces are outside.
    pieces = sql.split("'")
    for i in range(0, len(pieces), 2):
        pieces[i] = pieces[i].replace("%", "%%").replace("?", "%s")
    return "'".join(pieces)


class PgConnection:
    """The part of sqlite3.Connection the store uses, over one psycopg connection
    in autocommit mode: reads see the latest commits and hold no transaction
    open; `PostgresStore._write` opens one explicitly."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.raw = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        # Always a tuple, even empty: psycopg then turns the doubled `%%` back into `%`.
        return self.raw.execute(translate(sql), tuple(params))  # type: ignore[arg-type]

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.raw.cursor() as cursor:
                cursor.executemany(translate(sql), rows)  # type: ignore[arg-type]

    def close(self) -> None:
        self.raw.close()
