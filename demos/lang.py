"""Bilingual labels for the demo renders: Korean, English, or both."""

from __future__ import annotations

LANGS = ("ko", "en", "both")


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang: unknown value {lang!r}: one of {', '.join(LANGS)}")
    return lang


def label(lang: str, ko: str, en: str, sep: str = " / ") -> str:
    """`ko`, `en`, or both joined by `sep` (a newline stacks them in table headers)."""
    if lang == "ko":
        return ko
    if lang == "en":
        return en
    return f"{ko}{sep}{en}"
