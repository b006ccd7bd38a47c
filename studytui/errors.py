"""Errors a user can fix, each shown as one line that says where."""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """A problem with the user's input or environment: shown as one line on
    stderr, exit status 2, never a traceback."""


@dataclass(frozen=True)
class ContentIssue:
    """One mistake in a content file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str
    field: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ContentError(UserError):
    """Every mistake found in the content, not just the first."""

    def __init__(self, issues: list[ContentIssue]):
        self.issues = sorted(issues, key=lambda i: (i.path, i.line, i.column))
        super().__init__("\n".join(str(i) for i in self.issues))
