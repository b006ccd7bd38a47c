"""The lectures as a table: number, title, cards, new, due now, mastery."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from studytui.stats import LectureStats
from studytui.tui.text import percent

COLUMNS = ("#", "Lecture · 강의", "Cards", "New", "Due", "Mastery")


def mastery_bar(mastery: float, width: int = 10) -> Text:
    filled = round(mastery * width)
    bar = Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")
    return bar + Text(f" {percent(mastery):>4}")


class LectureTable(DataTable):
    """Row keys are lecture numbers as strings, so a selection names its lecture."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for label in COLUMNS:
            self.add_column(label, key=label)

    def fill(self, rows: list[LectureStats], lang: str) -> None:
        keep = self.cursor_row
        self.clear()
        for s in rows:
            self.add_row(
                Text(str(s.number), justify="right"),
                s.title.show(lang),  # type: ignore[arg-type]
                Text(str(s.cards), justify="right"),
                Text(str(s.new), justify="right"),
                Text(str(s.due), justify="right", style="bold" if s.due else "dim"),
                mastery_bar(s.mastery),
                key=str(s.number),
            )
        if rows:
            self.move_cursor(row=min(keep, len(rows) - 1))

    @property
    def selected_lecture(self) -> int | None:
        if not self.row_count:
            return None
        return int(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value or 0)
