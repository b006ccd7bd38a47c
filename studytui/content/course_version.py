"""The course version: one hash of a deck's lecture files, the same on every
machine that holds the same files (names relative to the deck, not where it
lies), so a cohort's server can tell a student whose deck differs."""

from __future__ import annotations

import hashlib
from pathlib import Path

from studytui.files import MAX_LECTURE_BYTES, read_regular
from studytui.paths import content_files


def course_version(paths: list[Path] | None) -> str:
    """sha256 (first 16 hex digits) over each lecture file's name and bytes, in
    name order. Unreadable files raise as the loader's would (it reads them first)."""
    digest = hashlib.sha256()
    for path in sorted(content_files(paths), key=lambda p: p.name):
        data = read_regular(path, MAX_LECTURE_BYTES)
        digest.update(f"{path.name}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()[:16]
