"""One card's study record as text: state, due, stability, difficulty, marks,
and its review history (rating, duration, time), newest first."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from studytui.clock import to_local
from studytui.study.card_record import CardRecord
from studytui.tui.text import duration
from studytui.words import say

RATING_STYLES = {1: "red3", 2: "dark_orange3", 3: "green4", 4: "dodger_blue2"}
SHOWN = 30  # reviews listed at most (newest); the count says how many in all


def record_text(record: CardRecord, lang: str) -> Text:
    out = Text()
    fields = [say(f"record.state.{record.state}", lang)]
    if record.due is not None:
        fields.append(say("record.due", lang, at=f"{to_local(record.due):%Y-%m-%d %H:%M}"))
    if record.stability is not None:
        fields.append(say("record.stability", lang, days=f"{record.stability:.1f}"))
    if record.difficulty is not None:
        fields.append(say("record.difficulty", lang, d=f"{record.difficulty:.1f}"))
    out.append(" · ".join(fields), style="bold")
    marks = record.marks
    if marks.suspended:
        out.append("  " + say("record.suspended", lang), style="bold red3")
    if marks.buried_until is not None:
        out.append("  " + say("record.buried", lang,
                              at=f"{to_local(marks.buried_until):%Y-%m-%d %H:%M}"), style="yellow")
    if marks.flagged:
        out.append("  " + say("card.flagged", lang), style="bold yellow")
    out.append("\n" + say("record.history", lang, n=len(record.reviews)), style="dim")
    for review in reversed(record.reviews[-SHOWN:]):
        out.append(f"\n  {to_local(review.at):%Y-%m-%d %H:%M}  ")
        out.append(f"{review.rating} {say(f'rating.{review.rating}', lang)}",
                   style=RATING_STYLES[review.rating])
        if review.duration_ms is not None:
            out.append("  " + duration(review.duration_ms / 1000, lang))
        if review.source == "quiz":
            out.append("  " + say("record.from_quiz", lang), style="dim")
    return out


class CardRecordView(Static):
    DEFAULT_CSS = """
    CardRecordView {
        height: auto;
        padding: 0 2 1 2;
    }
    """

    def show_record(self, record: CardRecord | None, lang: str) -> None:
        self.update(record_text(record, lang) if record is not None else "")
