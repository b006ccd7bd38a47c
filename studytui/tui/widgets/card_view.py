"""A flashcard: the term on the front; definition, notes and formula on the back."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.text import Text
from textual.widgets import Static

from studytui.content.model import BiText, Card
from studytui.study.directions import FORWARD, answer, prompt, types_answer
from studytui.words import say


def _stack(text: BiText, lang: str, style: str = "") -> Text:
    """One language, or Korean above English: stacking never cuts a line mid-word."""
    if lang != "both":
        return Text(text.get(lang), style=style)  # type: ignore[arg-type]
    return Text(text.show("both", sep="\n"), style=style)


def card_renderable(card: Card, lang: str, flipped: bool, flip_keys: str = "",
                    direction: str = FORWARD) -> RenderableType:
    """The card's front (with the keys that flip it, as the keymap has them) or
    back, as asked in `direction` (reverse: the definition on the front)."""
    parts: list[RenderableType] = [_stack(prompt(card, direction), lang, "bold"), Text("")]
    if not flipped and types_answer(direction):
        return Group(*parts)  # the answer line below says how to answer or flip
    if not flipped:
        parts.append(Text(f"{flip_keys}: {say('card.flip_hint', lang)}" if flip_keys
                          else say("card.flip_hint", lang), style="dim italic"))
        return Group(*parts)
    parts += [Rule(style="dim"), _stack(answer(card, direction), lang,
                                        "" if direction == FORWARD else "bold green")]
    if card.formula:
        parts += [Text(""), Text(card.formula, style="bold magenta")]
    if card.notes:
        parts += [Text(""), _stack(card.notes, lang, "italic")]
    extras = []
    if card.aliases:
        extras.append(say("card.aka", lang, names=", ".join(card.aliases)))
    if card.tags:
        extras.append("#" + " #".join(card.tags))
    if len(card.demos) > 1:
        extras.append(say("card.demos", lang, n=len(card.demos),
                          names=", ".join(d.name for d in card.demos)))
    elif card.demo:
        extras.append(say("card.demo", lang, name=card.demo.name))
    if extras:
        parts += [Text(""), Text("   ".join(extras), style="dim")]
    return Group(*parts)


class CardView(Static):
    """Shows one card; `show_card` redraws it in a language, front or back."""

    DEFAULT_CSS = """
    CardView {
        width: 1fr;
        height: auto;
        padding: 1 2;
    }
    """

    def show_card(self, card: Card | None, lang: str, flipped: bool,
                  flip_keys: str = "", direction: str = FORWARD) -> None:
        self.update(card_renderable(card, lang, flipped, flip_keys, direction) if card else "")
