"""Where things live: the bundled content and the learner's own files.

Computes paths and creates nothing (the store creates its folder when it
opens), so importing or asking never touches the disk; `private_dirs` and
`private_file` are how studytui creates what it keeps for the learner: folders
0700, files 0600 (the umask can only tighten that), and a folder that already
exists is the user's own and is never chmod-ed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from studytui.errors import ContentError, ContentIssue

APP_NAME = "studytui"
DB_ENV = "STUDYTUI_DB"

_PACKAGE = Path(__file__).resolve().parent
CONTENT_SUFFIXES = (".yaml", ".yml")


def bundled_content_dir() -> Path:
    """The lecture files shipped with studytui: inside the wheel they sit in the
    package (see pyproject's force-include); in a source checkout, beside it."""
    inside = _PACKAGE / "_bundled_content"
    return inside if inside.is_dir() else _PACKAGE.parent / "content"


def default_db_path() -> Path:
    """$STUDYTUI_DB, else the review store in the per-user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # only when no path was given

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "reviews.db"


def default_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def display_path(path: Path) -> str:
    """The path as the author knows it: relative to the working directory when
    it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def content_files(paths: Iterable[Path] | None) -> list[Path]:
    """The lecture files named (the bundled deck when None), folders expanded
    to their *.yaml files."""
    files: list[Path] = []
    for path in [bundled_content_dir()] if paths is None else paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in CONTENT_SUFFIXES))
        elif path.exists():
            files.append(path)
        else:
            raise ContentError([ContentIssue(display_path(path), 0, 0, "no such file or folder")])
    return files


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
