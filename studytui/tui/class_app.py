"""`studytui class --tui`: the instructor's view on its own, without a
student's store (an instructor reads the cohort and has no reviews)."""

from __future__ import annotations

from textual.app import App

from studytui.study.class_view import ClassReport
from studytui.tui.screens.class_view import ClassScreen


class ClassApp(App[None]):
    def __init__(self, report: ClassReport, lang: str) -> None:
        super().__init__()
        self.report, self.lang = report, lang

    def on_mount(self) -> None:
        self.push_screen(ClassScreen(self.report, self.lang))
