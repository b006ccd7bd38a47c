"""One catalogue of interface words, in Korean and English.

Every label, header, key description, notice and error that studytui shows
(TUI, CLI and demos alike) is looked up here by a dotted key, in the learner's
language: `say("common.lecture", "ko")` -> "강의". `both` shows Korean, then
English. Content (terms, definitions) carries its own two languages and does
not come from here.

Entries live in the modules of this package, one per area (`home.py`,
`review.py`, `demos.py`, ...), each a `WORDS` dict of key -> (ko, en). The
areas are found by name, so a new screen adds a module without editing a list
here; a key defined twice, or an entry missing a language, is an error at
load (and a test loads them all). Placeholders are `str.format` fields, the
same in both languages: `say(key, lang, n=3)`. An English count takes its
noun in the field's spec, so one reads "1 lecture" and nine "9 lectures":
`{n:~lecture}`, or `{n:~child/children}` for an irregular plural.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from functools import cache

LANGS = ("ko", "en", "both")
BOTH_SEP = " · "


class CatalogueError(Exception):
    """A catalogue entry is malformed: a developer's mistake, caught by tests."""


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """Every entry of every area module, checked once."""
    words: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, entry in getattr(module, "WORDS", {}).items():
            if key in words:
                raise CatalogueError(f"{info.name}.py: {key!r} is defined twice")
            if (not isinstance(entry, tuple) or len(entry) != 2
                    or not all(isinstance(s, str) and s for s in entry)):
                raise CatalogueError(f"{info.name}.py: {key!r} needs (ko, en), both non-empty")
            words[key] = entry
    return words


class _Counts(string.Formatter):
    """str.format with one more spec: `{n:~noun}` or `{n:~noun/nouns}` is the
    count and its noun, singular for exactly 1."""

    def format_field(self, value: object, format_spec: str) -> str:
        if not format_spec.startswith("~"):
            return super().format_field(value, format_spec)
        singular, _, plural = format_spec[1:].partition("/")
        one = value == 1 or value == "1"  # a count may come formatted already
        return f"{value} {singular if one else plural or singular + 's'}"


_COUNTS = _Counts()


def say(key: str, lang: str, /, sep: str = BOTH_SEP, **values: object) -> str:
    """The entry `key` in `lang` (`ko`, `en` or `both`, joined by `sep`), with
    `values` filled in. An unknown key raises KeyError: a typo must not reach
    the screen as a silent blank."""
    ko, en = catalogue()[key]
    if values:
        ko, en = ko.format(**values), _COUNTS.format(en, **values)
    return pick(lang, ko, en, sep)


def pick(lang: str, ko: str, en: str, sep: str = BOTH_SEP) -> str:
    """`ko` or `en` by the language rule `say` follows, for a pair that is data
    rather than a catalogue entry (a demo's title in its registry)."""
    if lang == "ko":
        return ko
    if lang == "en":
        return en
    return en if ko == en else f"{ko}{sep}{en}"


def has(key: str) -> bool:
    return key in catalogue()
