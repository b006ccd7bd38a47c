"""What studytui screens share: a typed handle on the app and Back, and the
lifecycle of a screen drawn from the learner's stats."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from studytui.study.stats import Stats
    from studytui.tui.app import StudyApp

ResultT = TypeVar("ResultT")


class StudyScreen(Screen[ResultT], Generic[ResultT]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("q", "back", "Back", show=False, id="back-q"),
    ]

    @property
    def study(self) -> StudyApp:
        return cast("StudyApp", self.app)

    @property
    def lang(self) -> str:
        return self.study.lang

    def action_back(self) -> None:
        self.dismiss()


class StatsView(StudyScreen[None]):
    """A screen drawn from the learner's `Stats`: recomputed each time it comes
    to the front (a review or quiz may have changed them), redrawn in place
    when the language changes. Subclasses draw in `show_stats`."""

    stats: Stats | None = None
    HISTORY = True  # whether the screen shows the numbers that read the whole review log

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._redraw, init=False)

    def on_screen_resume(self) -> None:
        self.stats = self.study.stats(history=self.HISTORY)
        self._redraw()

    def _redraw(self) -> None:
        if self.stats is not None:
            self.show_stats(self.stats)

    def show_stats(self, s: Stats) -> None:
        raise NotImplementedError
