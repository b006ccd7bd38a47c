"""The session's three counts as Anki shows them: new (blue), learning (red),
due (green), the count of the card on screen underlined; then how many cards
were rated and whether the card on screen is flagged."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from studytui.study.session_counts import KINDS, Counts
from studytui.words import say

COLOURS = {"new": "bold dodger_blue2", "learning": "bold red3", "due": "bold green4"}


def count_items(counts: Counts, rated: int, flagged: bool, lang: str) -> list[Text]:
    items = []
    for kind in KINDS:
        style = COLOURS[kind] + (" underline reverse" if counts.current == kind else "")
        items.append(Text(f"{say(f'counts.{kind}', lang, sep='/')} {counts.of(kind)}",
                          style=style))
    items.append(Text(say("counts.rated", lang, sep="/", n=rated), style="dim"))
    if flagged:
        items.append(Text(say("card.flagged", lang, sep="/"), style="bold yellow"))
    return items


def wrap_items(items: list[Text], width: int, sep: str = "  ") -> Text:
    """The items on as few lines as fit `width`, a line breaking between items,
    never inside one (a count cut from its word reads as another number)."""
    out = Text()
    line = 0
    for item in items:
        if line and line + len(sep) + item.cell_len > width:
            out.append("\n")
            line = 0
        elif line:
            out.append(sep)
            line += len(sep)
        out.append_text(item)
        line += item.cell_len
    return out


class CountsBar(Static):
    DEFAULT_CSS = """
    CountsBar {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, counts: Counts, rated: int, flagged: bool, lang: str) -> None:
        """In `both`, Korean alone when both languages would not fit on the line."""
        self.tooltip = say("counts.tip", lang)
        width = self.app.size.width - 2  # the padding
        items = count_items(counts, rated, flagged, lang)
        if lang == "both" and sum(i.cell_len + 2 for i in items) - 2 > width:
            items = count_items(counts, rated, flagged, "ko")
        self.update(wrap_items(items, width))
