"""Errors a user can fix, each shown as one line that says where."""

from __future__ import annotations

from dataclasses import dataclass


class Said:
    """A message as a catalogue key and its values, put into words where it is
    shown, in the learner's language: the core raises it without knowing that
    language. A value may itself be a Said (a reason inside a sentence)."""

    def __init__(self, key: str, /, **values: object):
        self.key, self.values = key, values

    def text(self, lang: str) -> str:
        from studytui.words import pick, say

        if lang == "both":  # each language whole, the reasons inside it in that language
            return pick(lang, self.text("ko"), self.text("en"))
        return say(self.key, lang, **{k: v.text(lang) if isinstance(v, Said) else v
                                      for k, v in self.values.items()})

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Said({self.key!r}, {self.values!r})"


def in_words(message: str | Said, lang: str) -> str:
    """A line that may be a Said, in the learner's language."""
    return message.text(lang) if isinstance(message, Said) else str(message)


class UserError(Exception):
    """A problem with the user's input or environment: shown as one line on
    stderr, exit status 2, never a traceback. Raised with a Said, it is shown
    in the learner's language (`text`); `str()` is the English."""

    def __init__(self, message: str | Said = ""):
        self.said = message if isinstance(message, Said) else None
        super().__init__(str(message))

    def text(self, lang: str) -> str:
        return self.said.text(lang) if self.said else str(self)

    @property
    def message(self) -> str | Said:
        """The message as raised: a Said to put into words where it is shown, or text."""
        return self.said or str(self)


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
