"""The four rating buttons, each showing the interval its rating would give.
A button presses its rating itself (`Button(action=...)`): no handler on the screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from studytui.words import pick, say

RATINGS = (1, 2, 3, 4)
RATING_VARIANTS = {1: "error", 2: "warning", 3: "success", 4: "primary"}


def button_label(rating: int, interval: str | None, lang: str) -> str:
    """"3 Good (10m)": in a narrow button the label wraps at a space, so the
    interval moves to its own line whole ("3 Good" over "(10m)"), and in
    `both` "3 알맞음 ·" over "Good (10m)"."""
    word = say(f"rating.{rating}", lang)
    return f"{rating} {word}" + (f" ({interval})" if interval else "")


class RatingBar(Horizontal):
    """Buttons `rate-1`..`rate-4`, each running `screen.rate(n)` when pressed."""

    DEFAULT_CSS = """
    RatingBar {
        height: auto;
        width: 1fr;
    }
    RatingBar Button {
        width: 1fr;
        min-width: 6;
        margin: 0 1;
    }
    /* Short terminals (the screen's -short class): one-line buttons. */
    Screen.-short RatingBar Button {
        height: auto;
        border: none;
        min-width: 4;
    }
    /* Narrow: the four buttons touch, so each keeps room for its label. */
    Screen.-narrow RatingBar Button {
        margin: 0;
    }
    """

    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.intervals: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        for rating, variant in RATING_VARIANTS.items():
            button = Button(
                button_label(rating, None, self.lang),
                id=f"rate-{rating}",
                variant=variant,  # type: ignore[arg-type]
                action=f"screen.rate({rating})",
            )
            # Mouse only: a focused button would turn Enter (flip) into a rating.
            button.can_focus = False
            yield button

    def set_intervals(self, intervals: dict[int, str], lang: str) -> None:
        self.intervals, self.lang = intervals, lang
        for rating in RATINGS:
            button = self.query_one(f"#rate-{rating}", Button)
            button.tooltip = pick(lang, *(
                say("rating.tip", one, label=say(f"rating.{rating}", one), key=rating)
                for one in ("ko", "en")))
            label = button_label(rating, intervals.get(rating), lang)
            if str(button.label) != label:
                button.label = label
                button.refresh(layout=True)  # a longer label may wrap onto another line

    def label_of(self, rating: int) -> str:
        return str(self.query_one(f"#rate-{rating}", Button).label)
