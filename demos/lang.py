"""The demos' language parameter: the words themselves come from the catalogue
(studytui.words: `say` for labels, `pick` for a demo's own two-language data)."""

from __future__ import annotations

from studytui.words import LANGS

__all__ = ["LANGS", "check_lang"]


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang: unknown value {lang!r}: one of {', '.join(LANGS)}")
    return lang
