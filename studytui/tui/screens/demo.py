"""A demo from the registry: computed in the app's demo process (torch is
imported there, never in the app: demos/worker_client.py), drawn to fill its
pane, redrawn as it computes, parameters editable, knobs and steps live when
the demo declares them (demo_live.py).

A thread worker reads the demo's frames (demos/frames.py) from the process's
pipe, a read that holds no GIL, so keys are answered while torch imports,
and posts each as a small `DemoFrame` message (toolong's pattern); a newer
frame replaces one not yet handled, so a slow terminal skips frames instead
of lagging. The screen keeps the latest frame and draws it at the pane's
size, again on every resize and language change. The first frame of a demo
that can draw before torch (the race's surface and start) shows at once; the
rest follows. An exception in a demo, or the process's death, ends up in the
error line; the app keeps running, and the next run starts a fresh process.

Keys: the output has focus on open (arrows and PageUp/PageDown scroll it);
`p` opens the form with focus in its first field, Esc closes it, and Esc
again leaves the demo.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from rich.measure import Measurement
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Header, LoadingIndicator, Static
from textual.worker import Worker, WorkerState, get_current_worker

from demos.live import STILL, live_of
from demos.params import DemoSpec, ParamError

if TYPE_CHECKING:
    from demos.frames import Frame
from demos.registry import get_demo
from demos.worker_protocol import DemoFailed, WorkerDied
from studytui.tui.screens.base import StudyScreen
from studytui.tui.screens.demo_live import LiveControls
from studytui.tui.widgets.footer import StudyFooter
from studytui.tui.widgets.param_form import ParamForm
from studytui.words import pick, say

FRAME_RATE = 12  # frames a second drawn at most: each redraw of a big pane costs ~30 ms
# A frame arriving sooner than this many draw-costs after the last draw is
# skipped (the finished one never is): the compute keeps most of the time.
DRAW_SHARE = 3
FIRST_DRAW_WAIT = 2.0  # seconds the worker waits at most for the first picture
MIN_PANE_ROWS = 16  # rows the picture keeps; a notice that would take them waits for `n`
WIDE_ENOUGH_FOR_FORM = 130  # columns: below this the parameter form starts hidden


class DemoFrame(Message):
    """The demo's latest frame (plain data), from the worker thread."""

    def __init__(self, frame: Frame, drawn: threading.Event | None = None) -> None:
        super().__init__()
        self.frame = frame
        self.drawn = drawn  # set once the frame is on screen

    def can_replace(self, message: Message) -> bool:
        # Textual asks the older message whether the pending one supersedes it.
        return isinstance(message, DemoFrame)


class DemoPane(VerticalScroll):
    """The scrolling pane the picture fills; focused on open. Left and right
    step through a demo that has steps, and scroll one that has none."""

    BINDINGS = [
        # Not in the key bar: the live line shows them where there are steps.
        Binding("left", "step(-1)", "Back", show=False, id="demo.step_back"),
        Binding("right", "step(1)", "Forward", show=False, id="demo.step_forward"),
    ]

    class Resized(Message):
        pass

    def on_resize(self) -> None:
        self.post_message(self.Resized())

    def action_step(self, direction: int) -> None:
        screen = self.screen
        if isinstance(screen, DemoScreen) and screen.last_step() is not None:
            screen.action_step(direction)
        elif direction < 0:
            self.action_scroll_left()
        else:
            self.action_scroll_right()


