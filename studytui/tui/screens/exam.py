"""Exam mode: the quiz screen without feedback, an optional time limit, and at
the end (the last answer, time up, or leaving) the attempt stored and its
report shown."""

from __future__ import annotations

from datetime import datetime

from studytui.store.sqlite_store import StoreError
from studytui.study.exam import finish_exam
from studytui.study.quiz_session import Feedback, QuizSession
from studytui.tui.screens.quiz import QuizScreen
from studytui.words import say


class ExamScreen(QuizScreen):
    HELP_TITLE = "screen.exam"
    HELP_NOTE = "teach.help_exam"

    def __init__(self, quiz: QuizSession, limit_s: int | None, started: datetime) -> None:
        super().__init__(quiz)
        self.limit_s = limit_s
        self.started = started
        self._finished = False

    def on_mount(self) -> None:
        super().on_mount()
        if self.limit_s is not None:
            self.set_interval(1, self.tick)

    def remaining(self) -> float | None:
        """Seconds left (None: no limit)."""
        if self.limit_s is None:
            return None
        return self.limit_s - (self.study.now() - self.started).total_seconds()

    def tick(self) -> None:
        left = self.remaining()
        if left is not None and left <= 0:
            self.finish(stopped=True)
        else:
            self._draw_head()

    def head_text(self) -> str:
        lang = self.lang
        answered = self.quiz.index
        text = (say("teach.exam_head", lang) + "   "
                + say("quiz.question_no", lang, n=min(answered + 1, self.quiz.total),
                      total=self.quiz.total))
        left = self.remaining()
        if left is not None:
            minutes, seconds = divmod(max(0, int(left)), 60)
            text += "   " + say("teach.time_left", lang, time=f"{minutes}:{seconds:02d}")
        return text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("dispute", "next"):
            return False  # no verdicts until the end
        return super().check_action(action, parameters)

    def after_answer(self, fb: Feedback) -> None:
        """No feedback: straight on to the next question, or the end."""
        if self.quiz.current is None:
            self.finish()
        else:
            self._show_question()

    def finish(self, stopped: bool = False) -> None:
        if self._finished:
            return
        from studytui.tui.screens.exam_result import ExamResultScreen

        while self.app.screen is not self:  # time ran out while "leave?" was asked
            self.app.pop_screen()
        now = self.study.now()
        try:
            attempt = finish_exam(self.study.store, self.study.deck, self.quiz, self.started,
                                  now, self.limit_s)
        except StoreError as exc:
            self.study.report_store_error(exc)
            return
        self._finished = True
        self.app.switch_screen(ExamResultScreen(attempt, self.quiz))

    def action_back(self) -> None:
        from studytui.tui.screens.quiz_leave import QuizLeaveScreen

        def chosen(leave: bool | None) -> None:
            if leave:
                self.finish(stopped=True)

        self.app.push_screen(QuizLeaveScreen(say(
            "teach.leave_exam", self.lang, sep="\n\n", answered=self.quiz.index,
            total=self.quiz.total)),
            chosen)
