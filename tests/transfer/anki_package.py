"""Anki packages made by the tests, in the current format: a schema-18
collection (notes, cards, decks, notetypes, with Anki's `unicase` collation),
zstd-compressed as `collection.anki21b`, with `meta` (protobuf: version 3) and
the dummy `collection.anki2` current Anki writes for older clients."""

from __future__ import annotations

import io
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import zstandard

SCHEMA_18 = """
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
  time integer NOT NULL, type integer NOT NULL);
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
"""


def _unicase(a: str, b: str) -> int:
    return (a.casefold() > b.casefold()) - (a.casefold() < b.casefold())


def collection(decks: dict[int, str], notes: list[tuple[int, str, list[str], str, int]]) -> bytes:
    """A schema-18 collection: decks {id: name with '::'}, notes (id, guid,
    fields, tags, deck id), one card each."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.db"
        conn = sqlite3.connect(path)
        conn.create_collation("unicase", _unicase)
        conn.executescript(SCHEMA_18)
        conn.execute("INSERT INTO col VALUES (1,0,0,0,18,0,0,0,'','','','','')")
        conn.execute("INSERT INTO notetypes VALUES (1, 'Basic', 0, 0, x'')")
        for did, name in decks.items():
            conn.execute("INSERT INTO decks VALUES (?, ?, 0, 0, x'', x'')",
                         (did, name.replace("::", "\x1f")))
        for nid, guid, fields, tags, did in notes:
            conn.execute("INSERT INTO notes VALUES (?,?,1,0,0,?,?,?,0,0,'')",
                         (nid, guid, f" {tags} ", "\x1f".join(fields), fields[0]))
            conn.execute("INSERT INTO cards VALUES (?,?,?,0,0,0,0,0,0,0,0,0,0,0,0,0,0,'')",
                         (nid, nid, did))
        conn.commit()
        conn.close()
        return path.read_bytes()


def apkg_latest(decks: dict[int, str], notes: list[tuple[int, str, list[str], str, int]],
                extra: dict[str, bytes] | None = None) -> bytes:
    """A current-format .apkg."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("meta", b"\x08\x03")  # PackageMetadata { version: LATEST }
        z.writestr("collection.anki21b", zstandard.ZstdCompressor().compress(
            collection(decks, notes)))
        z.writestr("collection.anki2", collection({1: "Default"}, [
            (1, "dummy", ["Please update to the latest Anki version", ""], "", 1)]))
        z.writestr("media", zstandard.ZstdCompressor().compress(b""))
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()
