"""What every studytui screen shares: a typed handle on the app and Back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from studytui.tui.app import StudyApp

ResultT = TypeVar("ResultT")


class StudyScreen(Screen[ResultT], Generic[ResultT]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Go back to the previous screen"),
        Binding("q", "back", "Back", show=False, id="back-q", tooltip="Go back"),
    ]

    @property
    def study(self) -> StudyApp:
        return cast("StudyApp", self.app)

    @property
    def lang(self) -> str:
        return self.study.lang

    def action_back(self) -> None:
        self.dismiss()
