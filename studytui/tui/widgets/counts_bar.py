"""The session's three counts as Anki shows them: new (blue), learning (red),
due (green), the count of the card on screen underlined; then how many cards
were rated and whether the card on screen is flagged."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from studytui.study.session_counts import KINDS, Counts
from studytui.words import say

COLOURS = {"new": "bold dodger_blue2", "learning": "bold red3", "due": "bold green4"}


def counts_text(counts: Counts, rated: int, flagged: bool, lang: str) -> Text:
    out = Text()
    for kind in KINDS:
        style = COLOURS[kind] + (" underline reverse" if counts.current == kind else "")
        if out:
            out.append("  ")
        out.append(f"{say(f'counts.{kind}', lang, sep='/')} {counts.of(kind)}", style=style)
    out.append("   " + say("counts.rated", lang, sep="/", n=rated), style="dim")
    if flagged:
        out.append("   " + say("card.flagged", lang, sep="/"), style="bold yellow")
    return out


class CountsBar(Static):
    DEFAULT_CSS = """
    CountsBar {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, counts: Counts, rated: int, flagged: bool, lang: str) -> None:
        self.tooltip = say("counts.tip", lang)
        self.update(counts_text(counts, rated, flagged, lang))
