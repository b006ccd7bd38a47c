"""The demo gallery: every registered demo, by lecture, with the cards whose
`demo:` link opens it. Enter opens the highlighted demo with its defaults.
"""

from __future__ import annotations

from collections import defaultdict

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from demos.registry import DEMOS  # the registry imports no torch
from studytui.tui.screens.base import StudyScreen
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import pick, say


class DemoGalleryScreen(StudyScreen[None]):
    HELP_TITLE = "gallery.title"
    DEFAULT_CSS = """
    DemoGalleryScreen #gallery {
        height: 1fr;
    }
    DemoGalleryScreen #gallery-title {
        padding: 0 1;
        background: $boost;
    }
    """
    BINDINGS = [
        Binding("enter", "open", "Open", id="gallery.open"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="gallery-title")
        yield OptionList(id="gallery")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._fill, init=True)
        self.query_one(OptionList).focus()

    def linking_cards(self) -> dict[str, list[str]]:
        """Demo name -> the terms of the cards that link it, in deck order."""
        deck = self.study.deck
        cards: dict[str, list[str]] = defaultdict(list)
        for card in deck.cards.values():
            if card.demo is not None:
                cards[card.demo.name].append(card.term.show(self.lang))
        return cards

    def _fill(self) -> None:
        lang = self.lang
        self.query_one("#gallery-title", Static).update(
            Text.assemble((say("gallery.title", lang), "bold"),
                          "   " + say("gallery.open_hint", lang)))
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        cards = self.linking_cards()
        titles = {lec.number: lec.title for lec in self.study.deck.lectures}

        def heading_in(one: str, lecture: int) -> str:
            title = titles[lecture].show(one) if lecture in titles else ""
            return say("gallery.lecture", one, n=lecture, title=title)

        for lecture in sorted({spec.lecture for spec in DEMOS.values()}):
            # In `both`, each language with its own title (not both titles twice).
            heading = pick(lang, heading_in("ko", lecture), heading_in("en", lecture))
            options.add_option(Option(Text(heading.rstrip(" ·"), style="bold"), disabled=True))
            for spec in (s for s in DEMOS.values() if s.lecture == lecture):
                linked = cards.get(spec.name, [])
                # The label in the learner's language, the card names once
                # (each already in that language, or in both).
                cards_line = (f"{say('gallery.cards', lang)}: {', '.join(linked)}" if linked
                              else say("gallery.no_cards", lang))
                entry = Group(
                    Padding(Text.assemble((pick(lang, spec.title_ko, spec.title_en), "bold"),
                                          f"  ({spec.name})"), (0, 0, 0, 2)),
                    Padding(Text(spec.summary_in(lang)), (0, 0, 0, 4)),
                    Padding(Text(cards_line, style="dim"), (0, 0, 0, 4)))
                options.add_option(Option(entry, id=spec.name))
        if highlighted is not None:
            options.highlighted = highlighted
        elif options.option_count:
            options.action_first()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.study.open_demo(event.option.id)

    def action_open(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            if option.id:
                self.study.open_demo(option.id)
