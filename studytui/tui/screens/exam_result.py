"""The end of an exam: the score per lecture and per question type beside the
learner's earlier attempts, then every question missed with its answer (the
feedback an exam holds back until now)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from studytui.study.exam import Attempt, Tally, attempts, earlier
from studytui.study.judge import expected_text
from studytui.study.quiz_session import QuizSession
from studytui.tui.screens.base import StudyScreen
from studytui.tui.text import duration, percent
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say

PAST_SHOWN = 5  # earlier attempts listed under the tables


def _ratio(tally: tuple[int, int] | None) -> str:
    if tally is None:
        return "–"
    right, asked = tally
    return f"{right}/{asked} ({percent(right / asked if asked else None)})"


class ExamResultScreen(StudyScreen[None]):
    HELP_TITLE = "screen.exam_result"
    DEFAULT_CSS = """
    ExamResultScreen #exam-body { padding: 0 1; }
    ExamResultScreen #exam-lectures, ExamResultScreen #exam-types { margin-top: 1; }
    """
    BINDINGS = [Binding("enter", "back", "Done", id="exam_result.done")]

    def __init__(self, attempt: Attempt, quiz: QuizSession) -> None:
        super().__init__()
        self.attempt = attempt
        self.quiz = quiz

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="exam-body"):
            yield Static(id="exam-score")
            yield Static(id="exam-lectures")
            yield Static(id="exam-types")
            yield Static(id="exam-past")
            yield Static(id="exam-missed")
        yield StudyFooter()

    def on_mount(self) -> None:
        # Earlier attempts: every stored one but this (the latest).
        self.past = attempts(self.study.store)[:-1]
        self.watch(self.app, "lang", self._draw, init=True)

    def _draw(self) -> None:
        lang, a = self.lang, self.attempt
        right, asked = a.score
        head = Text(say("teach.exam_score", lang, right=right, asked=asked), style="bold")
        head.append(f"  ({percent(right / asked if asked else None)})  ", style="")
        head.append(say("teach.exam_time", lang, time=duration(a.seconds, lang)), style="dim")
        if a.timed_out:
            head.append("\n" + say("teach.exam_unanswered", lang,
                                   n=asked - self.quiz.index), style="yellow")
        self.query_one("#exam-score", Static).update(head)
        titles = {str(lec.number): f"{lec.number}. {lec.title.show(lang)}"
                  for lec in self.study.deck.lectures}
        self.query_one("#exam-lectures", Static).update(
            self._table("teach.by_lecture", a.by_lecture, "lecture", titles))
        types = {t: say(f"teach.type.{t}", lang)
                 for t in ("choice", "multi", "truefalse", "short", "cloze")}
        self.query_one("#exam-types", Static).update(
            self._table("teach.by_type", a.by_type, "type", types))
        self.query_one("#exam-past", Static).update(self._past())
        self.query_one("#exam-missed", Static).update(self._missed())

    def _table(self, title: str, tally: Tally, by: str, names: dict[str, str]) -> Table:
        lang = self.lang
        table = Table(title=say(title, lang), title_justify="left", box=None, expand=False)
        table.add_column("")
        table.add_column(say("teach.this_attempt", lang), justify="right")
        table.add_column(say("teach.earlier_attempt", lang), justify="right")
        for key, now in tally.items():
            table.add_row(Text(names.get(key, key)), _ratio(now),
                          _ratio(earlier(self.past, key, by)))
        return table

    def _past(self) -> Text:
        lang = self.lang
        if not self.past:
            return Text("\n" + say("teach.first_attempt", lang), style="dim")
        out = Text("\n" + say("teach.past_attempts", lang) + "\n", style="bold")
        for old in reversed(self.past[-PAST_SHOWN:]):
            right, asked = old.score
            out.append(f"  {old.at.astimezone():%Y-%m-%d %H:%M}  {right}/{asked}"
                       f"  ({percent(right / asked if asked else None)})\n", style="")
        return out

    def _missed(self) -> Text:
        """The questions missed, then those left unanswered, each with its answer."""
        lang = self.lang
        missed = [fb.question for fb in self.quiz.answers if not fb.counts_right]
        unanswered = self.quiz.questions[len(self.quiz.answers):]
        out = Text()
        for key, questions in (("result.missed", missed), ("teach.unanswered", unanswered)):
            if not questions:
                continue
            out.append("\n" + say(key, lang, n=len(questions)) + "\n\n", style="bold")
            for q in questions:
                out.append("• " + q.prompt.show(lang) + "\n")
                out.append("  → " + expected_text(q, lang) + "\n", style="green")  # type: ignore[arg-type]
        return out
