"""Today's new-card limit stopped a session: say so, and offer the ways on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from studytui.words import say


class NewLimitDialog(ModalScreen["str | None"]):
    """Dismissed with "more", "cram", "custom", or None (closed)."""

    HELP_TITLE = "custom.limit_title"
    DEFAULT_CSS = """
    NewLimitDialog {
        align: center middle;
    }
    NewLimitDialog #limit-box {
        width: 80%;
        max-width: 90;
        height: auto;
        border: round $warning;
        padding: 1 2;
        background: $surface;
    }
    NewLimitDialog #limit-ways {
        height: auto;
        margin-top: 1;
    }
    NewLimitDialog #limit-ways Button {
        margin-right: 1;
    }
    """
    BINDINGS = [
        Binding("escape", "choose('')", "Close", id="limit.close"),
    ]

    def __init__(self, limit: int, held: int, more: int) -> None:
        super().__init__()
        self.limit, self.held, self.more = limit, held, more

    def compose(self) -> ComposeResult:
        lang = str(getattr(self.app, "lang", "en"))
        with Vertical(id="limit-box"):
            yield Static(f"[b]{say('custom.limit_title', lang)}[/b]")
            yield Static(say("custom.limit_reached", lang, limit=self.limit, held=self.held))
            yield Static(say("custom.limit_hint", lang), classes="dim")
            with Horizontal(id="limit-ways"):
                yield Button(say("custom.limit_more", lang, n=self.more), id="more",
                             variant="primary", action="screen.choose('more')")
                yield Button(say("custom.limit_cram", lang), id="cram",
                             action="screen.choose('cram')")
                yield Button(say("custom.limit_custom", lang), id="custom",
                             action="screen.choose('custom')")
                yield Button(say("custom.limit_close", lang), id="close",
                             action="screen.choose('')")

    def on_mount(self) -> None:
        self.query_one("#more", Button).focus()

    def action_choose(self, way: str) -> None:
        self.dismiss(way or None)
