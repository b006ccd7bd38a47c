"""Pick the lectures and the number of questions (and a seed, for a repeatable
quiz), then start a quiz or an exam (with an optional time limit); the
wrong-answer notebook opens from here too. The lectures the learner has
studied are ticked to begin with (all of them before any study)."""

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
    QuizSetupScreen .setup-row {
        height: auto;
    }
    QuizSetupScreen .setup-row Label {
        width: auto;
        padding: 1 1 0 1;
    }
    QuizSetupScreen .setup-row Input {
        width: 12;
    }
    QuizSetupScreen .setup-row Button {
        margin-left: 2;
    }
    """
    BINDINGS = [
        Binding("s", "start", "Start", id="quiz_setup.start"),
        Binding("a", "toggle_all", "All/none", id="quiz_setup.all"),
        Binding("e", "exam", "Exam", id="quiz_setup.exam"),
        Binding("o", "notebook", "Notebook", id="quiz_setup.notebook"),
    ]

    def __init__(self, lectures: list[int] | None = None) -> None:
        super().__init__()
        self.preselected = lectures

    def _studied(self) -> set[int]:
        """Lectures with a card the learner has studied; all when none has one."""
        deck = self.study.deck
        studied = {deck.card_lecture[c] for c in self.study.store.known_cards()
                   if c in deck.card_lecture}
        return studied or set(deck.numbers())

    def compose(self) -> ComposeResult:
        ticked = set(self.preselected) if self.preselected is not None else self._studied()
        yield Header()
        with Vertical(id="setup-box"):
            yield Label(id="lectures-label")
            yield CheckList[int](self._items(lambda n: n in ticked), id="lectures")
            with Horizontal(id="setup-row", classes="setup-row"):
                yield Label(id="count-label")
                yield Input("10", type="integer", id="count", max_length=3)
                yield Label(id="seed-label")
                yield Input("", type="integer", id="seed")
                yield Button("", id="start", variant="primary", action="screen.start")
            with Horizontal(id="exam-row", classes="setup-row"):
                yield Label(id="limit-label")
                yield Input("", type="integer", id="limit", max_length=3)
                yield Button("", id="exam", action="screen.exam")
                yield Button("", id="notebook", action="screen.notebook")
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
        self.query_one("#limit-label", Label).update(say("teach.limit", lang))
        self.query_one("#limit", Input).placeholder = say("teach.no_limit", lang)
        self.query_one("#exam", Button).label = (say("teach.exam", lang)
                                                 + f" ({self._key_of('exam')})")
        self.query_one("#notebook", Button).label = (say("teach.notebook", lang)
                                                     + f" ({self._key_of('notebook')})")
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

    @on(Input.Submitted, "#count, #seed")
    def start_on_enter(self) -> None:
        self.action_start()

    @on(Input.Submitted, "#limit")
    def exam_on_enter(self) -> None:
        self.action_exam()

    def _form(self) -> tuple[list[int], int] | None:
        """(lectures, count) as the form has them; None after saying what is wrong."""
        lectures = sorted(self.query_one(CheckList).selected)
        if not lectures:
            self.notify(say("setup.pick_lecture", self.lang), severity="warning")
            return None
        count_text = self.query_one("#count", Input).value.strip()
        count = int(count_text) if count_text else 10
        if not 1 <= count <= 500:
            self.notify(say("setup.count_range", self.lang), severity="warning")
            return None
        return lectures, count

    def action_start(self) -> None:
        form = self._form()
        if form is None:
            return
        seed_text = self.query_one("#seed", Input).value.strip()
        seed = int(seed_text) if seed_text else None
        self.study.start_quiz(form[0], form[1], seed)

    def action_exam(self) -> None:
        form = self._form()
        if form is None:
            return
        limit_text = self.query_one("#limit", Input).value.strip()
        minutes = int(limit_text) if limit_text else 0
        if not 0 <= minutes <= 600:
            self.notify(say("teach.limit_range", self.lang), severity="warning")
            return
        self.study.start_exam(form[0], form[1], minutes * 60 or None)

    def action_notebook(self) -> None:
        self.study.open_notebook()
