"""A demo from the registry: run in a thread worker (torch is imported there, never
before), shown as Rich output, animated step by step, parameters editable.

The worker posts small `Frame` messages (toolong's pattern); a newer frame
replaces one not yet drawn, so a slow terminal skips frames instead of lagging.
An exception in a demo ends up in the error line; the app keeps running.
"""

from __future__ import annotations

import time
from typing import Any

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

from demos.params import DemoSpec, ParamError
from demos.registry import get_demo
from studytui.tui.screens.base import StudyScreen
from studytui.tui.widgets.footer import StudyFooter
from studytui.tui.widgets.param_form import ParamForm
from studytui.words import pick, say

ANIMATION_FRAMES = 40  # frames of the step-by-step animation, whatever the step count
FRAME_SECONDS = 0.05
WIDE_ENOUGH_FOR_FORM = 130  # columns: below this the parameter form starts hidden


class Frame(Message):
    """One picture of the demo's output, from the worker thread."""

    def __init__(self, renderable: RenderableType, step: int | None, steps: int | None) -> None:
        super().__init__()
        self.renderable, self.step, self.steps = renderable, step, steps

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Frame)


class DemoScreen(StudyScreen[None]):
    HELP_TITLE = "screen.demo"
    DEFAULT_CSS = """
    DemoScreen #demo-main {
        height: 1fr;
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
    ]

    def __init__(self, name: str, params: dict[str, Any]) -> None:
        super().__init__()
        self.demo_name = name
        self.spec: DemoSpec | None = None
        self.values: dict[str, Any] = {}
        self.problem: str | None = None
        try:
            self.spec = get_demo(name)
            self.values = self.spec.resolve(params)
        except ParamError as exc:
            self.problem = str(exc)
        self.result: dict[str, Any] | None = None
        self.error: BaseException | None = None

    def compose(self) -> ComposeResult:
        spec = self.spec
        lang = self.lang
        yield Header()
        yield Static(Text.assemble(
            (pick(lang, spec.title_ko, spec.title_en) if spec else self.demo_name, "bold"),
            "  " + (say(f"demos.{spec.name}.summary", lang) if spec else "")), id="demo-title")
        with Horizontal(id="demo-main"):
            if spec is not None:
                with Vertical(id="demo-side"):
                    yield ParamForm(spec, self.values, lang, id="demo-form")
                    yield Button(say("demo.run", self.lang), id="demo-run",
                                 variant="primary", action="screen.run")
            with VerticalScroll(id="demo-out-scroll"):
                yield Static(id="demo-error")
                yield LoadingIndicator(id="demo-loading")
                yield Static(id="demo-output")
        yield StudyFooter()

    def _run_key(self) -> str:
        """The key the keymap gave Run."""
        run = next((a.binding for a in self.active_bindings.values()
                    if a.binding.id == "demo.run"), None)
        return self.app.get_key_display(run) if run else ""

    def on_mount(self) -> None:
        if self.spec is not None:
            self.query_one("#demo-run", Button).label = (say("demo.run", self.lang)
                                                         + f" ({self._run_key()})")
        self.query_one("#demo-loading").display = False
        if self.spec is not None and self.app.size.width < WIDE_ENOUGH_FOR_FORM:
            # The race's map needs the width; p brings the form back.
            self.query_one("#demo-side").display = False
        self.watch(self.app, "lang", self._redraw, init=False)
        if self.problem:
            self._show_error(self.problem)
        else:
            self.start(self.values)

    # ---- running -------------------------------------------------------------------------

    def start(self, values: dict[str, Any]) -> None:
        self.values = values
        self.error = None
        self.query_one("#demo-error", Static).update("")
        self.query_one("#demo-loading").display = True
        self.run_demo(values, self.lang)

    @work(thread=True, exclusive=True, exit_on_error=False, group="demo")
    def run_demo(self, values: dict[str, Any], lang: str) -> dict[str, Any]:
        worker = get_current_worker()
        # Imported here, in the worker thread: the first run pays for importing torch.
        from demos.runner import animation_steps, render_demo, run_demo

        result = run_demo(self.demo_name, values)
        steps = animation_steps(self.demo_name, result)
        if steps is not None and steps > 1:
            frames = min(steps, ANIMATION_FRAMES)
            for i in range(1, frames):
                if worker.is_cancelled:
                    return result
                step = i * steps // frames
                self.post_message(Frame(render_demo(self.demo_name, result, lang, step=step),
                                        step, steps))
                time.sleep(FRAME_SECONDS)
        if not worker.is_cancelled:
            self.post_message(Frame(render_demo(self.demo_name, result, lang), None, steps))
        return result

    def on_frame(self, message: Frame) -> None:
        self.query_one("#demo-loading").display = False
        self._show_output(message.renderable)

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
        if event.state == WorkerState.SUCCESS:
            self.result = event.worker.result
        elif event.state == WorkerState.ERROR:
            self.error = event.worker.error
            self._show_error(f"{type(self.error).__name__}: {self.error}")
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            self.query_one("#demo-loading").display = False

    def _show_error(self, message: str) -> None:
        self.query_one("#demo-loading").display = False
        self.query_one("#demo-error", Static).update(
            Text.assemble((say("demo.failed", self.lang) + "\n", "bold"), message,
                          ("\n" + say("demo.fix_and_rerun", self.lang, key=self._run_key()),
                           "dim"))
        )

    def _redraw(self) -> None:
        if self.result is None:
            return
        from demos.runner import render_demo  # already imported by the worker

        self._show_output(render_demo(self.demo_name, self.result, self.lang))

    # ---- actions -------------------------------------------------------------------------

    def action_run(self) -> None:
        if self.spec is None:
            return
        try:
            values = self.spec.resolve(self.query_one(ParamForm).raw_values())
        except ParamError as exc:
            self._show_error(str(exc))
            return
        self.start(values)

    def action_toggle_params(self) -> None:
        if self.spec is not None:
            side = self.query_one("#demo-side")
            side.display = not side.display

    def on_input_submitted(self) -> None:
        self.action_run()
