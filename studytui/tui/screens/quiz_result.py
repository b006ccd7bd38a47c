"""The end of a quiz (or where the learner stopped it): the score, the missed
questions, and retry missed when something was missed."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from studytui.study.quiz_session import Feedback, QuizSession
from studytui.tui.screens.base import StudyScreen
from studytui.tui.text import percent
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say


class QuizResultScreen(StudyScreen[None]):
    HELP_TITLE = "screen.quiz_result"
    BINDINGS = [
        Binding("r", "retry", "Retry missed", id="quiz_result.retry"),
        Binding("enter", "back", "Done", id="quiz_result.done"),
        Binding("o", "notebook", "Notebook", id="quiz_result.notebook"),
    ]

    def __init__(self, quiz: QuizSession, stopped: bool = False) -> None:
        super().__init__()
        self.quiz = quiz
        self.stopped = stopped  # left mid-quiz: the score is of what was answered

    @property
    def answers(self) -> list[Feedback]:
        return self.quiz.answers

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="result-body"):
            yield Static(id="score")
            yield Static(id="missed")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._draw, init=True)

    def _draw(self) -> None:
        right, answered = self.quiz.score
        score = Text(say("result.score", self.lang, right=right, answered=answered), style="bold")
        score.append(f"  ({percent(right / answered if answered else None)})", style="")
        if self.stopped:
            score.append("\n" + say("teach.stopped", self.lang, answered=answered,
                                     total=self.quiz.total), style="yellow")
        self.query_one("#score", Static).update(score)
        self.query_one("#missed", Static).update(self._missed_text())

    def _missed_text(self) -> Text:
        missed = self.quiz.missed
        if not missed:
            return Text("\n" + say("result.no_misses", self.lang), style="green")
        out = Text("\n" + say("result.missed", self.lang, n=len(missed)) + "\n\n", style="bold")
        lang = self.lang
        for fb in self.answers:
            if fb.counts_right:
                continue
            out.append("• " + fb.question.prompt.show(lang) + "\n")
            out.append("  → " + fb.expected_text(lang) + "\n", style="green")  # type: ignore[arg-type]
        return out

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":  # only when something was missed: hidden otherwise
            return bool(self.quiz.missed)
        return True

    def action_retry(self) -> None:
        from studytui.tui.screens.quiz import QuizScreen

        if self.quiz.missed:
            self.app.switch_screen(QuizScreen(self.quiz.retry_missed()))

    def action_notebook(self) -> None:
        from studytui.tui.screens.notebook import NotebookScreen

        self.app.switch_screen(NotebookScreen())
