"""A first sync's second side (OTHER receiving from the local store) done by a
process of its own, beside the local side, rather than after it.

The rules are `sync.merge`'s: OTHER receives what it lacks in one transaction
of its own, committed only after the local one has committed (if the local
side fails, OTHER's rolls back; if OTHER's fails, the local side stands). What
changes is when OTHER's work is done. Its biggest part, copying the 100,000
events of the local store it lacks (a second of SQLite's time), needs nothing
from the local side's transaction: they are in the local store as it stood
before it. So the process, started with the sync, begins OTHER's transaction
and copies them on the second core once the local side has copied its own
events (`go`: both copies at once, beside the snapshot's check, slowed the
local side more than they saved), while this one replays; it then waits. Once
the local side has committed, it takes what the local side received that
OTHER still lacks (nothing, unless OTHER changed since its snapshot) and, the
two now holding the same events, the local store's derived tables; commits;
and says what it did. A thread would not do: two threads inside SQLite at
once took 94% of the time of one after the other here (SQLite's own locks).

A process, not a fork: a forked child would inherit this process's SQLite
state for files it has open (its locks among them) and must not open them.

The process reads the local store twice. First through a read-only
connection of its own, as it stands (before the local transaction commits,
if it has begun): the events OTHER lacks, written into OTHER's transaction;
`seen`, the last rowid that read saw, tells where the second read starts, so
it does not matter when the local transaction begins or commits relative to
it. That read ends at once, so the local store's WAL can be copied into its
file while this process finishes (the caller does so). Then, once the local
side has committed, through the local store attached (`sync_attach`), read
first after the commit: what the local side received, and the derived tables.
OTHER's transaction begins deferred (`BEGIN IMMEDIATE` would start a read of
the attached store at once), and its first statement writes to OTHER, so it
holds OTHER's write lock from there on, as `BEGIN IMMEDIATE` would.

Where OTHER cannot take the derived tables whole (it holds events the local
store lacks, or a table only `rebuild` knows), the process rolls back and
says so, and this process runs OTHER's side itself (`sync.merge`), as it
also does if the process fails in any way: slower, never different.

Messages are JSON lines: the arguments on the command line; on stdin `go`,
then the local side's outcome (its mark, or `abort`; the end of the input is
an abort too); on stdout the result.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from studytui.store.sync import Moved

#: With fewer events than this in the local store, OTHER's side is done here
#: after the local one (a process costs more than it saves).
BESIDE_MIN = 20_000
#: OTHER's page cache (KiB) while it takes the local store's events: small, so
#: that their pages go to the WAL as they are written, not all at the commit.
SPILL_CACHE_KIB = -20_000
_ROOT = str(Path(__file__).resolve().parents[2])  # where `studytui` is imported from


class OtherSide:
    """The process doing OTHER's side (`start`); `go` once the local side holds
    OTHER's events, `finish` once it has committed, `close` in any case (the
    process rolls back unless it was told the local side committed)."""

    def __init__(self, process: subprocess.Popen[str], meanwhile: Callable[[], None]) -> None:
        self._process = process
        self._meanwhile = meanwhile

    @classmethod
    def start(cls, other: Path, local: Path, since: tuple[str, str] | None,
              meanwhile: Callable[[], None] = lambda: None) -> OtherSide | None:
        """The process started on `other`, receiving from `local` (`since`: the
        marks of the last sync between them); None if it cannot be.
        `meanwhile`: done here while the process finishes (the local store's
        checkpoint)."""
        args = json.dumps({"other": str(other), "local": str(local),
                           "since": list(since) if since else None})
        try:
            process = subprocess.Popen(_command(args), stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                       text=True, encoding="utf-8")
        except (OSError, ValueError, TypeError):  # no interpreter to start (embedded)
            return None
        return cls(process, meanwhile)

    def go(self) -> None:
        """Start copying: the local side's own copy is done (both at once on two
        cores, beside the snapshot's check, would slow the local side more than
        this saves); what is left of it (the replay's reading and writing, one
        core) leaves the other core free."""
        self._tell({"go": True}, last=False)

    def finish(self, local_mark: str) -> tuple[Moved, bool, str] | None:
        """Tell the process the local side committed at `local_mark`; (what OTHER
        received, whether both now hold the same events, OTHER's mark), or None
        when it did nothing (OTHER's side is to be done here)."""
        self._tell({"local_mark": local_mark})
        self._meanwhile()
        said = self._hear()
        if not said or "done" not in said:
            self.close()  # rolled back (or gone): OTHER's lock is free for this process
            return None
        done = said["done"]
        changed = {tuple(key) for key in done["changed"]}
        return (Moved(Counter(done["kinds"]), changed),  # type: ignore[arg-type]
                bool(done["same"]), str(done["mark"]))

    def close(self) -> None:
        """Wait for the process to end (it copies OTHER's WAL into the file last);
        unless told the local side committed, it rolls back first."""
        self._tell({"abort": True})
        try:
            self._process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def _tell(self, message: dict[str, Any], last: bool = True) -> None:
        """A message to the process; after the `last` one, later ones are dropped."""
        stdin = self._process.stdin
        if stdin is None or stdin.closed:
            return
        try:
            stdin.write(json.dumps(message) + "\n")
            stdin.flush()
            if last:
                stdin.close()
        except (OSError, ValueError):
            pass  # the process is gone: `_hear` says so

    def _hear(self) -> dict[str, Any] | None:
        try:
            line = self._process.stdout.readline() if self._process.stdout else ""
            said = json.loads(line) if line else None
        except (OSError, ValueError):
            return None
        return said if isinstance(said, dict) else None


def _command(args: str) -> list[str]:
    """This interpreter, this copy of studytui, `main` below."""
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {_ROOT!r});"
            " from studytui.store.other_side import main; main()", args]


