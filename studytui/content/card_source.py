"""Where a card is written: its lecture file and line, for a learner who wants
to fix a typo or add a note. Found only when asked (the loader keeps no
positions for a valid deck): the files of the deck are read again, and the
one whose `cards` list holds the id is parsed with positions.

The bundled deck is installed with studytui and must never be edited in
place (an upgrade would overwrite it, and it may be read-only): for its cards
`CardSource.bundled` is set and the caller says how to make an editable copy
that keeps the learner's history (`copy_commands`).
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from studytui.content.deck_id import BUNDLED, DECK_FILE
from studytui.content.yaml_reader import YamlProblem, decode, parse
from studytui.files import MAX_LECTURE_BYTES, UnreadableFile, read_regular
from studytui.paths import bundled_content_dir, content_files, display_path


@dataclass(frozen=True)
class CardSource:
    path: str  # as the learner would type it (display_path)
    line: int
    bundled: bool

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def is_bundled(content: Path | None) -> bool:
    if content is None:
        return True
    folder = content if content.is_dir() else content.parent
    return folder.resolve() == bundled_content_dir().resolve()


def find_card(card_id: str, content: Path | None) -> CardSource | None:
    """The file and line of the card `card_id` in the deck at `content` (None:
    the bundled deck); None when no file holds it any more (edited since)."""
    for path in content_files(None if content is None else [content]):
        try:
            text = decode(read_regular(path, MAX_LECTURE_BYTES))
        except (UnreadableFile, OSError, YamlProblem):
            continue
        if card_id not in text:  # most files: no parse at all
            continue
        try:
            data, positions = parse(text, positions=True)
        except YamlProblem:
            continue
        cards = data.get("cards") if isinstance(data, dict) else None
        for index, card in enumerate(cards if isinstance(cards, list) else []):
            if isinstance(card, dict) and card.get("id") == card_id:
                line, _ = positions.of_value(("cards", index))
                return CardSource(display_path(path), line, is_bundled(content))
    return None


def copy_commands(target: str = "~/studytui-deck") -> list[str]:
    """Shell commands that copy the bundled deck to `target` for editing, with a
    deck file naming it the bundled deck, so its review history comes along."""
    source = shlex.quote(str(bundled_content_dir()))
    return [f"cp -r {source} {target}",
            f"echo 'id = \"{BUNDLED}\"' > {target}/{DECK_FILE}",
            f"studytui --content {target}"]
