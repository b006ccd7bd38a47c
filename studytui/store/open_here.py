"""Which store files this process has open, so a second connection to one of
them skips the opening checks that read its files with plain `open()`.

POSIX record locks belong to a process, not to a file descriptor: closing ANY
descriptor of a file drops every lock the process holds on it (fcntl(2)),
those SQLite took for its connection included. Reading an open store's header
(or its -shm index) from Python, as the opening checks do, and closing the file
again, would leave the first connection unlocked: another studytui closing the
store would then take itself for its last user, checkpoint and delete the
write-ahead log from under this one, and every later rating would go to a
deleted file. The file was checked when it was first opened, and SQLite shares
its own locks between connections of one process safely, so the second
connection needs no check of its own.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_open: dict[tuple[int, int], int] = {}  # (device, inode) -> connections open in this process
_guard = threading.Lock()  # the app's backup thread opens and closes one too


def _key(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)  # stat opens nothing: no lock is dropped
    except OSError:
        return None
    return st.st_dev, st.st_ino


def open_here(path: Path) -> bool:
    """Whether this process has a connection to the store file at `path`."""
    key = _key(path)
    with _guard:
        return key is not None and _open.get(key, 0) > 0


def opened(path: Path) -> tuple[int, int] | None:
    """Count a connection to `path` (call once it exists); the key for `closed`."""
    key = _key(path)
    if key is not None:
        with _guard:
            _open[key] = _open.get(key, 0) + 1
    return key


def closed(key: tuple[int, int] | None) -> None:
    if key is None:
        return
    with _guard:
        left = _open.get(key, 0) - 1
        if left > 0:
            _open[key] = left
        else:
            _open.pop(key, None)
