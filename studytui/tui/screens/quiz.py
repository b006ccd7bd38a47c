"""A quiz: number keys for choice and multi, t/f for true/false, an Input for typed
answers (Korean IME input included); feedback with the explanation after each."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from studytui.content.model import Question
from studytui.store.sqlite_store import StoreError
from studytui.study.quiz_session import Feedback, QuizSession
from studytui.tui.screens.base import StudyScreen
from studytui.tui.widgets.check_list import CheckList
from studytui.tui.widgets.footer import StudyFooter

CHOOSE = Binding.Group("Choose", compact=True)
TRUTH_LABELS = ((True, "참 · True"), (False, "거짓 · False"))


class QuizScreen(StudyScreen[None]):
    HELP_TITLE = "Quiz · 퀴즈"
    BINDINGS = [
        *(
            Binding(str(n), f"pick({n})", f"Choice {n}", id=f"quiz.pick{n}", group=CHOOSE,
                    tooltip="Choose (multi: toggle) the answer with this number")
            for n in range(1, 10)
        ),
        Binding("t", "truth(True)", "True", id="quiz.true", tooltip="Answer true (참)"),
        Binding("f", "truth(False)", "False", id="quiz.false", tooltip="Answer false (거짓)"),
        Binding("enter", "enter", "Submit / next", id="quiz.enter",
                tooltip="Submit a multi answer, or go to the next question"),
        Binding("n", "next", "Next", show=False, id="quiz.next", tooltip="Next question"),
    ]

    def __init__(self, quiz: QuizSession) -> None:
        super().__init__()
        self.quiz = quiz
        self.feedback: Feedback | None = None
        self.shown: Question | None = None
        self._shown_order: list[int] = []
        self.answers: list[Feedback] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="quiz-head")
        yield ProgressBar(show_eta=False, id="quiz-progress")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="prompt")
            choices = OptionList(id="choices")
            multi: CheckList[int] = CheckList(id="multi")
            # Keys and the mouse choose; a focused list would turn Enter into an answer.
            choices.can_focus = multi.can_focus = False
            yield choices
            yield multi
            yield Input(placeholder="답을 입력하세요 · type your answer, Enter", id="answer")
            yield Static(id="feedback")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._redraw_lang, init=False)
        self._show_question()

    # ---- drawing -------------------------------------------------------------------------

    def _show_question(self) -> None:
        q = self.quiz.current
        self.feedback = None
        self.shown = q
        if q is None:
            return
        self._draw_question(q)
        feedback = self.query_one("#feedback", Static)
        feedback.update("")
        feedback.set_classes("")
        answer = self.query_one("#answer", Input)
        answer.value = ""
        answer.disabled = False
        if q.type in ("short", "cloze"):
            answer.focus()
        self._draw_head()
        self.refresh_bindings()

    def _draw_question(self, q: Question, keep_selection: bool = False) -> None:
        lang = self.lang
        self.query_one("#prompt", Static).update(Text(q.prompt.show(lang, sep="\n")))
        choices = self.query_one("#choices", OptionList)
        multi = self.query_one("#multi", CheckList)
        answer = self.query_one("#answer", Input)
        choices.display = q.type in ("choice", "truefalse")
        multi.display = q.type == "multi"
        answer.display = q.type in ("short", "cloze")
        order = self._order(q)
        if q.type == "choice":
            choices.set_options(
                Option(f"{pos}. {q.choices[n - 1].show(lang)}", id=str(pos))
                for pos, n in enumerate(order, 1)
            )
        elif q.type == "truefalse":
            choices.set_options(
                Option(f"{pos}. {label}   ({'t' if value else 'f'})", id=str(pos))
                for pos, (value, label) in enumerate(TRUTH_LABELS, 1)
            )
        elif q.type == "multi":
            keep = set(multi.selected) if keep_selection else set()
            multi.set_items(
                (f"{pos}. {q.choices[n - 1].show(lang)}", n, n in keep)
                for pos, n in enumerate(order, 1)
            )

    def _order(self, q: Question) -> list[int]:
        # While feedback shows, the session has moved on: keep the order that was shown.
        if self.feedback is None:
            return self.quiz.choices_order
        return self._shown_order

    def _draw_head(self) -> None:
        right, answered = self.quiz.score
        number = min(self.quiz.index + (0 if self.feedback else 1), self.quiz.total)
        self.query_one("#quiz-head", Static).update(
            f"Question · 문제 [b]{number}/{self.quiz.total}[/b]   "
            f"score · 점수 [b]{right}/{answered}[/b]"
        )
        self.query_one(ProgressBar).update(total=self.quiz.total, progress=answered)

    def _redraw_lang(self) -> None:
        if self.shown is not None:
            self._draw_question(self.shown, keep_selection=True)
        if self.feedback is not None:
            self._draw_feedback(self.feedback)

    def _draw_feedback(self, fb: Feedback) -> None:
        lang = self.lang
        out = Text()
        if fb.correct:
            out.append("✓ 정답 · Correct\n", style="bold green")
            message = fb.typo_message_ko if lang == "ko" else fb.typo_message
            if message:
                out.append(message + "\n", style="yellow")
        else:
            out.append("✗ 오답 · Wrong\n", style="bold red")
            out.append("Answer · 정답: ", style="dim")
            out.append(fb.expected_text(lang) + "\n", style="bold")  # type: ignore[arg-type]
            if fb.question.type in ("short", "cloze") and fb.given:
                out.append("You wrote · 입력: ", style="dim")
                out.append(fb.given + "\n")
        out.append(fb.explanation.show(lang, sep="\n") + "\n")
        out.append("\nEnter / n: next · 다음", style="dim")
        widget = self.query_one("#feedback", Static)
        widget.update(out)
        widget.set_classes("right" if fb.correct else "wrong")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        q = None if self.feedback else self.quiz.current
        if action == "pick":  # only the numbers on screen: 1-4 for four choices
            count = 0 if q is None else 2 if q.type == "truefalse" else len(q.choices or ())
            return bool(parameters) and int(parameters[0]) <= count  # type: ignore[call-overload]
        if action == "truth":
            return q is not None and q.type == "truefalse"
        if action == "next":
            return self.feedback is not None
        return True

    # ---- answering -------------------------------------------------------------------------

    def _answer(self, response: object) -> None:
        q = self.quiz.current
        if q is None or self.feedback is not None:
            return
        self._shown_order = self.quiz.choices_order
        try:
            fb = self.quiz.answer(response)  # type: ignore[arg-type]  # committed first
        except StoreError as exc:
            self.study.report_store_error(exc)
            return
        self.feedback = fb
        self.answers.append(fb)
        self.query_one("#answer", Input).disabled = True
        self._draw_feedback(fb)
        self._draw_head()
        self.refresh_bindings()
        self.query_one("#quiz-body", VerticalScroll).scroll_end(animate=False)

    def action_pick(self, position: int) -> None:
        q = self.quiz.current
        if q is None or self.feedback is not None:
            return
        if q.type == "truefalse" and position in (1, 2):
            self._answer(TRUTH_LABELS[position - 1][0])
        elif q.type == "choice" and position <= len(q.choices):
            self._answer(self.quiz.choice_at(position))
        elif q.type == "multi" and position <= len(q.choices):
            multi = self.query_one("#multi", CheckList)
            multi.toggle(self.quiz.choice_at(position))

    def action_truth(self, value: bool) -> None:
        self._answer(value)

    def action_enter(self) -> None:
        q = self.quiz.current
        if self.feedback is not None:
            self.action_next()
        elif q is not None and q.type == "multi":
            picked = set(self.query_one("#multi", CheckList).selected)
            if not picked:
                self.notify("Pick one or more with the number keys · 번호로 고르세요")
                return
            self._answer(picked)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_pick(int(event.option.id))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.feedback is not None:
            self.action_next()
        elif event.value.strip():
            self._answer(event.value)
        else:
            self.notify("Type an answer first · 답을 입력하세요")

    def action_next(self) -> None:
        if self.feedback is None:
            return
        if self.quiz.current is None:
            from studytui.tui.screens.quiz_result import QuizResultScreen

            self.app.switch_screen(QuizResultScreen(self.quiz, self.answers))
            return
        self._show_question()
