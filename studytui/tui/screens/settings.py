"""Settings: desired retention, new cards per day and the language, saved to the config file."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Checkbox, Header, Input, Label, Select, Static

from studytui.config import (
    DIRECTION_CHOICES,
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
from studytui.tui.widgets.check_list import CheckList
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say


class SettingsScreen(StudyScreen[None]):
    HELP_TITLE = "screen.settings"
    # Opens with nothing focused, as when its scrolling box took the focus:
    # ? and l stay keys until Tab (or a click) goes into a field. ("" is no
    # focus; None would take the app's.)
    AUTO_FOCUS = ""
    DEFAULT_CSS = """
    SettingsScreen #settings-box {
        padding: 0 1;
    }
    SettingsScreen #settings-box Input, SettingsScreen #settings-box Select {
        width: 1fr;
        max-width: 40;
    }
    SettingsScreen #directions {
        height: auto;
        max-width: 70;
    }
    SettingsScreen #settings-box Label, SettingsScreen #settings-box Checkbox {
        margin-top: 1;
    }
    SettingsScreen #settings-box Checkbox {
        width: auto;
    }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings.save"),
    ]

    def compose(self) -> ComposeResult:
        c, lang = self.study.config, self.lang
        lo, hi = RETENTION_RANGE
        nlo, nhi = NEW_PER_DAY_RANGE
        yield Header()
        # Scrolls: at 80x24 the directions, Save and the status line are below
        # the fold, and a focused field is scrolled into view.
        with VerticalScroll(id="settings-box", can_focus=False):  # Tab goes field to field
            yield Label(say("settings.retention", lang, lo=lo, hi=hi), id="retention-label")
            yield Input(f"{c.desired_retention:g}", type="number", id="retention")
            # computed by `studytui optimize`; nothing heavy runs here
            suggested = load_fitted(self.study.store).suggested_retention
            if suggested is not None:
                yield Static(say("reschedule.suggested", self.lang, suggested=suggested),
                             id="retention-suggestion", classes="dim")
            yield Label(say("settings.new_per_day", lang, lo=nlo, hi=nhi), id="new-label")
            yield Input(str(c.new_per_day), type="integer", id="new-per-day")
            yield Label(say("settings.lang", lang), id="lang-label")
            # The language on screen (a --lang or `l` choice included), not only
            # the saved one: what the learner sees here is what Save keeps.
            yield Select([(say(f"lang.{k}", lang), k) for k in LANG_CHOICES], value=lang,
                         allow_blank=False, id="lang")
            yield Checkbox(say("teach.settings_generated", lang), c.generated_questions,
                           id="generated")
            yield Label(say("settings.directions", lang), id="directions-label")
            yield CheckList[str](self._direction_items(set(c.directions)), id="directions")
            yield Button(say("settings.save", lang), id="save", variant="primary",
                         action="screen.save")
            yield Static(id="settings-status", classes="dim")
        yield StudyFooter()

    def _direction_items(self, on: set[str]) -> list[tuple[str, str, bool]]:
        return [(say(f"custom.dir.{d}", self.lang), d, d in on) for d in DIRECTION_CHOICES]

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._relabel, init=True)

    def _relabel(self) -> None:
        """The form's words in the learner's language (what is typed stays)."""
        lang = self.lang
        lo, hi = RETENTION_RANGE
        nlo, nhi = NEW_PER_DAY_RANGE
        self.query_one("#retention-label", Label).update(
            say("settings.retention", lang, lo=lo, hi=hi))
        self.query_one("#new-label", Label).update(
            say("settings.new_per_day", lang, lo=nlo, hi=nhi))
        self.query_one("#lang-label", Label).update(say("settings.lang", lang))
        self.query_one("#generated", Checkbox).label = say("teach.settings_generated", lang)
        self.query_one("#directions-label", Label).update(say("settings.directions", lang))
        directions = self.query_one("#directions", CheckList)
        directions.set_items(self._direction_items(set(directions.selected)))
        where = self.study.config_path or config_path()
        self.query_one("#settings-status", Static).update(
            Text(say("settings.file", lang, path=where)))
        save = next((a.binding for a in self.active_bindings.values()
                     if a.binding.id == "settings.save"), None)
        key = f" ({self.app.get_key_display(save)})" if save is not None else ""
        self.query_one("#save", Button).label = say("settings.save", lang) + key

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.id == "save":  # what saving says (and where) shows under the button
            self.query_one("#settings-status", Static).scroll_visible(animate=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def _tell(self, text: Text | str) -> None:
        """The status line, scrolled into view: Enter in a field saves from
        the top of the form, and a refusal below the fold would go unseen."""
        status = self.query_one("#settings-status", Static)
        status.update(text)
        status.scroll_visible(animate=False)

    def action_save(self) -> None:
        try:
            config: Config = replace(  # the [keys] table is kept as it was
                self.study.config,
                desired_retention=float(self.query_one("#retention", Input).value),
                new_per_day=int(self.query_one("#new-per-day", Input).value),
                lang=str(self.query_one("#lang", Select).value),
                generated_questions=self.query_one("#generated", Checkbox).value,
                directions=tuple(self.query_one("#directions", CheckList).selected),
            )
        except ValueError as exc:
            self._tell(Text(say("settings.not_saved", self.lang, why=exc), style="red"))
            return
        if config.desired_retention == self.study.config.desired_retention:
            self._save(config)
            return
        self._tell(say("reschedule.previewing", self.lang))

        def chosen(choice: bool | None) -> None:
            if choice is None:
                self._tell(Text(say("settings.not_saved_cancelled", self.lang)))
            else:
                self._save(config)

        # shows the workload first; saves the config only once the learner chose
        self.study.offer_reschedule(self.study.config.desired_retention, config, chosen)

    def _save(self, config: Config) -> None:
        try:
            path = save_config(config, self.study.config_path)
        except (ConfigError, OSError) as exc:
            self._tell(Text(say("settings.not_saved", self.lang, why=exc), style="red"))
            return
        self.study.apply_config(config)
        self._tell(Text(say("settings.saved_to", self.lang, path=path)))
        self.notify(say("settings.saved", self.lang), timeout=2)
