"""The end of a quiz: the score, the missed questions, and retry missed."""

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


class QuizResultScreen(StudyScreen[None]):
    HELP_TITLE = "Quiz result · 퀴즈 결과"
    BINDINGS = [
        Binding("r", "retry", "Retry missed", id="quiz_result.retry",
                tooltip="A new quiz of the questions you missed"),
        Binding("enter", "back", "Done", id="quiz_result.done", tooltip="Back"),
    ]

    def __init__(self, quiz: QuizSession, answers: list[Feedback]) -> None:
        super().__init__()
        self.quiz = quiz
        self.answers = answers

    def compose(self) -> ComposeResult:
        right, answered = self.quiz.score
        yield Header()
        with VerticalScroll(id="result-body"):
            yield Static(
                f"[b]Score · 점수  {right} / {answered}[/b]  "
                f"({percent(right / answered if answered else None)})",
                id="score",
            )
            yield Static(self._missed_text(), id="missed")
        yield StudyFooter()

    def _missed_text(self) -> Text:
        missed = self.quiz.missed
        if not missed:
            return Text("\nNo misses · 모두 맞혔습니다!", style="green")
        out = Text(f"\nMissed · 틀린 문제 ({len(missed)}) — due again soon · 곧 다시 복습\n\n",
                   style="bold")
        lang = self.lang
        for fb in self.answers:
            if fb.correct:
                continue
            out.append("• " + fb.question.prompt.show(lang) + "\n")
            out.append("  → " + fb.expected_text(lang) + "\n", style="green")  # type: ignore[arg-type]
        return out

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return True if self.quiz.missed else None
        return True

    def action_retry(self) -> None:
        from studytui.tui.screens.quiz import QuizScreen

        if self.quiz.missed:
            self.app.switch_screen(QuizScreen(self.quiz.retry_missed()))
