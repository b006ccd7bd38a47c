"""Today's new-card limit stopped a session: say so, and offer the ways on."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from studytui.tui.keymap import describe
from studytui.words import say

WAYS = ("limit.more", "limit.cram", "limit.custom", "limit.close")


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
        margin-top: 1;
    }
    """
    # The ways on as keys (and links): a row of buttons did not fit in both languages.
    BINDINGS = [
        Binding("m", "choose('more')", "More", id="limit.more"),
        Binding("c", "choose('cram')", "Cram", id="limit.cram"),
        Binding("s", "choose('custom')", "Custom", id="limit.custom"),
        Binding("q,escape", "choose('')", "Close", id="limit.close"),
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
            yield Static(id="limit-ways")

    def on_mount(self) -> None:
        lang = str(getattr(self.app, "lang", "en"))
        bindings = {a.binding.id: a.binding for a in self.active_bindings.values()}
        links = []
        for binding_id in WAYS:
            binding = bindings.get(binding_id)
            if binding is not None:
                key = self.app.get_key_display(binding)
                word = (say("custom.limit_more", lang, n=self.more)
                        if binding_id == "limit.more" else describe(binding, lang))
                links.append(f"[@click=screen.{binding.action}][b]{escape(key)}[/b] "
                             f"{escape(word)}[/]")
        self.query_one("#limit-ways", Static).update("\n".join(links))

    def action_choose(self, way: str) -> None:
        self.dismiss(way or None)
