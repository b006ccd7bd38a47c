"""The key bar at the bottom of every screen: the screen's bindings, clickable.

Textual's Footer is a container with a widget per key, rebuilt on every bindings
signal (a focus change sends two). With Home's nine keys it was the costliest
thing on the first screen, a quarter of studytui's start-up
(benchmarks/bench_startup.py). This draws the same bar as one line of text and
only repaints when the bindings change. It keeps what the Footer gives: keys as
the keymap shows them, disabled keys dimmed, a tooltip and a hover highlight
per key, a click presses the key, the command palette's key at the right end.
Keys that do not fit are left off whole, never cut in half. Each key's words
come from the catalogue by binding id, in the app's language; in `both`, the
bar falls back to Korean alone when both languages would leave keys off.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from studytui.tui.keymap import declared_order, describe, group_label, tip


class KeyItem(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str
    group: str | None  # keys of one Binding.Group show together: "1 2 3 4 Choose"


class StudyFooter(Widget):
    DEFAULT_CSS = """
    StudyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    StudyFooter > .study-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    StudyFooter > .study-footer--description {
        color: $footer-description-foreground;
    }
    StudyFooter > .study-footer--hover {
        background: $block-hover-background;
    }
    StudyFooter > .study-footer--disabled {
        text-style: dim;
    }
    """
    COMPONENT_CLASSES = {
        "study-footer--key",
        "study-footer--description",
        "study-footer--hover",
        "study-footer--disabled",
    }
    ALLOW_SELECT = False

    hovered: reactive[int | None] = reactive(None)
    """Index of the key under the mouse (the palette's key is -1)."""

    def __init__(self, *, shown_elsewhere: tuple[str, ...] = (), **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        # Binding ids the screen already shows as links of its own (Home's
        # ways): the bar leaves them to that line and keeps room for the rest.
        self.shown_elsewhere = frozenset(shown_elsewhere)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.watch(self.app, "lang", self.refresh, init=False)

    @property
    def lang(self) -> str:
        return str(getattr(self.app, "lang", "en"))

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    # ---- what to show ----------------------------------------------------------------------

    def _item(self, binding: Binding, enabled: bool, tooltip: str, lang: str) -> KeyItem:
        # `tooltip` is the reason check_action gave for a disabled key, if any.
        return KeyItem(binding.key, self.app.get_key_display(binding), describe(binding, lang),
                       enabled, tooltip or tip(binding, lang),
                       group_label(binding, lang) if binding.group else None)

    def items(self, lang: str | None = None) -> tuple[list[KeyItem], KeyItem | None]:
        """The keys to show, one per action (the first binding of it, as
        Textual's Footer does), and the command palette's key if it has one."""
        lang = lang or self.lang
        active = self.screen.active_bindings
        shown: dict[str, KeyItem] = {}
        palette = None
        # In the order the classes declare them: Textual's keymap moves a
        # remapped binding to the end of its node's keys.
        nodes = list(dict.fromkeys(a.node for a in active.values()))
        orders = {node: declared_order(type(node)) for node in nodes}

        def place(entry: tuple) -> tuple[int, int]:
            node, binding = entry[0], entry[1]
            return nodes.index(node), orders[node].get(binding.id or "", 10_000)

        for _node, binding, enabled, tooltip in sorted(active.values(), key=place):
            if binding.action in ("command_palette", "app.command_palette"):
                # At the right end, on whatever key the keymap gave it.
                if self.app.ENABLE_COMMAND_PALETTE and palette is None:
                    palette = self._item(binding, enabled, tooltip, lang)
            elif (binding.show and binding.action not in shown
                  and binding.id not in self.shown_elsewhere):
                shown[binding.action] = self._item(binding, enabled, tooltip, lang)
        return list(shown.values()), palette

    # ---- drawing ---------------------------------------------------------------------------

    def _key(self, item: KeyItem, index: int, text: str) -> Text:
        """`text` in the key's style, dimmed if it cannot act, highlighted under
        the mouse; the key's index rides in the style's meta for a click."""
        piece = Text(text, self.get_component_rich_style("study-footer--key"))
        if not item.enabled:
            piece.stylize(self.get_component_rich_style("study-footer--disabled"))
        if index == self.hovered:
            piece.stylize(self.get_component_rich_style("study-footer--hover"))
        piece.stylize(Style.from_meta({"footer_index": index}))
        return piece

    def _piece(self, entries: list[tuple[int, KeyItem]]) -> Text:
        """One key and its description, or a group's keys and the group's name;
        each entry is (the index a click reports, the key)."""
        index, first = entries[0]
        if len(entries) == 1:
            piece = self._key(first, index, f" {first.display} ")
            label = first.description
        else:
            piece = Text(" ")
            for i, item in entries:
                piece += self._key(item, i, item.display) + Text(" ")
            label = first.group or ""
        description = Text(f"{label} ", self.get_component_rich_style("study-footer--description"))
        if not first.enabled:
            description.stylize(self.get_component_rich_style("study-footer--disabled"))
        if len(entries) == 1:  # a lone key's description is part of its button
            if index == self.hovered:
                description.stylize(self.get_component_rich_style("study-footer--hover"))
            description.stylize(Style.from_meta({"footer_index": index}))
        return piece + description

    def render(self) -> Text:
        line, complete = self._line(self.lang)
        if not complete and self.lang == "both":
            line, _ = self._line("ko")
        return line

    def _line(self, lang: str) -> tuple[Text, bool]:
        """The bar in `lang`, and whether every key fitted."""
        keys, palette = self.items(lang)
        width = self.size.width
        right = Text("▏") + self._piece([(-1, palette)]) if palette else Text()
        room = width - right.cell_len
        line = Text(no_wrap=True, overflow="crop", end="")
        complete = True
        for run in _runs(keys):
            piece = self._piece([(i, keys[i]) for i in run])
            if line.cell_len + piece.cell_len > room:
                complete = False
                break  # whole keys or none: a key's label is never cut
            line.append_text(piece)
        if right:
            line.append(" " * max(0, room - line.cell_len))
            line.append_text(right)
        return line, complete

    # ---- mouse -----------------------------------------------------------------------------

    def _item_at(self, style: Style) -> tuple[int | None, KeyItem | None]:
        index = style.meta.get("footer_index")
        if not isinstance(index, int):
            return None, None
        keys, palette = self.items()
        if index == -1:
            return index, palette
        return (index, keys[index]) if index < len(keys) else (None, None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index, item = self._item_at(event.style)
        self.hovered = index
        self.tooltip = item.tooltip if item else None

    def on_leave(self, event: events.Leave) -> None:
        self.hovered = None

    def on_click(self, event: events.Click) -> None:
        _index, item = self._item_at(event.style)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()


def _runs(keys: list[KeyItem]) -> list[list[int]]:
    """Indexes of `keys` in runs: a run of one key, or the neighbours of one group."""
    runs: list[list[int]] = []
    for i, item in enumerate(keys):
        if runs and item.group is not None and keys[runs[-1][0]].group == item.group:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
