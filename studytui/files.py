"""The one way studytui reads a file it did not write: lecture files, the
config file, and every later import.

Only a regular file is read. The file is opened with O_NONBLOCK, so a FIFO
(named pipe) in a content folder cannot block the open, and checked with
fstat after opening, so a symlink to /dev/zero or a device is refused by
what it is, not by its name. The size cap is enforced while reading, never
trusted from st_size (which is 0 for /dev/zero and can change under us).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from studytui.errors import UserError

_CHUNK = 1 << 20
# Far above any lecture file (the largest bundled one is under 100 KiB); keeps
# a stray file from eating memory.
MAX_LECTURE_BYTES = 20 * 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnreadableFile(UserError):
    """A file that cannot be read; `reason` says why in a few words."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def size_text(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit // 1024} KiB"


def os_reason(exc: OSError) -> str:
    """An OSError said plainly, without the path (the caller names it)."""
    if exc.errno == errno.ENAMETOOLONG:
        return "the path or a name in it is too long for the file system"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: you cannot read it"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links"
    return (exc.strerror or str(exc)).lower()


def _refuse_unless_regular(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise UnreadableFile(path, f"is {kind}, not a regular file")


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them, or
    UnreadableFile (FileNotFoundError passes through, for callers for whom a
    missing file means 'use the defaults')."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        if isinstance(exc, ValueError):
            raise UnreadableFile(path, "the path holds a NUL byte") from None
        try:  # a socket or a terminal-less /dev/tty fails to open: say what it is
            _refuse_unless_regular(path, os.stat(path).st_mode)
        except OSError:
            pass
        raise UnreadableFile(path, os_reason(exc)) from None
    try:
        _refuse_unless_regular(path, os.fstat(fd).st_mode)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > limit:
                raise UnreadableFile(path, f"larger than {size_text(limit)}")
            chunks.append(chunk)
    except OSError as exc:  # EISDIR and the like on read
        raise UnreadableFile(path, os_reason(exc)) from None
    finally:
        os.close(fd)
