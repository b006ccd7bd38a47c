"""A cache of validated lectures, keyed on the exact bytes of the files.

Start-up must cost little more than Textual itself, and YAML parsing plus
validation is most of what studytui adds. So once a deck has validated, its
lectures are pickled under a key made of studytui's version and every file's
name and bytes. A changed, added or removed file changes the key, so the deck
is parsed and validated again: a cache hit can only return what the same
bytes produced before.

The pickle holds only what studytui itself built from validated data, and
lives in the user's own cache folder; a cache file that fails to load in any
way is ignored and rebuilt. `studytui validate` never reads it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from studytui import __version__
from studytui.content.deck import Deck
from studytui.content.model import Lecture
from studytui.files import MAX_LECTURE_BYTES, UnreadableFile, read_regular
from studytui.paths import content_files

MAX_CACHE_BYTES = 512 * 1024 * 1024  # a 10,000-card deck pickles to a few MB
KEEP = 4  # decks cached at once: the bundled one and a few of the learner's own


def cache_key(files: list[Path]) -> str | None:
    """sha256 over version, names and bytes; None when a file cannot be read
    (the loader then reports it)."""
    digest = hashlib.sha256(__version__.encode())
    try:
        for path in files:  # the safe reader: a FIFO or /dev/zero must not hang start-up
            data = read_regular(path, MAX_LECTURE_BYTES)
            digest.update(f"\0{path.resolve()}\0{len(data)}\0".encode())
            digest.update(data)
    except (OSError, UnreadableFile):
        return None
    return digest.hexdigest()


def cache_file(key: str) -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("studytui", appauthor=False)) / "decks" / f"{key}.pickle"


def read(key: str) -> list[Lecture] | None:
    try:  # the safe reader too: a FIFO put where the cache file goes must not hang start-up
        lectures = pickle.loads(read_regular(cache_file(key), MAX_CACHE_BYTES))
    except Exception:  # missing, truncated, from another version: rebuild it
        return None
    if isinstance(lectures, list) and all(isinstance(x, Lecture) for x in lectures):
        return lectures
    return None


def write(key: str, lectures: list[Lecture]) -> None:
    """Best effort: a cache that cannot be written only costs speed."""
    target = cache_file(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(lectures, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)  # atomic: readers never see half a file
        kept = sorted(target.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in kept[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def load_deck_cached(paths: list[Path] | None = None) -> Deck:
    """The deck the app studies: from the cache when its files are unchanged,
    else loaded and validated (the loader, and YAML, imported only then)."""
    files = content_files(paths)
    key = cache_key(files) if files else None
    lectures = read(key) if key else None
    if lectures is not None:
        return Deck.of(lectures)
    from studytui.content.loader import load_files

    deck = load_files(files) if files else _no_files(paths)
    if key:
        write(key, list(deck.lectures))
    return deck


def _no_files(paths: list[Path] | None) -> Deck:
    from studytui.content.loader import load_deck

    return load_deck(paths)  # raises the loader's "no lecture files" error
