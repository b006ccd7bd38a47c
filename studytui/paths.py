"""Where things live: the bundled content and the learner's own files.

Computes paths and creates nothing (the store creates its folder when it
opens), so importing or asking never touches the disk; `private_dirs` and
`private_file` are how studytui creates what it keeps for the learner: folders
0700, files 0600 (the umask can only tighten that), and a folder that already
exists is the user's own and is never chmod-ed.
"""

from __future__ import annotations

import os
import stat
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


#: A --db value (or $STUDYTUI_DB) that names a PostgreSQL server, not a file.
STORE_URL_SCHEMES = ("postgresql://", "postgres://")


def is_store_url(where: object) -> bool:
    return isinstance(where, str) and where.startswith(STORE_URL_SCHEMES)


def default_db_path() -> Path | str:
    """$STUDYTUI_DB (a file, or a postgresql:// URL), else the review store in
    the per-user data folder."""
    env = os.environ.get(DB_ENV)
    if is_store_url(env):
        return str(env)
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


def is_lecture_name(name: str) -> bool:
    """A name a folder's lecture file may have. Any case of .yaml/.yml counts
    (an editor on a case-insensitive disk saves `A.YAML`). Side files do not:
    hidden files, which include editor locks (`.#a.yaml`) and macOS resource
    forks (`._a.yaml`), and backups (`a.yaml~`, which the suffix already
    excludes, and `#a.yaml#`)."""
    if name.startswith((".", "#", "~")) or name.endswith("~"):
        return False
    return os.path.splitext(name)[1].lower() in CONTENT_SUFFIXES


def content_files(paths: Iterable[Path] | None) -> list[Path]:
    """The lecture files named (the bundled deck when None), folders expanded
    to their lecture files (see `is_lecture_name`). A path named directly is
    taken whatever its name; the reader refuses it if it is not a regular file."""
    from studytui.files import os_reason

    files: list[Path] = []
    for path in [bundled_content_dir()] if paths is None else paths:
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
            if is_dir:
                names = sorted(entry.name for entry in os.scandir(path))
        except (OSError, ValueError) as exc:
            reason = os_reason(exc) if isinstance(exc, OSError) else "the path holds a NUL byte"
            raise ContentError([ContentIssue(display_path(path), 0, 0, reason)]) from None
        if is_dir:
            files.extend(path / name for name in names if is_lecture_name(name))
        else:
            files.append(path)
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
