"""The instructor's view of a cohort: students, hardest cards, spread per
lecture, one tab each (the same cells as `studytui class`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, TabbedContent, TabPane

from studytui.study.class_table import class_sections
from studytui.study.class_view import ClassReport
from studytui.words import say


class ClassScreen(Screen[None]):
    DEFAULT_CSS = """
    ClassScreen DataTable {
        height: 1fr;
    }
    """
    BINDINGS = [
        Binding("q", "app.quit", "Close", id="class.close", tooltip="Close the class view"),
        Binding("escape", "app.quit", "Close", show=False, id="class.close-escape"),
    ]

    def __init__(self, report: ClassReport, lang: str) -> None:
        super().__init__()
        self.report, self.lang = report, lang

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent():
            for i, (title, headers, rows) in enumerate(class_sections(self.report, self.lang)):
                with TabPane(title, id=f"class-tab-{i}"):
                    table: DataTable[str] = DataTable(id=f"class-table-{i}", zebra_stripes=True,
                                                      cursor_type="row")
                    table.add_columns(*(h.replace("\n", " / ") for h in headers))
                    table.add_rows(rows)
                    yield table
        yield Footer()

    def on_mount(self) -> None:
        self.title = say("cohort.title", self.lang)
