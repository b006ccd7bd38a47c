"""What the command does with its own output when the terminal or the pipe
behind it misbehaves, and the one place its error lines are made safe.

- stdout a closed pipe (`studytui stats --json | head -1`): stop quietly,
  exit 141 as a tool killed by SIGPIPE would, no traceback.
- stdout a full or failing device (`> /dev/full`): one line on stderr, exit 2.
- an output encoding that cannot hold Korean (`PYTHONIOENCODING=ascii`, the C
  locale): characters it cannot hold print as `?` (JSON is written escaped
  instead, so it stays exact), never UnicodeEncodeError.
- every error line passes through `for_terminal`: an ESC in a file name or a
  key echoed from a lecture file is shown as `\\x1b`, never sent.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, TextIO

from studytui.printable import for_terminal, holds_korean

EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a tool ended by SIGPIPE
EXIT_USAGE = 2


class OutputFailed(Exception):
    """Writing the command's own output failed (the pipe closed, the disk filled)."""

    def __init__(self, cause: OSError):
        super().__init__(cause)
        self.cause = cause


class _GuardedStream:
    """stdout as it was, but a failed write is an OutputFailed, told apart
    from an OSError of the store or a content file."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise OutputFailed(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputFailed(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _tolerate_encoding(stream: Any) -> None:
    if not holds_korean(stream) and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="replace")


def error_line(message: str) -> None:
    """One line on stderr, made safe for the terminal."""
    sys.stderr.write(for_terminal(message, one_line=True) + "\n")


def _silence_stdout() -> None:
    # The interpreter flushes stdout at exit; pointed at /dev/null that flush
    # cannot fail again (Python's own advice for SIGPIPE).
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())  # type: ignore[union-attr]
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def run_guarded(command: Callable[[], int]) -> int:
    """Run `command` with stdout guarded; its exit status, or the status of
    the output's failure."""
    for stream in (sys.stdout, sys.stderr):
        _tolerate_encoding(stream)
    original = sys.stdout
    sys.stdout = _GuardedStream(original)  # type: ignore[assignment]
    try:
        status = command()
        sys.stdout.flush()
        return status
    except OutputFailed as failed:
        _silence_stdout()
        if isinstance(failed.cause, BrokenPipeError):
            return EXIT_BROKEN_PIPE
        reason = (failed.cause.strerror or str(failed.cause)).lower()
        from studytui.cli.argparse_words import spoken
        from studytui.words import say

        error_line("studytui: " + say("cli.cannot_write", spoken(), reason=reason))
        return EXIT_USAGE
    finally:
        sys.stdout = original
