"""`?`: the keys of the screen underneath, read from its active bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

GENERAL = (
    ("ctrl+p", "Command palette: every action, searchable · 명령 팔레트"),
    ("tab / shift+tab", "Move between fields and buttons"),
    ("mouse", "Click buttons, rows and fields"),
)


def keys_table(screen: Screen) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        b = active.binding
        if not b.description or b.system or b.action in seen:
            continue
        seen.add(b.action)
        keys = [k for k, a in screen.active_bindings.items() if a.binding.action == b.action]
        shown = " / ".join(screen.app.get_key_display(screen.active_bindings[k].binding)
                           for k in keys)
        table.add_row(shown, Text(b.tooltip or b.description))
    for key, text in GENERAL:
        table.add_row(key, Text(text, style="dim"))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close",
                tooltip="Close the help"),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        title = getattr(self.under, "HELP_TITLE", type(self.under).__name__)
        with VerticalScroll(id="help-box"):
            yield Static(f"[b]{title}[/b] — keys · 단축키", id="help-title")
            yield Static(keys_table(self.under), id="help-keys")
            yield Static("Esc / q / ? to close", classes="dim")
