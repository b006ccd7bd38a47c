"""A quiz: number keys, or arrows and Enter, for choice and multi (Space ticks),
t/f for true/false, an Input for typed answers (Korean IME input included);
feedback with the explanation after each, the pick and the right choice marked.
After a wrong verdict, "I was right" takes the miss back. Leaving mid-quiz
asks first and shows the score so far. `ExamScreen` (exam.py) runs the same
screen without feedback."""

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
from studytui.tui.quiz_text import (
    TRUTH,
    choice_parts,
    choice_row,
    feedback_text,
    generated_tag,
    marked,
    picked_numbers,
    right_numbers,
)
from studytui.tui.screens.base import StudyScreen
from studytui.tui.widgets.check_list import CheckList
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say

# A group's description is a catalogue key: the key bar says it in the learner's language.
CHOOSE = Binding.Group("keys.quiz.choose", compact=True)
MOVE = Binding.Group("keys.quiz.move", compact=True)


class QuizScreen(StudyScreen[None]):
    HELP_TITLE = "screen.quiz"
    DEFAULT_CSS = """
    QuizScreen #quiz-head {
        height: auto;
        padding: 0 1;
    }
    QuizScreen #quiz-body {
        height: 1fr;
        padding: 0 1;
    }
    QuizScreen #prompt {
        margin: 1 0;
        text-style: bold;
    }
    QuizScreen #choices, QuizScreen #multi {
        height: auto;  /* no cap: long choices wrap and the quiz body scrolls as one */
    }
    /* The lists are never focused (the screen's keys drive them): the choice the
       arrows are on gets the focused cursor's look, not the faint blurred one. */
    QuizScreen #choices > .option-list--option-highlighted,
    QuizScreen #multi > .option-list--option-highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    QuizScreen #feedback {
        margin-top: 1;
        height: auto;
    }
    QuizScreen #feedback.right {
        border-left: thick $success;
        padding-left: 1;
    }
    QuizScreen #feedback.wrong {
        border-left: thick $error;
        padding-left: 1;
    }
    """
    # What each key says (key bar, Help, palette) is `keys.<id>` in the catalogue.
    BINDINGS = [
        *(
            Binding(str(n), f"pick({n})", f"Choice {n}", id=f"quiz.pick{n}", group=CHOOSE)
            for n in range(1, 10)
        ),
        # Before the quiz body's scrolling; off (check_action) when no list is there to move in.
        Binding("up", "move(-1)", "Up", id="quiz.up", group=MOVE, priority=True),
        Binding("down", "move(1)", "Down", id="quiz.down", group=MOVE, priority=True),
        Binding("space", "tick", "Tick", show=False, id="quiz.tick"),
        Binding("t", "truth(True)", "True", id="quiz.true"),
        Binding("f", "truth(False)", "False", id="quiz.false"),
        Binding("enter", "enter", "Submit / next", id="quiz.enter"),
        Binding("n", "next", "Next", show=False, id="quiz.next"),
        Binding("i", "dispute", "I was right", id="quiz.dispute"),
    ]
    # Help shows this under the keys: how a quiz answer moves the schedule.
    HELP_NOTE = "teach.help_schedule"
    SHOWS_FEEDBACK = True

    def __init__(self, quiz: QuizSession) -> None:
        super().__init__()
        self.quiz = quiz
        self.feedback: Feedback | None = None
        self.shown: Question | None = None
        self._shown_order: list[int] = []
        self._response: object = None  # the latest answer, to mark the pick

    @property
    def answers(self) -> list[Feedback]:
        return self.quiz.answers

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="quiz-head")
        yield ProgressBar(show_eta=False, id="quiz-progress")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="prompt")
            choices = OptionList(id="choices")
            multi: CheckList[int] = CheckList(id="multi")
            # The screen's keys move and choose; a focused list would eat the digits.
            choices.can_focus = multi.can_focus = False
            yield choices
            yield multi
            yield Input(placeholder=say("quiz.answer_placeholder", self.lang), id="answer")
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
        self._hold_focus()
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
        self.query_one("#answer", Input).placeholder = say("quiz.answer_placeholder", lang)
        self.query_one("#prompt", Static).update(Text(q.prompt.show(lang, sep="\n")))
        choices = self.query_one("#choices", OptionList)
        multi = self.query_one("#multi", CheckList)
        answered = self.feedback is not None
        choices.display = q.type in ("choice", "truefalse") or (answered and q.type == "multi")
        multi.display = q.type == "multi" and not answered
        self.query_one("#answer", Input).display = q.type in ("short", "cloze")
        order = self._order(q) if q.type != "truefalse" else [1, 2]
        if answered and choices.display:
            right, picked = right_numbers(q), picked_numbers(q, self._response)
            choices.set_options(
                Option(marked(*choice_parts(q, pos, n, lang), n in right, n in picked, lang))
                for pos, n in enumerate(order, 1))
            choices.highlighted = None
        elif q.type in ("choice", "truefalse"):
            highlighted = choices.highlighted if keep_selection else None
            hints = [self._keys_of("truth", value) for value, _ in TRUTH]
            choices.set_options(
                Option(choice_row(*choice_parts(q, pos, n, lang, hints[n - 1]
                                                if q.type == "truefalse" else "")), id=str(pos))
                for pos, n in enumerate(order, 1))
            choices.highlighted = highlighted
        elif q.type == "multi":
            keep = set(multi.selected) if keep_selection else set()
            multi.set_items(
                ("".join(choice_parts(q, pos, n, lang)), n, n in keep)
                for pos, n in enumerate(order, 1))
            if not keep_selection:
                multi.highlighted = None

    def _hold_focus(self) -> None:
        """Focus on the quiz body, at once, before the answer box is hidden or
        disabled: with nothing focused the screen's keys drop out of
        `active_bindings`, and the key hints drawn from them go blank."""
        self.set_focus(self.query_one("#quiz-body", VerticalScroll), scroll_visible=False)

    def _keys_of(self, action: str, value: object = None) -> str:
        """The keys (as the keymap has them) that run `action`, e.g. truth(False)."""
        wanted = action if value is None else f"{action}({value})"
        keys = [self.app.get_key_display(b) for b in self._bindings_of(wanted)]
        return "/".join(keys)

    def _bindings_of(self, action: str) -> list[Binding]:
        return [a.binding for a in self.active_bindings.values() if a.binding.action == action]

    def _order(self, q: Question) -> list[int]:
        # While feedback shows, the session has moved on: keep the order that was shown.
        if self.feedback is None:
            return self.quiz.choices_order
        return self._shown_order

    def head_text(self) -> str:
        right, answered = self.quiz.score
        number = min(self.quiz.index + (0 if self.feedback else 1), self.quiz.total)
        lang = self.lang
        tag = generated_tag(self.shown, lang) if self.shown is not None else ""
        return (say("quiz.question_no", lang, n=number, total=self.quiz.total) + "   "
                + say("quiz.score_so_far", lang, right=right, answered=answered) + tag)

    def _draw_head(self) -> None:
        self.query_one("#quiz-head", Static).update(self.head_text())
        self.query_one(ProgressBar).update(total=self.quiz.total, progress=self.quiz.index)

    def _redraw_lang(self) -> None:
        self._draw_head()
        if self.shown is not None:
            self._draw_question(self.shown, keep_selection=True)
        if self.feedback is not None:
            self._draw_feedback(self.feedback)

    def _draw_feedback(self, fb: Feedback) -> None:
        next_keys = " / ".join(filter(None, (self._keys_of("enter"), self._keys_of("next"))))
        widget = self.query_one("#feedback", Static)
        widget.update(feedback_text(fb, self.lang, next_keys, self._keys_of("dispute")))
        widget.set_classes("right" if fb.counts_right else "wrong")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        q = None if self.feedback else self.quiz.current
        if action == "pick":  # only the numbers on screen: 1-4 for four choices
            count = 0 if q is None else 2 if q.type == "truefalse" else len(q.choices or ())
            return bool(parameters) and int(parameters[0]) <= count  # type: ignore[call-overload]
        if action == "move":
            return q is not None and q.type in ("choice", "truefalse", "multi")
        if action == "tick":
            return q is not None and q.type == "multi"
        if action == "truth":
            return q is not None and q.type == "truefalse"
        if action == "next":
            return self.feedback is not None
        if action == "dispute":
            return self.feedback is not None and not self.feedback.counts_right
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
        self._response = response
        self.after_answer(fb)

    def after_answer(self, fb: Feedback) -> None:
        """The feedback: the verdict, the pick and the right choice marked."""
        self.feedback = fb
        self._hold_focus()
        self.query_one("#answer", Input).disabled = True
        self._draw_question(fb.question)
        self._draw_feedback(fb)
        self._draw_head()
        self.refresh_bindings()
        self.query_one("#quiz-body", VerticalScroll).scroll_end(animate=False)

    def _list(self) -> OptionList:
        q = self.quiz.current
        return self.query_one("#multi" if q is not None and q.type == "multi" else "#choices",
                              OptionList)

    def action_move(self, step: int) -> None:
        options = self._list()
        count = options.option_count
        if count:
            now = options.highlighted
            start = (-1 if step > 0 else count) if now is None else now
            options.highlighted = (start + step) % count

    def action_tick(self) -> None:
        multi = self.query_one("#multi", CheckList)
        if multi.highlighted is None:
            self.notify(self._how_to_choose())
        else:
            multi.toggle(self.quiz.choice_at(multi.highlighted + 1))

    def _how_to_choose(self) -> str:
        q = self.quiz.current
        keys = {"move": f"{self._keys_of('move', -1)}/{self._keys_of('move', 1)}",
                "tick": self._keys_of("tick"), "submit": self._keys_of("enter")}
        return say("teach.how_multi" if q is not None and q.type == "multi"
                   else "teach.how_choice", self.lang, **keys)

    def action_pick(self, position: int) -> None:
        q = self.quiz.current
        if q is None or self.feedback is not None:
            return
        if q.type == "truefalse" and position in (1, 2):
            self._answer(TRUTH[position - 1][0])
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
                self.notify(self._how_to_choose())
                return
            self._answer(picked)
        elif q is not None and q.type in ("choice", "truefalse"):
            highlighted = self.query_one("#choices", OptionList).highlighted
            if highlighted is None:
                self.notify(self._how_to_choose())
            else:
                self.action_pick(highlighted + 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and self.feedback is None:
            self.action_pick(int(event.option.id))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.feedback is not None:
            self.action_next()
        elif event.value.strip():
            self._answer(event.value)
        else:
            self.notify(say("quiz.type_first", self.lang))

    def action_dispute(self) -> None:
        if self.feedback is None or self.feedback.counts_right:
            return
        try:
            fb = self.quiz.dispute()
        except StoreError as exc:
            self.study.report_store_error(exc)
            return
        self.feedback = fb
        self._draw_feedback(fb)
        self._draw_head()
        self.refresh_bindings()

    def action_next(self) -> None:
        if self.feedback is None:
            return
        if self.quiz.current is None:
            self.finish()
            return
        self._show_question()

    def finish(self, stopped: bool = False) -> None:
        from studytui.tui.screens.quiz_result import QuizResultScreen

        self.app.switch_screen(QuizResultScreen(self.quiz, stopped=stopped))

    def action_back(self) -> None:
        """Mid-quiz, ask first (showing the score so far); then the result of what
        was answered. Before the first answer, or after the last, leave at once."""
        right, answered = self.quiz.score
        if answered == 0:
            self.dismiss()
            return
        if self.quiz.current is None and self.feedback is not None:
            self.finish()
            return
        from studytui.tui.screens.quiz_leave import QuizLeaveScreen

        def chosen(leave: bool | None) -> None:
            if leave:
                self.finish(stopped=True)

        self.app.push_screen(QuizLeaveScreen(self.leave_question()), chosen)

    def leave_question(self) -> str:
        right, answered = self.quiz.score
        return say("teach.leave_quiz", self.lang, sep="\n\n", right=right, answered=answered,
                   total=self.quiz.total)