# ---- the process ---------------------------------------------------------------------


def main() -> None:
    """The process: OTHER's side, as the module says."""
    args = json.loads(sys.argv[1])
    try:
        said = _other_side(Path(args["other"]), Path(args["local"]), args["since"],
                           sys.stdin, sys.stdout)
    except Exception as exc:  # noqa: BLE001 - any failure: the caller does it itself
        said = {"error": f"{type(exc).__name__}: {exc}"}
    if said is not None:
        _say(sys.stdout, said)


def _say(out: IO[str], said: dict[str, Any]) -> None:
    out.write(json.dumps(said) + "\n")
    out.flush()


def _other_side(other_path: Path, local_path: Path, since: list[str] | None,
                stdin: IO[str], stdout: IO[str]) -> dict[str, Any] | None:
    from studytui.store.sqlite_store import Store
    from studytui.store.sync_attach import PEER, attached, sync_pragmas

    with Store.open(other_path, backup=False) as other, \
            attached(other._conn, local_path, PEER) as peer_ok:
        if not peer_ok:
            return {"replay": True}
        conn = other._conn
        with sync_pragmas(conn):
            conn.execute("BEGIN")
            try:
                said = _merge(conn, local_path, since, stdin)
                if said is None or "done" not in said:
                    conn.execute("ROLLBACK")
                    return said
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        _say(stdout, said)
        # OTHER's WAL into its file while the caller does the local store's
        conn.execute("PRAGMA main.wal_checkpoint(PASSIVE)")
    return None


