"""Files studytui makes for the learner: readable by the learner alone.

Folders studytui creates are 0700 and files 0600 (the umask can only tighten
that). A folder that already exists is the user's own and is never chmod-ed.
"""

from __future__ import annotations

import os
from pathlib import Path


def private_dirs(folder: Path) -> None:
    """Create `folder` and any missing parents, each 0700; existing ones are left as they are."""
    missing: list[Path] = []
    for level in [folder, *folder.parents]:
        if level.exists() or level.is_symlink():
            break
        missing.append(level)
    for level in reversed(missing):
        try:
            level.mkdir(mode=0o700)
        except FileExistsError:
            pass  # made meanwhile by another process: theirs stands


def private_file(path: Path) -> bool:
    """Create `path` empty and 0600 unless it exists; True when it was created."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def first_blocker(folder: Path) -> Path | None:
    """The nearest existing ancestor of `folder` (or itself) that is not a folder:
    why the folder cannot be made."""
    for level in [folder, *folder.parents]:
        if level.exists():
            return None if level.is_dir() else level
    return None
