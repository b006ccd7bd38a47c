"""Settings: desired retention, new cards per day and the language, saved to the config file."""

from __future__ import annotations

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
from studytui.study.fitted_params import load as load_fitted
from studytui.tui.screens.base import StudyScreen
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
            # computed by `studytui optimize`; nothing heavy runs here
            suggested = load_fitted(self.study.store.path).suggested_retention
            if suggested is not None:
                yield Static(say("reschedule.suggested", self.lang, suggested=suggested),
                             id="retention-suggestion", classes="dim")
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
        if config.desired_retention == self.study.config.desired_retention:
            self._save(config)
            return
        status.update(say("reschedule.previewing", self.lang))

        def chosen(choice: bool | None) -> None:
            if choice is None:
                status.update("Not saved · 저장 안 함")
            else:
                self._save(config)

        # shows the workload first; saves the config only once the learner chose
        self.study.offer_reschedule(self.study.config.desired_retention, config, chosen)

    def _save(self, config: Config) -> None:
        status = self.query_one("#settings-status", Static)
        try:
            path = save_config(config, self.study.config_path)
        except (ConfigError, OSError) as exc:
            status.update(f"[red]Not saved: {exc}[/red]")
            return
        self.study.apply_config(config)
        status.update(f"Saved · 저장됨: {path}")
        self.notify("Settings saved · 설정 저장됨", timeout=2)
