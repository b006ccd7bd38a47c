"""Pick the lectures and the number of questions (and a seed, for a repeatable quiz)."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Header, Input, Label

from studytui.tui.screens.base import StudyScreen
from studytui.tui.widgets.check_list import CheckList
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say


class QuizSetupScreen(StudyScreen[None]):
    HELP_TITLE = "screen.quiz_setup"
    DEFAULT_CSS = """
    QuizSetupScreen #setup-box {
        padding: 0 1;
    }
    QuizSetupScreen #setup-box CheckList {
        height: auto;
        max-height: 14;
    }
    QuizSetupScreen #setup-row {
        height: auto;
        margin-top: 1;
    }
    QuizSetupScreen #setup-row Label {
        width: auto;
        padding: 1 1 0 1;
    }
    QuizSetupScreen #setup-row Input {
        width: 12;
    }
    QuizSetupScreen #setup-row Button {
        margin-left: 2;
    }
    """
    BINDINGS = [
        Binding("s", "start", "Start", id="quiz_setup.start"),
        Binding("a", "toggle_all", "All/none", id="quiz_setup.all"),
    ]

    def __init__(self, lectures: list[int] | None = None) -> None:
        super().__init__()
        self.preselected = lectures

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="setup-box"):
            yield Label(id="lectures-label")
            yield CheckList[int](self._items(lambda n: self.preselected is None
                                             or n in self.preselected), id="lectures")
            with Horizontal(id="setup-row"):
                yield Label(id="count-label")
                yield Input("10", type="integer", id="count", max_length=3)
                yield Label(id="seed-label")
                yield Input("", type="integer", id="seed")
                yield Button("", id="start", variant="primary", action="screen.start")
        yield StudyFooter()

    def _items(self, checked: Callable[[int], bool]) -> list[tuple[str, int, bool]]:
        """Each lecture as a line of the list: number, title, how many questions."""
        lang = self.lang
        return [(f"{lec.number:>2}. {lec.title.show(lang)}  "
                 f"({say('setup.question_count', lang, n=len(lec.questions))})",
                 lec.number, checked(lec.number))
                for lec in self.study.deck.lectures]

    def _relabel(self) -> None:
        """The form's words in the learner's language; ticks and typed values stay."""
        lang = self.lang
        self.query_one("#lectures-label", Label).update(say("setup.lectures", lang))
        self.query_one("#count-label", Label).update(say("setup.count", lang))
        self.query_one("#seed-label", Label).update(say("setup.seed", lang))
        self.query_one("#seed", Input).placeholder = say("setup.seed_placeholder", lang)
        self.query_one("#start", Button).label = (say("setup.start", lang)
                                                  + f" ({self._key_of('start')})")
        lectures = self.query_one(CheckList)
        ticked = set(lectures.selected)
        lectures.set_items(self._items(lambda n: n in ticked))

    def action_toggle_all(self) -> None:
        sel = self.query_one(CheckList)
        if sel.selected:
            sel.deselect_all()
        else:
            sel.select_all()

    def _key_of(self, action: str) -> str:
        """The key that runs `action` here, as the keymap has it."""
        for active in self.active_bindings.values():
            if active.binding.action == action:
                return self.app.get_key_display(active.binding)
        return ""

    def on_mount(self) -> None:
        # Words once the screen's bindings are live (the key the keymap gave Start).
        self.watch(self.app, "lang", self._relabel, init=True)

    @on(Input.Submitted)
    def start_on_enter(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        lectures = sorted(self.query_one(CheckList).selected)
        if not lectures:
            self.notify(say("setup.pick_lecture", self.lang), severity="warning")
            return
        count_text = self.query_one("#count", Input).value.strip()
        count = int(count_text) if count_text else 10
        if not 1 <= count <= 500:
            self.notify(say("setup.count_range", self.lang), severity="warning")
            return
        seed_text = self.query_one("#seed", Input).value.strip()
        seed = int(seed_text) if seed_text else None
        self.study.start_quiz(lectures, count, seed)
