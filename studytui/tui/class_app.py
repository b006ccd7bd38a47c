"""`studytui class --tui`: the instructor's view on its own, without a
student's store (an instructor reads the cohort and has no reviews)."""

from __future__ import annotations

from textual.app import App
from textual.reactive import reactive

from studytui.study.class_view import ClassReport
from studytui.tui.screens.class_view import ClassScreen
from studytui.tui.wide_glyphs import keep_wide_glyphs_whole

keep_wide_glyphs_whole()  # student names in Hangul over table edges (wide_glyphs.py)


class ClassApp(App[None]):
    ENABLE_COMMAND_PALETTE = False  # one screen of tables: nothing to command
    lang: reactive[str] = reactive("both")  # the key bar (StudyFooter) follows it

    def __init__(self, report: ClassReport, lang: str) -> None:
        super().__init__()
        self.report = report
        self.set_reactive(ClassApp.lang, lang)

    def on_mount(self) -> None:
        self.push_screen(ClassScreen(self.report, self.lang))
