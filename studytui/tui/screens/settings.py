"""Settings: desired retention, new cards per day and the language, saved to the config file."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Header, Input, Label, Select, Static

from studytui.config import (
    LANG_CHOICES,
    NEW_PER_DAY_RANGE,
    RETENTION_RANGE,
    Config,
    ConfigError,
    config_path,
    save_config,
)
from studytui.errors import UserError
from studytui.study.fitted_params import load as load_fitted
from studytui.study.fitted_params import record_retention, scheduler_for
from studytui.tui.screens.base import StudyScreen
from studytui.tui.screens.reschedule_confirm import RescheduleConfirm
from studytui.tui.text import LANG_NAMES
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say


class SettingsScreen(StudyScreen[None]):
    HELP_TITLE = "Settings · 설정"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings.save", tooltip="Save to the config file"),
    ]

    def compose(self) -> ComposeResult:
        c = self.study.config
        lo, hi = RETENTION_RANGE
        nlo, nhi = NEW_PER_DAY_RANGE
        yield Header()
        with Vertical(id="settings-box"):
            yield Label(f"Desired retention · 목표 기억률 ({lo}-{hi})")
            yield Input(f"{c.desired_retention:g}", type="number", id="retention")
            yield Static(id="retention-suggestion", classes="dim")
            yield Label(f"New cards per day · 하루 새 카드 ({nlo}-{nhi})")
            yield Input(str(c.new_per_day), type="integer", id="new-per-day")
            yield Label("Language · 언어")
            yield Select([(LANG_NAMES[k], k) for k in LANG_CHOICES], value=c.lang,
                         allow_blank=False, id="lang")
            yield Button("Save · 저장 (ctrl+s)", id="save", variant="primary")
            yield Static(id="settings-status", classes="dim")
        yield StudyFooter()

    def on_mount(self) -> None:
        where = self.study.config_path or config_path()
        self.query_one("#settings-status", Static).update(f"Config file: {where}")
        suggested = load_fitted(self.study.store.path).suggested_retention
        if suggested is not None:  # computed by `studytui optimize`; nothing heavy here
            self.query_one("#retention-suggestion", Static).update(
                say("reschedule.suggested", self.lang, suggested=suggested))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        status = self.query_one("#settings-status", Static)
        try:
            config = Config(
                desired_retention=float(self.query_one("#retention", Input).value),
                new_per_day=int(self.query_one("#new-per-day", Input).value),
                lang=str(self.query_one("#lang", Select).value),
            )
        except ValueError as exc:
            status.update(f"[red]Not saved: {exc}[/red]")
            return
        if config.desired_retention != self.study.config.desired_retention:
            status.update(say("reschedule.previewing", self.lang))
            self._preview(config)  # shows the workload first, then saves (or not)
            return
        self._save(config, reschedule=None)

    @work(thread=True, exclusive=True, group="reschedule-preview")
    def _preview(self, config: Config) -> None:
        """The new due dates and the 30-day workload before and after, off the UI
        thread (10,000 cards take about a second)."""
        from studytui.study.reschedule import reschedule_all, workload

        app = self.study
        now = app.now()
        new = scheduler_for(config, app.store.path, fuzz=False)
        states = app.store.card_states()
        moved = reschedule_all(states, new)
        if not moved:
            self.app.call_from_thread(self._save, config, None)
            return
        before = workload(states, scheduler_for(app.config, app.store.path, fuzz=False), now)
        after = workload({**states, **moved}, new, now)
        dialog = RescheduleConfirm(self.lang, app.config.desired_retention,
                                   config.desired_retention, len(moved), before, after)

        def chosen(choice: bool | None) -> None:
            if choice is None:
                self.query_one("#settings-status", Static).update("Not saved · 저장 안 함")
            else:
                self._save(config, moved if choice else None)

        self.app.call_from_thread(self.app.push_screen, dialog, chosen)

    def _save(self, config: Config, reschedule: dict | None) -> None:  # type: ignore[type-arg]
        status = self.query_one("#settings-status", Static)
        try:
            path = save_config(config, self.study.config_path)
            if reschedule:
                from studytui.study.reschedule import apply

                apply(self.study.store, reschedule)
                record_retention(self.study.store.path, self.study.now(),
                                 config.desired_retention, len(reschedule))
        except (ConfigError, OSError, UserError) as exc:
            status.update(f"[red]Not saved: {exc}[/red]")
            return
        if reschedule:
            self.notify(say("optimize.rescheduled", self.lang, cards=len(reschedule)), timeout=3)
        self.study.apply_config(config)
        status.update(f"Saved · 저장됨: {path}")
        self.notify("Settings saved · 설정 저장됨", timeout=2)
