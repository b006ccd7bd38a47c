"""An Anki package (.apkg) opened as Anki would, and nothing more: the zip is
untrusted, so no member is ever written under its own name (no path
traversal), every read is capped (a zip or zstd bomb stops at the cap), and
the collection is opened read-only with a bound on the work SQLite may do.

Current Anki writes `meta` (a protobuf holding the package version) and
`collection.anki21b`, a zstd-compressed SQLite collection of schema 18, with a
dummy `collection.anki2` beside it for old clients; older packages hold
`collection.anki21` or `collection.anki2` as plain SQLite. All keep notes in a
`notes` table of the same shape; deck names live in a `decks` table (schema
18, "\\x1f" between levels) or in the `col` row's JSON (older).
"""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_MEMBERS = 100_000
MAX_COLLECTION_BYTES = 512 * 1024 * 1024  # decompressed; a 50,000-note deck is far less
MAX_NOTES = 50_000
_MAX_SQLITE_STEPS = 20_000  # progress-handler calls of 10,000 VM steps each
_COLLECTIONS = {1: "collection.anki2", 2: "collection.anki21", 3: "collection.anki21b"}


class PackageProblem(Exception):
    """The package cannot be read; the message says why, in one line."""


@contextmanager
def open_collection(raw: bytes) -> Iterator[sqlite3.Connection]:
    """The package's collection as a read-only SQLite connection."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PackageProblem(f"not an Anki package (not a zip file: {exc})") from None
    if len(members) > MAX_MEMBERS:
        raise PackageProblem(f"{len(members)} files in the package: more than {MAX_MEMBERS}")
    names = {m.filename for m in members}
    version = _version(archive, names)
    name = _COLLECTIONS[version]
    if name not in names:
        raise PackageProblem(f"not an Anki package: no {name} inside")
    with tempfile.TemporaryDirectory(prefix="studytui-apkg-") as tmp:
        db = Path(tmp) / "collection.sqlite"
        with archive.open(name) as member, db.open("wb") as out:
            _copy(member, out, zstd=version == 3)
        conn = _connect(db)
        try:
            yield conn
        finally:
            conn.close()


def _version(archive: zipfile.ZipFile, names: set[str]) -> int:
    if "meta" not in names:
        return 2 if "collection.anki21" in names else 1
    data = _read_small(archive, "meta")
    version = _protobuf_field_1(data)
    if version not in _COLLECTIONS:
        raise PackageProblem("made by a newer Anki than studytui knows; export it again "
                             "with 'Support older Anki versions' ticked")
    return version


def _read_small(archive: zipfile.ZipFile, name: str, cap: int = 4096) -> bytes:
    with archive.open(name) as member:
        data = member.read(cap + 1)
    if len(data) > cap:
        raise PackageProblem(f"its '{name}' file is larger than {cap} bytes")
    return data


def _protobuf_field_1(data: bytes) -> int | None:
    """Field 1 of a protobuf message when it is a varint (PackageMetadata.version)."""
    i = 0
    while i < len(data):
        key, i = _varint(data, i)
        if key is None:
            return None
        if key & 7 == 0:
            value, i = _varint(data, i)
            if key >> 3 == 1:
                return value
        elif key & 7 == 2:
            length, i = _varint(data, i)
            i += length or 0
        else:
            return None
    return None


def _varint(data: bytes, i: int) -> tuple[int | None, int]:
    value = shift = 0
    while i < len(data) and shift < 64:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, i
        shift += 7
    return None, len(data)


def _copy(member: io.BufferedIOBase, out: io.BufferedIOBase, zstd: bool) -> None:
    source: io.BufferedIOBase = member
    errors: tuple[type[BaseException], ...] = (zipfile.BadZipFile, OSError, EOFError)
    if zstd:
        import zstandard  # only for a current-format package

        source = zstandard.ZstdDecompressor().stream_reader(member, read_across_frames=True)
        errors = (*errors, zstandard.ZstdError)
    total = 0
    try:
        while chunk := source.read(1 << 20):
            total += len(chunk)
            if total > MAX_COLLECTION_BYTES:
                raise PackageProblem(f"its collection unpacks to more than "
                                     f"{MAX_COLLECTION_BYTES // (1024 * 1024)} MiB")
            out.write(chunk)
    except errors as exc:
        raise PackageProblem(f"damaged package: the collection does not unpack ({exc})") from None


def _connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro&immutable=1", uri=True)
    # A collection is untrusted SQL: no functions from its schema, and a bound
    # on the steps any query may take (a crafted view could loop for ever).
    conn.execute("PRAGMA trusted_schema = OFF")
    steps = [0]

    def budget() -> int:
        steps[0] += 1
        return int(steps[0] > _MAX_SQLITE_STEPS)

    conn.set_progress_handler(budget, 10_000)
    # Anki's own collation for names; sorting by it must not fail here.
    conn.create_collation("unicase", lambda a, b: (a.casefold() > b.casefold())
                          - (a.casefold() < b.casefold()))
    return conn


@dataclass
class Collection:
    decks: dict[int, str]  # deck id -> name, levels joined by "::"
    note_types: dict[int, tuple[str, list[str]]]  # id -> (name, field names in order)
    notes: list[tuple[Any, ...]]  # (note id, guid, fields, tags, deck id, note type id)


def read_notes(conn: sqlite3.Connection) -> Collection:
    """The collection's decks, note types and notes (in note order)."""
    try:
        tables = {name: kind for name, kind in conn.execute(
            "SELECT name, type FROM sqlite_master"
            " WHERE name IN ('notes', 'cards', 'decks', 'notetypes', 'fields', 'col')")}
        if tables.get("notes") != "table" or tables.get("cards") != "table":
            raise PackageProblem("not an Anki collection: no notes table")
        (count,) = conn.execute("SELECT COUNT(*) FROM notes").fetchone()
        if count > MAX_NOTES:
            raise PackageProblem(f"{count} notes: more than {MAX_NOTES} in one import")
        # A note's deck is its first card's. Read in one pass each, joined here:
        # a collection without Anki's index on cards.nid stays linear.
        deck_of: dict[int, tuple[int, int]] = {}
        for nid, did, ord_ in conn.execute("SELECT nid, did, ord FROM cards"):
            if nid not in deck_of or ord_ < deck_of[nid][1]:
                deck_of[nid] = (did, ord_)
        notes = [(nid, guid, flds, tags, deck_of.get(nid, (None, 0))[0], mid)
                 for nid, guid, flds, tags, mid in conn.execute(
                     "SELECT id, guid, flds, tags, mid FROM notes ORDER BY id")]
        return Collection(_decks(conn, tables), _note_types(conn, tables), notes)
    except sqlite3.DatabaseError as exc:
        raise PackageProblem(f"not a readable Anki collection ({exc})") from None


