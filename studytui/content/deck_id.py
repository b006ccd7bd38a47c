"""Which deck a content folder is: the id its reviews and its Anki notes hang on.

The bundled course is "bundled". A learner's deck made by `studytui init` or
`studytui import` carries its id in `deck.toml` beside its lectures, so the
folder can be moved or renamed and keeps its history. A folder without that
file (made by hand) gets an id from its resolved path, which is stable as long
as the folder stays where it is.

`deck_id_of` is the one function that answers this, for the store (whose
reviews are keyed by deck id), the Anki export (whose note GUIDs hang on it)
and the review export alike. A `deck.toml` that is there but unreadable or
malformed is an error, never a silent fall-back to a new id: that would start
the learner's history afresh.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from pathlib import Path

from studytui.errors import Said, UserError
from studytui.files import read_regular
from studytui.paths import bundled_content_dir

# The same constant as the store's BUNDLED_DECK (a test holds them equal): the
# store may not import content, and this wing may not import the store.
BUNDLED = "studytui-bundled"
DECK_FILE = "deck.toml"
_ID_LINE = re.compile(r'^id\s*=\s*"([a-z0-9][a-z0-9-]{0,62})"\s*$', re.MULTILINE)


def deck_id_of(content: Path | None) -> str:
    """The deck id of `--content` (None: the bundled deck). A file stands for
    the folder it is in."""
    if content is None:
        return BUNDLED
    folder = content if content.is_dir() else content.parent
    folder = folder.resolve()
    if folder == bundled_content_dir().resolve():
        return BUNDLED
    found = _read_id(folder / DECK_FILE)
    if found:
        return found
    return "dir-" + hashlib.sha256(str(folder).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _read_id(path: Path) -> str | None:
    """The id in `path`, None where there is no such file, else a UserError."""
    try:
        text = read_regular(path, 4096).decode("utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise UserError(Said("content.deck_id_not_utf8", path=path)) from None
    match = _ID_LINE.search(text)
    if match is None:
        raise UserError(Said("content.no_deck_id", path=path))
    return match.group(1)


def ensure_deck_file(folder: Path) -> str:
    """The deck id of `folder`, writing a new `deck.toml` when it has none.
    An existing id is never changed: the learner's history hangs on it."""
    found = _read_id(folder / DECK_FILE)
    if found:
        return found
    new = "deck-" + secrets.token_hex(8)
    (folder / DECK_FILE).write_text(
        "# studytui deck. Reviews of this deck are kept under this id: keep it when\n"
        "# you copy or move the folder, and never give two decks the same one.\n"
        f'id = "{new}"\n',
        encoding="utf-8",
    )
    return new
