"""Who has a store open: an advisory lock on `<store>.lock` beside it.

Every open Store holds it shared; `doctor --restore` needs it exclusive, so it
can never replace a store under a running studytui (whose next ratings would
go to a file that is no longer the store). flock is released by the kernel when
a process dies, so a killed app leaves no stale lock. SQLite's own locks are
POSIX record locks on the store file, separate from this one: the lock file
exists so our opening and closing of a file never drops SQLite's locks.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; the store opens without this guard there
    fcntl = None  # type: ignore[assignment]


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class StoreLock:
    def __init__(self, db_path: Path) -> None:
        self.path = lock_path(db_path)
        self._fd: int | None = None

    def _take(self, how: int) -> bool:
        if fcntl is None:
            return True
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._fd, how | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def shared(self) -> bool:
        """Held by every open store; False while a restore holds it exclusively."""
        return self._take(fcntl.LOCK_SH if fcntl else 0)

    def exclusive(self) -> bool:
        """False while any studytui (this process included) has the store open."""
        return self._take(fcntl.LOCK_EX if fcntl else 0)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock
            self._fd = None