def _col_json(conn: sqlite3.Connection, tables: dict[str, str], column: str) -> dict:
    """A JSON column of the older format's one `col` row ({} when absent or bad)."""
    if tables.get("col") != "table":
        return {}
    row = conn.execute(f"SELECT {column} FROM col").fetchone()
    try:
        found = json.loads(row[0]) if row and row[0] else {}
    except (ValueError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}


def _decks(conn: sqlite3.Connection, tables: dict[str, str]) -> dict[int, str]:
    if tables.get("decks") == "table":
        return {int(i): str(n).replace("\x1f", "::")
                for i, n in conn.execute("SELECT id, name FROM decks")}
    found = _col_json(conn, tables, "decks")
    return {int(k): str(v.get("name", k)) for k, v in found.items()
            if isinstance(v, dict) and str(k).lstrip("-").isdigit()}


def _note_types(conn: sqlite3.Connection,
                tables: dict[str, str]) -> dict[int, tuple[str, list[str]]]:
    if tables.get("notetypes") == "table" and tables.get("fields") == "table":
        types: dict[int, tuple[str, list[str]]] = {
            int(i): (str(n), []) for i, n in conn.execute("SELECT id, name FROM notetypes")}
        for ntid, name in conn.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
            if ntid in types:
                types[ntid][1].append(str(name))
        return types
    found = _col_json(conn, tables, "models")
    return {int(k): (str(v.get("name", "")),
                     [str(f.get("name", "")) for f in v.get("flds", []) if isinstance(f, dict)])
            for k, v in found.items()
            if isinstance(v, dict) and str(k).lstrip("-").isdigit()
            and isinstance(v.get("flds", []), list)}
