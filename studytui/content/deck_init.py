"""`studytui init DIR`: a new deck, ready for `--content DIR`.

Writes the commented example lecture, a copy of the lecture schema that its
first line points at (so editors complete and check the file) and `deck.toml`
with the deck's own id. A folder that already holds anything is refused:
`init` is for a new deck. With `force`, the example and the schema are
written into it anyway (replacing earlier copies), but an existing deck id is
kept, since the deck's history hangs on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studytui.content.deck_id import ensure_deck_file
from studytui.content.deck_writer import SCHEMA_FILE, write_schema
from studytui.content.example_lecture import EXAMPLE, EXAMPLE_FILE
from studytui.errors import Said, UserError
from studytui.paths import display_path


@dataclass(frozen=True)
class NewDeck:
    deck_id: str
    files: list[Path]


def init_deck(folder: Path, force: bool = False) -> NewDeck:
    if folder.exists() and not folder.is_dir():
        raise UserError(Said("content.not_a_folder", path=display_path(folder)))
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise UserError(Said("content.folder_not_empty", path=display_path(folder)))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / EXAMPLE_FILE).write_text(EXAMPLE, encoding="utf-8")
    write_schema(folder)
    deck_id = ensure_deck_file(folder)
    return NewDeck(deck_id, [folder / EXAMPLE_FILE, folder / SCHEMA_FILE, folder / "deck.toml"])
