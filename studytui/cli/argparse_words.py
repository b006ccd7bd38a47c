"""argparse's own words (usage, the group headings, its errors) in the learner's
language. argparse asks gettext for each through its module's `_` and
`ngettext` when it builds a parser and when it reports; replacing those two
with a lookup in our catalogue before the parser is built is all it takes,
without a .mo file to ship or a locale to set."""

from __future__ import annotations

import argparse

from studytui.words import say

# argparse's message -> our key. Messages argparse shows a user; the rest
# (a programmer's mistakes in building a parser) stay as argparse says them.
_KEYS = {
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "the following arguments are required: %s": "argparse.required",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "expected %s argument": "argparse.expected_n_one",
    "expected %s arguments": "argparse.expected_n",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "one of the arguments %s is required": "argparse.one_required",
    "ignored explicit argument %r": "argparse.ignored_explicit",
}


_lang = "en"


def spoken() -> str:
    """The language `speak` was last given: the CLI's language for a line
    written outside any command (the output failing)."""
    return _lang


def speak(lang: str) -> None:
    """From now on, argparse's words in `lang` (call before building the parser)."""
    global _lang
    _lang = lang

    def translate(message: str) -> str:
        if message == "usage: ":  # in `both`, one colon after both words
            return say("argparse.usage", lang) + ": "
        key = _KEYS.get(message)
        if key is None:
            return message
        # A message with a %-field nests inside another ("argument X: invalid
        # choice ..."): in `both`, two languages inside two would say it four
        # times, so these come in Korean alone, the learner's first language.
        return say(key, "ko" if lang == "both" and "%" in message else lang)

    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: translate(one if n == 1 else many)  # type: ignore[attr-defined]


def word(key: str) -> str:
    """A catalogue entry in the language `speak` was given (the parser's own
    error line and version help, made where no lang is passed)."""
    return say(key, _lang)


def lang_in(argv: list[str]) -> str | None:
    """The --lang given on the command line, read before parsing it (the parser's
    words depend on it); None when absent or not a language."""
    from studytui.words import LANGS

    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if value in LANGS:
            return value
    return None
