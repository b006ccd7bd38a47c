"""The one place the import and export commands read a learner's file.

A source file is untrusted: it may be a FIFO, a device, or a file that grows
while it is read. The core's safe reader (`studytui.files.read_regular`)
handles all of that; this adds the caps that suit a source file and says a
missing file in the same one-line form.
"""

from __future__ import annotations

from pathlib import Path

from studytui.errors import Said, UserError
from studytui.files import os_reason, read_regular

TEXT_LIMIT = 20 * 1024 * 1024  # a CSV or Markdown source: far above any course
PACKAGE_LIMIT = 256 * 1024 * 1024  # an .apkg with its media; the notes are a small part


def read_source(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, or a UserError that names it."""
    try:
        return read_regular(path, limit)
    except FileNotFoundError as exc:
        raise UserError(Said("content.cannot_read", path=path, reason=os_reason(exc))) from None
