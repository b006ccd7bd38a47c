"""A sync between two SQLite stores done inside SQLite: the side that receives
has the other attached (as `PEER`; only ever read) and copies rows with one
statement each, rather than reading them into Python and binding them back.

On a first sync of two years of reviews (100,000 events each way, 300,000
review rows) this is what keeps it in budget: reading an event into Python and
inserting it again costs about 14 us, copying it inside SQLite about 6; and a
table copied whole (`INSERT INTO t SELECT * FROM peer.t` into an emptied `t` of
the same columns) moves its records without decoding them, 0.3 s for the
derived tables against 1.5 s row by row.

Which file is attached: for the local side, the snapshot of OTHER
(`sqlite_snapshot`, a private temporary file, checked in a thread meanwhile:
a copy that fails its check rolls the local transaction back); for OTHER's
side, the local store, committed by then (`other_side` reads it before too).
ATTACH cannot run inside a transaction, so the attachment is made before the
sync and kept for it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: The name the other store is attached under.
PEER = "sync_peer"
EVENT_COLUMNS = "id, device_id, kind, at, deck_id, card_id, direction, payload"


#: A sync transaction's page cache: at most 400 MB, as it is used (KiB, as
#: `PRAGMA cache_size` takes a negative number).
SYNC_CACHE_KIB = -400_000


class BadCopy(ValueError):
    """Events the attached store gave are not the ones asked for, or not valid
    events (a damaged index, a payload that is not JSON): the sync refuses."""


@contextmanager
def attached(conn: sqlite3.Connection, path: Path | None, name: str = PEER) -> Iterator[bool]:
    """`path` attached to `conn` as `name` for the duration; yields whether it is
    (a file that will not open: False, and the sync reads rows through Python
    instead). By its plain path, not a read-only URI: SQLite copies a table
    whole (above) only from a database it could write, 0.3 s against 0.7. The
    sync only ever reads it; a `BEGIN IMMEDIATE` takes its write lock too, for
    the transaction's length."""
    if path is None:
        yield False
        return
    try:
        conn.execute(f"ATTACH ? AS {name}", (str(Path(path).absolute()),))
    except sqlite3.Error:
        yield False
        return
    try:
        yield _is_file(conn, path, name)
    finally:
        try:
            conn.execute(f"DETACH {name}")
        except sqlite3.Error:
            pass  # a transaction left open by a failure: the store is closed next


def _is_file(conn: sqlite3.Connection, path: Path, name: str) -> bool:
    """Whether what is attached as `name` is the file at `path`."""
    files = {schema: file for _, schema, file in conn.execute("PRAGMA database_list")}
    try:
        return bool(files.get(name)) and os.path.samefile(files[name], path)
    except OSError:
        return False


@contextmanager
def sync_pragmas(conn: sqlite3.Connection) -> Iterator[None]:
    """A sync's transaction writes 100,000s of rows into indexes at random
    places: with SQLite's default 2 MB page cache it reads pages again and
    spills them (inserting a first sync's events takes half again as long).
    The cache may grow to the store's size for the transaction, and the
    commit leaves the WAL to be copied into the store when it is closed,
    rather than in the middle of the sync."""
    conn.execute(f"PRAGMA cache_size = {SYNC_CACHE_KIB}")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        conn.execute("PRAGMA cache_size = -2000")  # SQLite's defaults again
        conn.execute("PRAGMA wal_autocheckpoint = 1000")


def copy_events(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Any]:
    """Insert the events with these ids from `PEER` into `conn`'s store (inside
    its transaction) and return them as inserted, in id order, reviews without
    their payloads (None). BadCopy unless
    exactly these come, each once, each payload JSON (the event table's CHECK
    says so as each is inserted, whatever check the peer's copy had)."""
    if not ids:
        return []
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_want (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.sync_want")
    conn.executemany("INSERT OR IGNORE INTO temp.sync_want VALUES (?)", ((i,) for i in ids))
    wanted = "SELECT id FROM temp.sync_want"
    try:
        got = conn.execute(f"INSERT INTO main.event ({EVENT_COLUMNS}) SELECT {EVENT_COLUMNS}"
                           f" FROM {PEER}.event WHERE id IN ({wanted})").rowcount
    except sqlite3.IntegrityError as exc:
        raise BadCopy(_why(conn, wanted, exc)) from None
    if got != len(set(ids)):
        raise BadCopy(f"{len(set(ids))} events asked for, {got} found")
    # A review's payload (nine in ten events, most of their bytes) is left out:
    # a sync replays reviews from the store, and reads only other kinds' payloads.
    rows = conn.execute("SELECT id, device_id, kind, at, deck_id, card_id, direction,"
                        " CASE kind WHEN 'review' THEN NULL ELSE payload END FROM main.event"
                        f" WHERE id IN ({wanted}) ORDER BY id").fetchall()
    conn.execute("DELETE FROM temp.sync_want")
    return rows


def _why(conn: sqlite3.Connection, wanted: str, exc: sqlite3.IntegrityError) -> str:
    bad = conn.execute(f"SELECT id FROM {PEER}.event WHERE id IN ({wanted})"
                       " AND NOT json_valid(payload) LIMIT 1").fetchone()
    if bad:
        return f"event {bad[0]}: payload is not JSON"
    return str(exc)  # an id twice (an index that disagrees with its table)


def copy_rows(conn: sqlite3.Connection, table: str) -> str:
    """The statement copying `PEER`'s `table` into this store's emptied one: as
    `SELECT *` where both have the same columns in the same order (SQLite then
    moves records whole), else by the names this one has."""
    ours, theirs = (conn.execute("SELECT name, type FROM pragma_table_info(?, ?)",
                                 (table, schema)).fetchall() for schema in ("main", PEER))
    if ours == theirs:
        return f"INSERT INTO main.{table} SELECT * FROM {PEER}.{table}"
    names = ", ".join(name for name, _ in ours)
    return f"INSERT INTO main.{table} ({names}) SELECT {names} FROM {PEER}.{table}"
