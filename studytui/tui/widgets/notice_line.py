"""A notice as a line of the screen's own layout, gone after a few seconds.

Not a toast: a toast is an overlay, and a repaint under it cut a Korean
glyph in half (see studytui/tui/screens/flashcards.py)."""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static


class NoticeLine(Static):
    DEFAULT_CSS = """
    NoticeLine {
        height: auto;
        padding: 0 2;
        color: $text-accent;
        display: none;
    }
    """

    _timer: Timer | None = None

    def show(self, text: str, seconds: float = 4) -> None:
        self.update(Text(text))  # Text: a notice may quote content, never markup
        self.display = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(seconds, self.hide)

    def hide(self) -> None:
        self.display = False