def _merge(conn: Any, local_path: Path, since: list[str] | None, stdin: IO[str]
           ) -> dict[str, Any] | None:
    from studytui.store.sqlite_sync import copy_derived, mark_of
    from studytui.store.sync_attach import PEER, SYNC_CACHE_KIB

    if not _told(stdin).get("go"):
        return None  # the local side failed before it held OTHER's events
    conn.execute("UPDATE main.meta SET value = value WHERE 0")  # OTHER's write lock, now
    start = _last_rowid(conn, "main")
    # Pages spill to the WAL as the events go in, rather than all at the commit.
    conn.execute(f"PRAGMA cache_size = {SPILL_CACHE_KIB}")
    seen = _copy_from_before(conn, local_path, since)  # beside the local side's work
    conn.execute(f"PRAGMA cache_size = {SYNC_CACHE_KIB}")
    told = _told(stdin)
    if "local_mark" not in told:
        return None  # the local side failed (or the caller is gone): roll back
    local_mark = str(told["local_mark"])
    upto = int(local_mark.partition(":")[0] or 0)
    _copy_lacking(conn, seen, upto)  # what it received that OTHER lacks
    # OTHER holds every event the local store held at its mark: the same set if as many
    same = _count(conn, "main") == _count(conn, PEER, upto)
    # The same events: the same derived tables, copied whole (a replay of OTHER's
    # cards, which it needs otherwise, is the caller's: it has the scheduler).
    changed = copy_derived(conn, local_mark) if same else None
    if changed is None:
        return {"replay": True}  # the replay of OTHER's cards is the caller's
    return {"done": {"kinds": _kinds(conn, start), "changed": sorted(changed),
                     "same": same, "mark": mark_of(conn)}}


def _copy_from_before(conn: Any, local_path: Path, since: list[str] | None) -> int:
    """The local store's events OTHER lacks, as it stands now (before its
    transaction commits, if it has begun one), read through a connection of
    their own and written into OTHER's transaction; the rowid they go up to.
    Not through an attachment: OTHER's transaction would hold that read open
    to its end, and the local store's WAL could not be copied into its file
    (the caller does that while this process finishes)."""
    from studytui.store.backups import uri_of
    from studytui.store.sqlite_sync import marked_rowid
    from studytui.store.sync_attach import EVENT_COLUMNS

    have = {i for (i,) in conn.execute("SELECT id FROM main.event")}
    reader = sqlite3.connect(uri_of(local_path), uri=True, isolation_level=None)
    try:
        reader.execute("BEGIN")  # one snapshot: its last rowid and its rows
        # events up to both marks are shared while both hold; else every id is compared
        floor = 0
        if since is not None and marked_rowid(conn, since[1]) is not None:
            floor = marked_rowid(reader, since[0]) or 0
        seen = _last_rowid(reader, "main")
        rows = reader.execute(f"SELECT {EVENT_COLUMNS} FROM event WHERE rowid > ?"
                              " AND rowid <= ?", (floor, seen))
        conn.executemany(f"INSERT INTO main.event ({EVENT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
                         (row for row in rows if row[0] not in have))
        reader.execute("COMMIT")
    finally:
        reader.close()
    return seen


def _kinds(conn: Any, after: int) -> Counter[str]:
    """The kinds of the events OTHER got after rowid `after`."""
    return Counter(dict(conn.execute("SELECT kind, count(*) FROM main.event WHERE rowid > ?"
                                     " GROUP BY kind", (after,)).fetchall()))


def _told(stdin: IO[str]) -> dict[str, Any]:
    """The caller's next message; {} when it is gone."""
    line = stdin.readline()
    told = json.loads(line) if line.strip() else {}
    return told if isinstance(told, dict) else {}


def _last_rowid(conn: Any, schema: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {schema}.event").fetchone()[0])


def _count(conn: Any, schema: str, upto: int | None = None) -> int:
    where, args = ("", ()) if upto is None else (" WHERE rowid <= ?", (upto,))
    return int(conn.execute(f"SELECT count(*) FROM {schema}.event{where}", args).fetchone()[0])


def _copy_lacking(conn: Any, after: int, upto: int) -> None:
    """The events of the local store attached as PEER with rowids in
    (after, upto] that OTHER lacks, copied in one statement."""
    from studytui.store.sync_attach import EVENT_COLUMNS, PEER

    conn.execute(f"INSERT INTO main.event ({EVENT_COLUMNS}) SELECT {EVENT_COLUMNS}"
                 f" FROM {PEER}.event WHERE rowid > ? AND rowid <= ?"
                 " AND id NOT IN (SELECT id FROM main.event)", (after, upto))
