"""Before a new desired retention moves any card: the workload now and after
(reviews per day over the next 30 days, by week), and the choice. Dismisses with
True (reschedule), False (save the setting, keep due dates) or None (go back,
nothing saved)."""

from __future__ import annotations

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from studytui.study.reschedule import Workload
from studytui.words import say


class RescheduleConfirm(ModalScreen[bool | None]):
    DEFAULT_CSS = """
    RescheduleConfirm { align: center middle; }
    RescheduleConfirm > Vertical {
        width: 92; max-width: 100%; height: auto; border: thick $primary; padding: 1 2;
        background: $surface;
    }
    RescheduleConfirm Horizontal { height: auto; margin-top: 1; }
    RescheduleConfirm Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("y", "choose(True)", "Reschedule", id="reschedule.yes",
                tooltip="Move the cards' due dates to the new retention"),
        Binding("n", "choose(False)", "Keep dates", id="reschedule.no",
                tooltip="Save the retention; cards keep their due dates"),
        Binding("escape", "choose(None)", "Back", id="reschedule.back",
                tooltip="Back to Settings; nothing is saved"),
    ]

    def __init__(self, lang: str, old: float, new: float, cards: int,
                 before: Workload, after: Workload) -> None:
        super().__init__()
        self.lang = lang
        self.old, self.new, self.cards, self.before, self.after = old, new, cards, before, after

    def compose(self) -> ComposeResult:
        lang = self.lang
        weeks = [(w * 7, min(w * 7 + 7, len(self.before.per_day))) for w in range(5)]
        heads = [say(k, lang) for k in ("reschedule.days", "reschedule.now", "reschedule.after")]
        width = max(12, *(cell_len(h) + 2 for h in heads))
        lines = [say("reschedule.title", lang, old=self.old, new=self.new), "",
                 say("optimize.workload", lang, days=len(self.before.per_day),
                     before=self.before.mean, after=self.after.mean, cards=self.cards), "",
                 "".join(_right(h, width) if i else _left(h, width) for i, h in enumerate(heads))]
        for lo, hi in weeks:
            if lo < hi:
                lines.append(_left(f"{lo + 1}-{hi}", width)
                             + _right(str(sum(self.before.per_day[lo:hi])), width)
                             + _right(str(sum(self.after.per_day[lo:hi])), width))
        with Vertical():
            yield Static("\n".join(lines), id="reschedule-preview", markup=False)
            with Horizontal():
                yield Button(say("reschedule.yes", lang), id="reschedule-yes", variant="primary")
                yield Button(say("reschedule.no", lang), id="reschedule-no")

    @on(Button.Pressed, "#reschedule-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#reschedule-no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_choose(self, choice: bool | None) -> None:
        self.dismiss(choice)


def _left(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def _right(text: str, width: int) -> str:
    return " " * max(0, width - cell_len(text)) + text
