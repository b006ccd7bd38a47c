"""Which deck a store's reviews belong to: a deck id, derived from the content named.

- The bundled deck is `BUNDLED_DECK`, a constant: the same on every install,
  version and machine, wherever the package lives.
- A learner's own deck (`--content DIR`) takes the id written in `DIR/deck.id`
  (one line: letters, digits, `.`, `_`, `-`; at most 64): it stays the deck's
  id when the folder moves or is copied to another computer.
- Without that file, the id is made from the folder's absolute path
  (`folder-` + 16 hex digits of its SHA-256): stable while the folder stays
  where it is. Moving it starts a fresh history (the old one stays in the
  store, listed by `doctor` as orphaned); write a `deck.id` to avoid that.

Either way a learner's `adam` never shares history with the bundled `adam`.
"""

from __future__ import annotations

import hashlib
import re
import stat
from pathlib import Path

from studytui.errors import UserError
from studytui.paths import bundled_content_dir
from studytui.store.schema_v3 import BUNDLED_DECK

DECK_ID_FILE = "deck.id"
_VALID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_MAX_READ = 4096


def deck_id_for(content: Path | None) -> str:
    """The deck id of the content at `content` (a folder or one lecture file);
    None is the bundled deck."""
    if content is None:
        return BUNDLED_DECK
    path = Path(content).expanduser().absolute()
    folder = path if path.is_dir() else path.parent
    if folder.resolve() == bundled_content_dir().resolve():
        return BUNDLED_DECK
    id_file = folder / DECK_ID_FILE
    if id_file.exists():
        return _read_id(id_file)
    return "folder-" + hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")
                                      ).hexdigest()[:16]


def _read_id(id_file: Path) -> str:
    where = f"{id_file}:1:1"
    try:
        if not stat.S_ISREG(id_file.stat().st_mode):
            raise UserError(f"{where}: {DECK_ID_FILE} is not a regular file")
        with open(id_file, "rb") as f:
            raw = f.read(_MAX_READ)
    except OSError as exc:
        raise UserError(f"{where}: cannot read the deck id ({exc.strerror})") from None
    text = raw.decode("utf-8", "replace").strip()
    if not _VALID.fullmatch(text) or text == BUNDLED_DECK:
        raise UserError(f"{where}: a deck id is one line of 1-64 letters, digits, '.', '_' "
                        f"or '-' (and not {BUNDLED_DECK!r})")
    return text
