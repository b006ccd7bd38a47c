"""The four rating buttons, each showing the interval its rating would give."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

RATING_LABELS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
RATING_VARIANTS = {1: "error", 2: "warning", 3: "success", 4: "primary"}


def button_label(rating: int, interval: str | None) -> str:
    """"3 Good (10m)": in a narrow button the label wraps at a space, so the
    interval moves to its own line whole ("3 Good" over "(10m)")."""
    return f"{rating} {RATING_LABELS[rating]}" + (f" ({interval})" if interval else "")


class RatingBar(Horizontal):
    """Buttons `rate-1`..`rate-4`; the screen handles Button.Pressed."""

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
    """

    def compose(self) -> ComposeResult:
        for rating, variant in RATING_VARIANTS.items():
            button = Button(
                button_label(rating, None),
                id=f"rate-{rating}",
                variant=variant,  # type: ignore[arg-type]
                tooltip=f"Rate {RATING_LABELS[rating]} (key {rating})",
            )
            # Mouse only: a focused button would turn Enter (flip) into a rating.
            button.can_focus = False
            yield button

    def set_intervals(self, intervals: dict[int, str]) -> None:
        for rating in RATING_LABELS:
            button = self.query_one(f"#rate-{rating}", Button)
            label = button_label(rating, intervals.get(rating))
            if str(button.label) != label:
                button.label = label
                button.refresh(layout=True)  # a longer label may wrap onto another line

    def label_of(self, rating: int) -> str:
        return str(self.query_one(f"#rate-{rating}", Button).label)
