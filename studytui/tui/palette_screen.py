"""The command palette in the learner's language.

Textual's CommandPalette writes its placeholder and "No matches found" in
English. The placeholder is a constructor argument; the no-matches line is
written inside `_start_no_matches_countdown` (Textual 8.2.8, pinned in
pyproject), so this subclass says that method again with the catalogue's
words (tests/tui/test_palette_language.py fails if Textual changes it)."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from studytui.words import say


class StudyPalette(CommandPalette):
    def __init__(self, lang: str) -> None:
        super().__init__(placeholder=say("palette.placeholder", lang), id="--command-palette")
        self.lang = lang

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:  # nothing found for a search (not an empty discovery list)
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(say("palette.no_matches", self.lang), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
