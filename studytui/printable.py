"""Text made safe to print, and the check that refuses unsafe content text.

Anything that did not come from studytui itself (a lecture file's text, a file
name, a key echoed in an error, a value read back from the store, an argument
the user typed) may hold control characters: ESC starts a sequence that can
retitle the window, recolour the terminal or write to the clipboard, CSI
(U+009B) does the same in one byte, CR moves the cursor back over what was
printed. `for_terminal` is the one function every print path runs its text
through; content itself refuses them at load time (`control_characters`).
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls (but tab and newline), DEL, C1 controls, and the bidi overrides
# and isolates that reorder a line on screen (a file name shown backwards).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# In content, tab and newline are text (a definition may have paragraphs).
CONTENT_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A run of digits this long is no number a person reads: `--count 9999…`.
_LONG_DIGITS = re.compile(r"\d{40,}")
_NAMES = {0x1B: "ESC", 0x07: "BEL", 0x0D: "CR", 0x08: "BS", 0x00: "NUL", 0x7F: "DEL",
          0x9B: "CSI", 0x9D: "OSC", 0x85: "NEL", 0x0B: "VT", 0x0C: "FF"}


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shorten_digits(text: str) -> str:
    """'99999…(4301 digits)' for every run of 40 digits or more."""
    return _LONG_DIGITS.sub(lambda m: f"{m.group(0)[:5]}…({len(m.group(0))} digits)", text)


def for_terminal(text: str, one_line: bool = False) -> str:
    """`text` with every control character shown as an escape (`\\x1b`), never
    sent, and huge numbers shortened. `one_line` escapes newline and tab too,
    for a message that must stay one line."""
    pattern = _UNSAFE_ONE_LINE if one_line else _UNSAFE
    return shorten_digits(pattern.sub(_escape, text))


def describe(char: str) -> str:
    """'U+001B (ESC)': a character named so an author can find it."""
    code = ord(char)
    name = _NAMES.get(code) or unicodedata.name(char, "")
    return f"U+{code:04X}" + (f" ({name})" if name else "")


def control_character(text: str) -> str | None:
    """The first control character content may not hold, or None."""
    found = CONTENT_CONTROLS.search(text)
    return found.group(0) if found else None


# Characters that draw nothing: format characters (zero-width space and
# joiners, BOM, bidi marks), combining marks with nothing to combine with,
# spaces, and letters that are blank by design (the Hangul fillers, the
# braille blank).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Cs"})


def is_invisible(text: str) -> bool:
    """True when nothing of `text` would show on screen (empty included)."""
    return all(
        ch.isspace() or ch in _BLANK_LETTERS
        or unicodedata.category(ch) in _INVISIBLE_CATEGORIES
        or 0xE0000 <= ord(ch) <= 0xE0FFF  # tag characters and variation selectors
        or 0xFE00 <= ord(ch) <= 0xFE0F
        for ch in text
    )


def holds_korean(stream: object) -> bool:
    """Whether text written to `stream` can hold Korean (not so under
    PYTHONIOENCODING=ascii or the C locale)."""
    try:
        "한".encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True
