"""Text from an untrusted source, made fit for a lecture file and a terminal.

`clean` drops control characters (an ESC would reach the terminal) and
normalises line ends; `html_to_text` reduces an Anki field's HTML to text
(`<br>` and blocks to newlines, entities decoded, scripts, styles and media
references dropped); `language_of` decides whether a text goes under `ko` or
`en` when the source does not say.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_BLANK_LINES = re.compile(r"\n{3,}")
# Unicode's control characters (category Cc) but the newline, and lone surrogates.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: str) -> str:
    """`text` without control characters (newlines kept, tabs as spaces),
    trailing spaces cut from each line, no leading or trailing blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    kept = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in kept.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def language_of(text: str) -> str:
    """'ko' when the text has any Hangul, else 'en'."""
    return "ko" if _HANGUL.search(text) else "en"


def bitext(text: str) -> dict[str, str]:
    """A one-language text under the language it is written in ({} when empty)."""
    text = clean(text)
    return {language_of(text): text} if text else {}


_BREAKS = {"br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ul", "ol"}
_SKIP = {"script", "style", "head", "title"}


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities decoded in handle_data
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BREAKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BREAKS and tag != "br":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))


_ONLY_BREAKS = re.compile(r"(?:[^<]|<br\s*/?>)*", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    if _ONLY_BREAKS.fullmatch(html):  # text with line breaks (as studytui exports): exact
        return clean(_SOUND.sub("", unescape(_BR.sub("\n", html))).replace("\xa0", " "))
    parser = _TextOf()
    parser.feed(_SOUND.sub("", html))
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return clean("\n".join(lines))


# {{c1::answer}} or {{c1::answer::hint}}; the answer may not hold "}}".
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


def has_cloze(text: str) -> bool:
    return bool(CLOZE.search(text))


def cloze_numbers(text: str) -> list[int]:
    return sorted({int(m.group(1)) for m in CLOZE.finditer(text)})


def cloze_filled(text: str) -> str:
    """The text with every cloze shown as its answer."""
    return CLOZE.sub(lambda m: m.group(2), text)


def cloze_blanked(text: str, number: int | None = None) -> str:
    """The text with cloze `number` (every cloze when None) as a ___ blank
    (with its hint, if any) and the others shown as their answers."""

    def blank(m: re.Match[str]) -> str:
        if number is not None and int(m.group(1)) != number:
            return m.group(2)
        return f"___ ({m.group(3)})" if m.group(3) else "___"

    return CLOZE.sub(blank, text)


def cloze_answer(text: str, number: int) -> str:
    """What fills cloze `number`: its answers, joined when it appears more than once."""
    return ", ".join(m.group(2) for m in CLOZE.finditer(text) if int(m.group(1)) == number)
