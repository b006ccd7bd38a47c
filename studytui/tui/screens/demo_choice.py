"""A card that links several demos (`demos:` in its lecture file) offers each:
this small list picks one. `open_card_demos` is what the card screens call:
one demo opens at once, several ask first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from demos.params import DemoSpec, ParamError
from demos.registry import DEMOS
from studytui.printable import for_terminal
from studytui.words import pick, say

if TYPE_CHECKING:
    from studytui.content.model import Card, DemoLink
    from studytui.tui.app import StudyApp


def _label(link: DemoLink, lang: str) -> Text:
    spec = DEMOS[link.name]  # the loader let only registered demos through
    params = "  ".join(f"{k}={_typed(spec, k, v)}" for k, v in link.params.items())
    # Parameters come from a content file: no control sequence reaches the terminal.
    return Text.assemble((pick(lang, spec.title_ko, spec.title_en), "bold"),
                         f"  ({link.name})  ", (for_terminal(params, one_line=True), "dim"))


def _typed(spec: DemoSpec, name: str, value: object) -> str:
    """A link's value as a learner types it on the command line (`true`, not
    Python's `True`); the loader checked it, so it parses."""
    try:
        param = spec.param(name)
        return param.typed(param.parse(value))
    except ParamError:
        return str(value)


class DemoChoice(ModalScreen["int | None"]):
    """Dismisses with the index of the chosen link, or None (back)."""

    DEFAULT_CSS = """
    DemoChoice { align: center middle; }
    DemoChoice > Vertical {
        width: 80; max-width: 100%; height: auto; border: thick $primary; padding: 1 2;
        background: $surface;
    }
    DemoChoice OptionList { height: auto; max-height: 12; }
    """
    BINDINGS = [Binding("escape", "back", "Back", id="demo_choice.back",
                        tooltip="Back to the card; no demo opens")]

    def __init__(self, links: list[DemoLink], lang: str) -> None:
        super().__init__()
        self.links, self.lang = links, lang

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(say("demo_choice.title", self.lang), markup=False)
            yield OptionList(*(Option(_label(link, self.lang)) for link in self.links),
                             id="demo-choice-list")

    @on(OptionList.OptionSelected, "#demo-choice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_back(self) -> None:
        self.dismiss(None)


def open_card_demos(app: StudyApp, card: Card) -> None:
    """Open the card's one demo, or ask which of its demos to open."""
    links = list(card.demos)
    if len(links) == 1:
        app.open_demo(links[0].name, links[0].params)
    elif links:
        def chosen(index: int | None) -> None:
            if index is not None:
                app.open_demo(links[index].name, links[index].params)

        app.push_screen(DemoChoice(links, app.lang), chosen)
