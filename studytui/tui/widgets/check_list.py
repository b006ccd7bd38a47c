"""A list of checkboxes whose labels wrap.

Textual's SelectionList draws each option on one line and cuts what does not
fit with an ellipsis, which cut Korean answers mid-word in a narrow terminal.
This is an OptionList (which wraps a long label at spaces onto more lines)
that keeps which values are checked and draws the box itself.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

V = TypeVar("V", bound=Hashable)

CHECKED, UNCHECKED = "[x] ", "[ ] "


class CheckList(OptionList, Generic[V]):
    """Enter, Space or a click toggles the highlighted item; `selected` lists
    the checked values in the order shown."""

    BINDINGS = [Binding("space", "select", "Toggle", id="list.toggle")]

    def __init__(self, items: Iterable[tuple[str, V, bool]] = (), *, id: str | None = None):
        super().__init__(id=id)
        self._items: list[tuple[str, V]] = []
        self._checked: set[V] = set()
        self.set_items(items)

    def set_items(self, items: Iterable[tuple[str, V, bool]]) -> None:
        """Replace the items: (label, value, checked) each."""
        items = list(items)
        self._items = [(label, value) for label, value, _ in items]
        self._checked = {value for _, value, checked in items if checked}
        self._draw()

    @property
    def selected(self) -> list[V]:
        return [value for _, value in self._items if value in self._checked]

    def toggle(self, value: V) -> None:
        self._checked ^= {value}
        self._draw()

    def select(self, value: V) -> None:
        self._checked.add(value)
        self._draw()

    def select_all(self) -> None:
        self._checked = {value for _, value in self._items}
        self._draw()

    def deselect_all(self) -> None:
        self._checked = set()
        self._draw()

    def _draw(self) -> None:
        highlighted = self.highlighted
        # Text, not markup: a label is course content and may hold brackets.
        self.set_options(
            Option(Text(CHECKED if value in self._checked else UNCHECKED) + Text(label))
            for label, value in self._items
        )
        if highlighted is not None and highlighted < len(self._items):
            self.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a toggle, not a choice: the screen reads `selected` when it needs it
        self.toggle(self._items[event.option_index][1])
