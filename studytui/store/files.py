"""Files studytui makes for the learner: readable by the learner alone
(`private_dirs`, `private_file`: see studytui.paths), and why a folder cannot be made.
"""

from __future__ import annotations

from pathlib import Path

from studytui.paths import private_dirs, private_file

__all__ = ["first_blocker", "private_dirs", "private_file"]


def first_blocker(folder: Path) -> Path | None:
    """The nearest existing ancestor of `folder` (or itself) that is not a folder:
    why the folder cannot be made."""
    for level in [folder, *folder.parents]:
        if level.exists():
            return None if level.is_dir() else level
    return None
