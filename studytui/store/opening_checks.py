"""Whether the files at a store's path can be opened as a store, asked before
SQLite touches them (SQLite would take an empty or foreign file as its own)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from studytui.errors import Said
from studytui.store.errors import corrupt_message, header_problem, wal_problem


def _file_problem(path: Path) -> Said | None:
    """Why the files at `path` cannot be opened as a store, read from the files alone."""
    problem = header_problem(path)
    if problem and not (problem.key == "store.empty" and _may_start_empty(path)):
        return corrupt_message(path, problem)
    return None if problem else wal_problem(path)


def settled_problem(path: Path, tries: int = 4, pause: float = 0.05) -> Said | None:
    """`_file_problem`, asked again a few times before it is believed: another
    studytui creating, checkpointing or closing the same store changes its files
    for a few milliseconds (a -wal appears or goes, the header is written), and
    a file read mid-change must not be called damaged. A real fault persists."""
    for attempt in range(tries):
        problem = _file_problem(path)
        if problem is None or attempt == tries - 1:
            return problem
        time.sleep(pause * (attempt + 1))
    return None


def _may_start_empty(path: Path) -> bool:
    """An empty file is a fresh store when it has no backups (otherwise it may be a
    store truncated to nothing, and treating it as new would bury the backups), or
    when it has a write-ahead log: in WAL mode a store's first pages live in the log
    until a checkpoint, so another studytui creating or using it shows exactly this."""
    from studytui.store.backups import list_backups

    return os.path.exists(str(path) + "-wal") or not list_backups(path)
