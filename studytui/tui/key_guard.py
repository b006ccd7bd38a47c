"""Keys that must wait until a list has been laid out.

Textual's OptionList pages by looking up the line of the highlighted option in
a table it fills on layout. PageUp or PageDown pressed right after the command
palette or a Select opens, before that first layout, finds the table empty
and raises KeyError, which ends the app. The app binds both keys with
priority to `page_guard`: while the list that would take the key has no size
yet the key is dropped (there is nothing on screen to page through); else
SkipAction passes it on to the list's own binding, unchanged. On the
flashcard screen nothing takes focus, so the key goes on to the screen's own
`cards.page_up` / `cards.page_down` bindings, which scroll a long card.
"""

from __future__ import annotations

from textual.actions import SkipAction
from textual.app import App
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList

PAGE_KEYS = ("pageup", "pagedown", "home", "end")

BINDINGS = [
    Binding(key, "page_guard", show=False, priority=True, system=True, id=f"app.guard-{key}")
    for key in PAGE_KEYS
]


def list_not_laid_out(app: App) -> bool:
    """True when the key would go to an option list that has no size yet."""
    screen = app.screen
    target = app.focused
    if isinstance(screen, CommandPalette):  # focus is in its Input; the list pages
        target = screen.query_one(CommandList)
    return isinstance(target, OptionList) and not target.scrollable_content_region


def page_guard(app: App) -> None:
    if not list_not_laid_out(app):
        raise SkipAction()
