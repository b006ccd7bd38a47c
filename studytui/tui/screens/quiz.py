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
from studytui.words import say

# A group's description is a catalogue key: the key bar says it in the learner's language.
CHOOSE = Binding.Group("keys.quiz.choose", compact=True)
TRUTH = ((True, "quiz.true"), (False, "quiz.false"))


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
        Binding("t", "truth(True)", "True", id="quiz.true"),
        Binding("f", "truth(False)", "False", id="quiz.false"),
        Binding("enter", "enter", "Submit / next", id="quiz.enter"),
        Binding("n", "next", "Next", show=False, id="quiz.next"),
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
                Option(f"{pos}. {say(word, lang)}   ({self._keys_of('truth', value)})",
                       id=str(pos))
                for pos, (value, word) in enumerate(TRUTH, 1)
            )
        elif q.type == "multi":
            keep = set(multi.selected) if keep_selection else set()
            multi.set_items(
                (f"{pos}. {q.choices[n - 1].show(lang)}", n, n in keep)
                for pos, n in enumerate(order, 1)
            )

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

    def _draw_head(self) -> None:
        right, answered = self.quiz.score
        number = min(self.quiz.index + (0 if self.feedback else 1), self.quiz.total)
        lang = self.lang
        self.query_one("#quiz-head", Static).update(
            say("quiz.question_no", lang, n=number, total=self.quiz.total) + "   "
            + say("quiz.score_so_far", lang, right=right, answered=answered)
        )
        self.query_one(ProgressBar).update(total=self.quiz.total, progress=answered)

    def _redraw_lang(self) -> None:
        self._draw_head()
        if self.shown is not None:
            self._draw_question(self.shown, keep_selection=True)
        if self.feedback is not None:
            self._draw_feedback(self.feedback)

    def _draw_feedback(self, fb: Feedback) -> None:
        lang = self.lang
        out = Text()
        if fb.correct:
            out.append("✓ " + say("quiz.correct", lang) + "\n", style="bold green")
            message = fb.typo_message_ko if lang == "ko" else fb.typo_message
            if message:
                out.append(message + "\n", style="yellow")
        else:
            out.append("✗ " + say("quiz.wrong", lang) + "\n", style="bold red")
            out.append(say("quiz.expected", lang) + ": ", style="dim")
            out.append(fb.expected_text(lang) + "\n", style="bold")  # type: ignore[arg-type]
            if fb.question.type in ("short", "cloze") and fb.given:
                out.append(say("quiz.you_wrote", lang) + ": ", style="dim")
                out.append(fb.given + "\n")
        out.append(fb.explanation.show(lang, sep="\n") + "\n")
        keys = " / ".join(filter(None, (self._keys_of("enter"), self._keys_of("next"))))
        out.append(f"\n{keys}: " + say("quiz.next_hint", lang), style="dim")
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
                self.notify(say("quiz.pick_some", self.lang))
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
            self.notify(say("quiz.type_first", self.lang))

    def action_next(self) -> None:
        if self.feedback is None:
            return
        if self.quiz.current is None:
            from studytui.tui.screens.quiz_result import QuizResultScreen

            self.app.switch_screen(QuizResultScreen(self.quiz, self.answers))
            return
        self._show_question()
