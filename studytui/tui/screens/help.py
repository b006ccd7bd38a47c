"""`?`: the keys of the screen underneath, read from its active bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

SKIP = {"focus_next", "focus_previous", "app.focus_next", "app.focus_previous",
        "screen.copy_text", "copy_text", "maximize", "minimize"}
GENERAL = (
    ("tab / shift+tab", "Move between fields and buttons"),
    ("mouse", "Click buttons, rows and fields"),
)


def keys_table(screen: Screen) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    seen: set[str] = set(SKIP)
    for active in screen.active_bindings.values():
        b = active.binding
        # The screen's and the app's keys; a focused widget's scrolling keys are noise here.
        if not isinstance(active.node, (Screen, App)):
            continue
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
