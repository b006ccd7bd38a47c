"""The instructor's view of a cohort: students, hardest cards, spread per
lecture, one tab each (the same cells as `studytui class`)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, TabbedContent, TabPane

from studytui.study.class_table import class_sections
from studytui.study.class_view import ClassReport
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say

TABS = ("cohort.students_tab", "cohort.cards_tab", "cohort.lectures_tab")


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
            sections = class_sections(self.report, self.lang)
            for i, (tab, (_, headers, rows)) in enumerate(zip(TABS, sections, strict=True)):
                with TabPane(say(tab, self.lang), id=f"class-tab-{i}"):
                    table: DataTable[str | Text] = DataTable(
                        id=f"class-table-{i}", zebra_stripes=True, cursor_type="row")
                    table.add_columns(*(h.replace("\n", " / ") for h in headers))
                    # numbers to the right, as in the command line's tables
                    table.add_rows([[row[0], *(Text(c, justify="right") for c in row[1:])]
                                    for row in rows])
                    yield table
        yield StudyFooter()

    def on_mount(self) -> None:
        self.title = say("cohort.title", self.lang)
