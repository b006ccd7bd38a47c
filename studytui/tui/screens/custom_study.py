"""Custom study: the same choices as `studytui review`'s options, as a form.

Lectures and tags choose the cards; one way chooses which of them (what is
due, cram, ahead, weak); more new cards today; the directions; practice. Before
the session starts the form says how many cards it studies and whether the
answers are reviews or practice.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Input, Label, RadioButton, RadioSet, Static

from studytui.study.custom_study import AHEAD_DAYS_RANGE, EXTRA_NEW_RANGE, StudyPlan
from studytui.study.directions import FORWARD, expand
from studytui.tui.screens.base import StudyScreen
from studytui.tui.widgets.check_list import CheckList
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say

WAYS = ("plain", "cram", "ahead", "weak")
OPTIONS = ("forward", "reverse", "cross", "practice")
NARROW = 80  # columns: below this the form is one column (the app's -narrow)


class FormProblem(ValueError):
    """A value of the form that cannot be used; the message is the learner's line."""


class CustomStudyScreen(StudyScreen[None]):
    HELP_TITLE = "screen.custom_study"
    # Opens with nothing focused, as when its scrolling box took the focus:
    # ? and l stay keys until Tab (or a click) goes into a field. ("" is no
    # focus; None would take the app's.)
    AUTO_FOCUS = ""
    DEFAULT_CSS = """
    CustomStudyScreen #custom-box { padding: 0 1; }
    CustomStudyScreen #custom-columns { height: auto; }
    CustomStudyScreen #custom-left, CustomStudyScreen #custom-right {
        width: 1fr;
        height: auto;
    }
    CustomStudyScreen #custom-right { margin-left: 1; }
    CustomStudyScreen CheckList { height: auto; max-height: 11; }
    CustomStudyScreen RadioSet { width: 1fr; }
    CustomStudyScreen .custom-row { height: auto; }
    CustomStudyScreen .custom-row Label { width: auto; padding: 1 1 0 0; }
    CustomStudyScreen .custom-row Input { width: 1fr; }
    CustomStudyScreen .custom-row Input.days { width: 8; margin-right: 1; }
    CustomStudyScreen #custom-status { padding: 0 1; height: auto; }
    CustomStudyScreen.-narrow #custom-columns { layout: vertical; }
    CustomStudyScreen.-narrow #custom-right { margin-left: 0; }
    """
    BINDINGS = [
        Binding("s", "start", "Start", id="custom.start"),
        Binding("a", "toggle_all", "All/none", id="custom.all"),
        Binding("o", "way('plain')", "Plain", id="custom.plain"),
        Binding("c", "way('cram')", "Cram", id="custom.cram"),
        Binding("h", "way('ahead')", "Ahead", id="custom.ahead"),
        Binding("w", "way('weak')", "Weak", id="custom.weak"),
        Binding("n", "focus_field('extra-new')", "More new", id="custom.new"),
        Binding("t", "focus_field('tags')", "Tag", id="custom.tag"),
        Binding("p", "option('practice')", "Practice", id="custom.practice"),
        Binding("v", "option('reverse')", "Reverse", id="custom.reverse"),
        Binding("x", "option('cross')", "Ko↔En", id="custom.cross"),
    ]

    def __init__(self, lectures: list[int] | None = None) -> None:
        super().__init__()
        self.preselected = lectures
        self._shown: StudyPlan | str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="custom-box", can_focus=False):  # Tab goes field to field
            yield Label(id="lectures-label")
            yield CheckList[int](self._lecture_items(
                lambda n: self.preselected is None or n in self.preselected), id="lectures")
            with Horizontal(id="custom-columns"):
                with Vertical(id="custom-left"):
                    with RadioSet(id="way"):
                        for way in WAYS:
                            yield RadioButton(id=f"way-{way}", value=way == "plain")
                    with Horizontal(classes="custom-row"):
                        yield Label(id="tags-label")
                        yield Input(id="tags")
                with Vertical(id="custom-right"):
                    # A row each: side by side they ran past the right edge at 80 columns.
                    with Horizontal(classes="custom-row"):
                        yield Label(id="ahead-label")
                        yield Input("7", type="integer", id="ahead-days", max_length=4,
                                    classes="days")
                    with Horizontal(classes="custom-row"):
                        yield Label(id="new-label")
                        yield Input("", type="integer", id="extra-new", max_length=4,
                                    classes="days")
                    turned_on = {"forward", *self.study.config.directions}
                    yield CheckList[str]([("", key, key in turned_on) for key in OPTIONS],
                                         id="options")
        yield Static(id="custom-status")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._relabel, init=True)
        # The lists toggle without a message: the preview follows them on a short tick.
        self.set_interval(0.3, self._show_status)

    def on_screen_resume(self) -> None:
        self._shown = None  # a session may have changed what is due: count again

    def _lecture_items(self, checked: Callable[[int], bool]) -> list[tuple[str, int, bool]]:
        lang = self.lang
        return [(f"{lec.number:>2}. {lec.title.show(lang)}  "
                 f"({len(lec.cards)})",
                 lec.number, checked(lec.number)) for lec in self.study.deck.lectures]

    def on_resize(self) -> None:
        self._relabel()  # whether both languages fit a label depends on the width

    def fit(self, key: str, room: int) -> str:
        """`key` in the learner's language; in `both`, Korean alone when both
        would not fit in `room` cells."""
        text = say(key, self.lang)
        return say(key, "ko") if self.lang == "both" and cell_len(text) > room else text

    def _relabel(self) -> None:
        lang = self.lang
        wide = self.size.width >= NARROW
        column = max((self.size.width - 4) // (2 if wide else 1), 20)
        self.query_one("#lectures-label", Label).update(say("custom.lectures", lang))
        self.query_one("#tags-label", Label).update(self.fit("custom.tag", column // 2))
        self.query_one("#tags", Input).placeholder = self.fit("custom.tag_placeholder", 14)
        numbers = column - 10  # a label and an 8-cell input share the row
        self.query_one("#ahead-label", Label).update(self.fit("custom.ahead_days", numbers))
        self.query_one("#new-label", Label).update(self.fit("custom.extra_new", numbers))
        self.query_one("#way", RadioSet).border_title = self.fit("custom.which", column - 6)
        for way in WAYS:
            self.query_one(f"#way-{way}", RadioButton).label = self.fit(
                f"custom.way.{way}", column - 8)
        lectures = self.query_one("#lectures", CheckList)
        ticked = set(lectures.selected)
        lectures.set_items(self._lecture_items(lambda n: n in ticked))
        options = self.query_one("#options", CheckList)
        on = set(options.selected)
        options.set_items([(self.fit("custom.practice" if key == "practice"
                                     else f"custom.dir.{key}", column - 8), key, key in on)
                           for key in OPTIONS])
        options.border_title = self.fit("custom.directions", column - 6)
        self._shown = None
        self._show_status()

    # ---- the plan the form says ------------------------------------------------------------

    def _number(self, field: str, label: str, bounds: tuple[int, int], why: str) -> int | None:
        text = self.query_one(f"#{field}", Input).value.strip()
        if not text:
            return None
        value = int(text) if text.lstrip("-").isdigit() else None
        if value is None or not bounds[0] <= value <= bounds[1]:
            raise FormProblem(say("custom.bad_number", self.lang, what=say(label, self.lang),
                                  why=say(why, self.lang)))
        return value

    def plan(self) -> StudyPlan:
        """The plan the form says; FormProblem names a value that cannot be used."""
        lectures = tuple(self.query_one("#lectures", CheckList).selected)
        if not lectures:
            raise FormProblem(say("custom.need_lecture", self.lang))
        pressed = self.query_one("#way", RadioSet).pressed_button
        way = (pressed.id or "way-plain").removeprefix("way-") if pressed else "plain"
        options = set(self.query_one("#options", CheckList).selected)
        directions = ((FORWARD,) if "forward" in options else ()) + expand(
            o for o in ("reverse", "cross") if o in options)
        tags = tuple(t.strip() for t in self.query_one("#tags", Input).value.split(",")
                     if t.strip())
        ahead = self._number("ahead-days", "custom.ahead_days", AHEAD_DAYS_RANGE,
                             "custom.bad_ahead") if way == "ahead" else None
        extra = self._number("extra-new", "custom.extra_new", EXTRA_NEW_RANGE, "custom.bad_new")
        return StudyPlan(
            None if len(lectures) == len(self.study.deck.lectures) else lectures,
            tags=tags, directions=directions or (FORWARD,), extra_new=extra or 0,
            cram=way == "cram", ahead_days=(ahead or 7) if way == "ahead" else None,
            weak=way == "weak", practice="practice" in options)

    def _show_status(self) -> None:
        """How many cards, and whether answers are reviews or practice: before it starts."""
        try:
            plan: StudyPlan | str = self.plan()
        except FormProblem as exc:
            plan = str(exc)
        if plan == self._shown:
            return
        self._shown = plan
        status = self.query_one("#custom-status", Static)
        if isinstance(plan, str):
            status.update(f"[red]{plan}[/red]")
            return
        from studytui.tui.custom_review import make_session

        session = make_session(self.study, plan)
        count = session.progress[1]
        preview = (say("custom.preview_held", self.lang, n=count, held=session.held_back)
                   if session.held_back else say("custom.preview", self.lang, n=count))
        kind = "custom.is_practice" if plan.practice else "custom.is_review"
        status.update(f"[b]{say(kind, self.lang)}[/b]\n{preview}")

    # ---- actions ---------------------------------------------------------------------------

    @on(Input.Changed)
    @on(RadioSet.Changed)
    def _changed(self) -> None:
        self._show_status()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_start()

    def action_way(self, way: str) -> None:
        self.query_one(f"#way-{way}", RadioButton).value = True

    def action_option(self, key: str) -> None:
        self.query_one("#options", CheckList).toggle(key)
        self._show_status()

    def action_focus_field(self, field: str) -> None:
        self.query_one(f"#{field}", Input).focus()

    def action_toggle_all(self) -> None:
        lectures = self.query_one("#lectures", CheckList)
        if lectures.selected:
            lectures.deselect_all()
        else:
            lectures.select_all()
        self._show_status()

    def action_start(self) -> None:
        try:
            plan = self.plan()
        except FormProblem as exc:
            self.notify(str(exc), severity="warning")
            return
        self.study.open_review(plan=plan)
