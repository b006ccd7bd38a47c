"""The one place the import and export commands read a learner's file.

A source file is untrusted: it may be a FIFO (opening it would block until a
writer comes), a device, or a file that grows while it is read. So it is
opened without blocking, must be a regular file, and is read up to a cap
plus one byte: a file past the cap is refused however it got there. When
the core's shared safe reader lands, this function becomes a call to it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from studytui.errors import UserError

TEXT_LIMIT = 20 * 1024 * 1024  # a CSV or Markdown source: far above any course
PACKAGE_LIMIT = 256 * 1024 * 1024  # an .apkg with its media; the notes are a small part


def read_source(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, or a UserError that names it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UserError(f"{path}: not a regular file")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise UserError(f"{path}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise UserError(f"{path}: larger than {limit // (1024 * 1024)} MiB")
    return b"".join(chunks)