class DemoScreen(LiveControls, StudyScreen[None]):
    HELP_TITLE = "screen.demo"
    DEFAULT_CSS = """
    DemoScreen #demo-main {
        height: 1fr;
    }
    DemoScreen #demo-live {
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    DemoScreen #demo-side {
        width: 36;
        border-right: vkey $primary;
        padding: 0 1;
    }
    DemoScreen #demo-out-scroll {
        width: 1fr;
        padding: 0 1;
        overflow-x: auto;
        scrollbar-gutter: stable;  /* the picture's width does not jump when a scrollbar appears */
    }
    DemoScreen #demo-output {
        width: 1fr;  /* and a min-width from the output's own measure: _show_output */
    }
    DemoScreen #demo-error {
        color: $error;
        height: auto;
    }
    DemoScreen #demo-loading {
        height: 3;
    }
    """
    BINDINGS = [
        Binding("r", "run", "Run", id="demo.run"),
        Binding("p", "toggle_params", "Params", id="demo.params"),
        *LiveControls.BINDINGS,
    ]

    def __init__(self, name: str, params: dict[str, Any]) -> None:
        super().__init__()
        self.demo_name = name
        self.spec: DemoSpec | None = None
        self.live = STILL
        self.values: dict[str, Any] = {}
        self.problem: ParamError | None = None
        try:
            self.spec = get_demo(name)
            self.live = live_of(self.spec.live)
            self.values = self.spec.resolve(params)
        except ParamError as exc:
            self.problem = exc
        self.frame: Frame | None = None  # the latest frame drawn
        self.result: dict[str, Any] | None = None  # the finished frame's data
        self.error: BaseException | None = None
        self.first_picture_at: float | None = None  # when the first frame reached the screen
        self.drawn_at = 0.0  # when the last draw ended, and what it cost (perf_counter s)
        self.draw_cost = 0.0

    def compose(self) -> ComposeResult:
        spec = self.spec
        lang = self.lang
        yield Header()
        yield Static(self._title(lang), id="demo-title")
        yield Static(id="demo-live")
        with Horizontal(id="demo-main"):
            if spec is not None:
                with Vertical(id="demo-side"):
                    yield ParamForm(spec, self.values, lang, id="demo-form")
                    yield Button(say("demo.run", self.lang), id="demo-run",
                                 variant="primary", action="screen.run")
            with DemoPane(id="demo-out-scroll"):
                yield Static(id="demo-error")
                yield LoadingIndicator(id="demo-loading")
                yield Static(id="demo-output")
        yield StudyFooter()

    def _title(self, lang: str) -> Text:
        spec = self.spec
        return Text.assemble(
            (pick(lang, spec.title_ko, spec.title_en) if spec else self.demo_name, "bold"),
            "  " + (spec.summary_in(lang) if spec else ""))

    def key_of(self, binding_id: str) -> str:
        """The key the keymap gave a binding of this screen or of its output pane
        (as declared, while the pane's keys are not live: the form has focus)."""
        declared = [b for b in (*DemoPane.BINDINGS, *self.BINDINGS) if isinstance(b, Binding)]
        binding = next((a.binding for a in self.active_bindings.values()
                        if a.binding.id == binding_id), None) or next(
            (b for b in declared if b.id == binding_id), None)
        return self.app.get_key_display(binding) if binding else ""

    def _label_run(self) -> None:
        # r runs from the picture; in a field r is a letter and Enter runs.
        self.query_one("#demo-run", Button).label = (
            say("demo.run", self.lang) + f" ({self.key_of('demo.run')} · ⏎)")

    def _relabel(self) -> None:
        """The form and its button follow the learner's language (l)."""
        if self.spec is not None:
            self.query_one(ParamForm).relabel(self.lang)
            self._label_run()

    def on_mount(self) -> None:
        if self.spec is not None:
            self._label_run()
        self.query_one("#demo-loading").display = False
        if self.spec is not None and self.app.size.width < WIDE_ENOUGH_FOR_FORM:
            # The race's map needs the width; p brings the form back.
            self.query_one("#demo-side").display = False
        self.query_one(DemoPane).focus()
        self.watch(self.app, "lang", self.draw, init=False)
        self.watch(self.app, "lang", self._relabel, init=False)
        if self.problem:
            self._show_error(self.problem)
        else:
            self.start(self.values)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.live_allows(action, parameters)

    # ---- running -------------------------------------------------------------------------

    def start(self, values: dict[str, Any], previous: dict[str, Any] | None = None) -> None:
        self.values = values
        self.error = None
        error = self.query_one("#demo-error", Static)
        error.update("")
        error.display = False  # an empty line above the picture would push its foot out of view
        if previous is None:
            self.result = None
            self.stop_playing()
            self.query_one("#demo-loading").display = True
        self.run_demo(values, previous)
        self.refresh_bindings()

    def turn(self, values: dict[str, Any]) -> None:
        if self.spec is None:
            return
        self.query_one(ParamForm).show_values(values)
        self.start(values, previous=self.result)
        self._show_live()

    @work(thread=True, exclusive=True, exit_on_error=False, group="demo")
    def run_demo(self, values: dict[str, Any], previous: dict[str, Any] | None
                 ) -> dict[str, Any] | None:
        worker = get_current_worker()
        run = self.app.demo_process().run(  # type: ignore[attr-defined]
            self.demo_name, values, rate=FRAME_RATE, previous=previous)
        drawn = threading.Event()
        for frame in run.frames(lambda: worker.is_cancelled):
            first = not drawn.is_set() and self.frame is None
            self.post_message(DemoFrame(frame, drawn))
            if frame.finished:
                return frame.data
            if first:
                # What comes next may import torch: the process waits until the
                # first picture is on screen, so the two do not share the cores.
                drawn.wait(FIRST_DRAW_WAIT)
                run.drawn()
        return None

    def on_demo_frame(self, message: DemoFrame) -> None:
        self.query_one("#demo-loading").display = False
        self.frame = message.frame
        if message.frame.finished:
            self.result = message.frame.data
            self.refresh_bindings()
        elif time.perf_counter() - self.drawn_at < DRAW_SHARE * self.draw_cost:
            return  # skipped: drawing every frame would starve the compute of the GIL
        self.draw()
        if message.drawn is not None and self.first_picture_at is None:
            self.call_after_refresh(self._first_drawn, message.drawn)

    def _first_drawn(self, drawn: threading.Event) -> None:
        if self.first_picture_at is None:
            self.first_picture_at = time.perf_counter()  # benchmarks/bench_demo_open.py
        drawn.set()

    def on_demo_pane_resized(self) -> None:
        self.draw()

    def draw(self) -> None:
        """The latest frame, drawn to fill the pane's visible region."""
        self._show_live()
        if self.frame is None:
            return
        from demos.runner import render_demo  # Rich only: no torch

        started = time.perf_counter()
        region = self.query_one(DemoPane).scrollable_content_region
        step = self.shown_step() if self.frame.finished else self.frame.step
        self._show_output(render_demo(
            self.demo_name, self.frame.data, self.lang, step=step, width=max(1, region.width),
            height=max(1, region.height), color=not self.app.no_color))
        self.drawn_at = time.perf_counter()
        self.draw_cost = self.drawn_at - started

    def _lines(self, text: str | Text, width: int) -> int:
        """Lines `text` takes when wrapped at `width` cells."""
        text = Text(text) if isinstance(text, str) else text
        return len(text.wrap(self.app.console, max(1, width)))

    def _notice_fits(self, controls: Text) -> Any:
        """Whether a notice fits above the picture with MIN_PANE_ROWS left for it."""
        width = self.size.width - 2  # the bar's padding
        title = self.query_one("#demo-title", Static).render()
        chrome = 2 + self._lines(title if isinstance(title, Text) else Text(str(title)),
                                 self.size.width) + self._lines(controls, width)
        room = self.size.height - chrome - MIN_PANE_ROWS
        return lambda notice: self._lines(notice, width) <= room

    def _show_live(self) -> None:
        self.query_one("#demo-title", Static).update(self._title(self.lang))
        bar = self.query_one("#demo-live", Static)
        controls = self.live_text(self.lang, self.key_of, lambda notice: False)
        text = self.live_text(self.lang, self.key_of, self._notice_fits(controls))
        bar.display = bool(text.plain)
        bar.update(text)

    def _show_output(self, renderable: RenderableType) -> None:
        """The output as wide as the pane, so text wraps at spaces (a Korean word
        stays whole); what cannot get that narrow (a chart, a table's columns)
        keeps its smallest width and scrolls sideways instead of being cut."""
        output = self.query_one("#demo-output", Static)
        console = self.app.console
        unbounded = console.options.update_width(10_000)  # the measure, not the terminal's
        output.styles.min_width = Measurement.get(console, unbounded, renderable).minimum
        output.update(renderable)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "demo":
            return
        if event.state == WorkerState.ERROR:
            self.error = event.worker.error
            self._show_error(self.error)
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            self.query_one("#demo-loading").display = False

    def _show_error(self, problem: BaseException) -> None:
        message = (problem.say(self.lang, sep="\n")
                   if isinstance(problem, (ParamError, DemoFailed, WorkerDied))
                   else f"{type(problem).__name__}: {problem}")
        self.query_one("#demo-loading").display = False
        error = self.query_one("#demo-error", Static)
        error.display = True
        hint = "demo_worker.rerun" if isinstance(problem, WorkerDied) else "demo.fix_and_rerun"
        error.update(
            Text.assemble((say("demo.failed", self.lang) + "\n", "bold"), message,
                          ("\n" + say(hint, self.lang, key=self.key_of("demo.run")), "dim"))
        )

    # ---- actions -------------------------------------------------------------------------

    def action_run(self) -> None:
        if self.spec is None:
            return
        try:
            values = self.spec.resolve(self.query_one(ParamForm).raw_values())
        except ParamError as exc:
            self._show_error(exc)
            return
        self.step = None
        self.start(values)
        if self._form_open() and self.app.size.width < WIDE_ENOUGH_FOR_FORM:
            # Too narrow for the form and the picture side by side: the form
            # gives the room back, so the run it started is seen (p reopens it).
            self.action_toggle_params()

    def _form_open(self) -> bool:
        return self.spec is not None and bool(self.query_one("#demo-side").display)

    def action_toggle_params(self) -> None:
        """Open the form with focus in its first field, or close it."""
        if self.spec is None:
            return
        side = self.query_one("#demo-side")
        side.display = not side.display  # the pane's resize redraws the picture
        if side.display:
            self.query_one(ParamForm).focus_first()
        else:
            self.query_one(DemoPane).focus()

    def action_back(self) -> None:
        """Esc: out of the form first (it closes, the values stay), then out of the demo."""
        if self._form_open():
            self.action_toggle_params()
            return
        self.stop_playing()
        self.dismiss()

    def on_input_submitted(self) -> None:
        self.action_run()
