"""What `d` says on a card without a demo (review, a card's page): that it has
none, and the key that opens the gallery on Home, both as the keymap has them.

The demo binding is disabled on such a card (the key bar shows `d` dimmed),
so Textual does not run it and the key reaches the screen as a plain Key
event: the screen answers it with this notice."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.binding import Binding

from studytui.tui.keymap import key_name
from studytui.words import say


def _keys(keymap: dict[str, str], binding_id: str, default: str) -> list[str]:
    return [key_name(k) for k in keymap.get(binding_id, default).split(",") if k.strip()]


def is_demo_key(event: events.Key, keymap: dict[str, str], binding_id: str) -> bool:
    """Whether `event` is a key of the demo binding `binding_id` (default `d`)."""
    return event.key in _keys(keymap, binding_id, "d")


def no_demo_notice(app: App, keymap: dict[str, str], lang: str) -> str:
    """`keymap` is config.toml's [keys] table (binding id -> keys)."""
    first = _keys(keymap, "home.demos", "g")[0]
    return say("card.no_demo", lang, key=app.get_key_display(Binding(first, "demos")))
