"""StudyApp: wires the screens together and holds what they share.

Screens get the deck, the store, the scheduler and the config from here and
call the `open_*` methods to move on; no screen talks to SQLite or torch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from studytui.cli.rich_cells import wrap_by_cells
from studytui.clock import utcnow
from studytui.config import Config
from studytui.content.deck import Deck
from studytui.errors import UserError, in_words
from studytui.store.sqlite_store import Store, StoreError
from studytui.study.fitted_params import scheduler_for
from studytui.study.stats import Stats, compute_stats
from studytui.tui import key_guard
from studytui.tui.keymap import check_keymap
from studytui.tui.palette import StudyCommands
from studytui.tui.text import LANG_CYCLE, next_lang
from studytui.tui.wide_glyphs import keep_wide_glyphs_whole
from studytui.words import say

keep_wide_glyphs_whole()  # Hangul across overlapping widgets (wide_glyphs.py)
wrap_by_cells()  # Hangul where Rich wraps a line (cli/rich_cells.py)

if TYPE_CHECKING:  # types only: the session module loads when a review opens
    from demos.worker_client import DemoProcess
    from studytui.content.model import Card, Question
    from studytui.study.custom_study import StudyPlan
    from studytui.study.review_session import ReviewSession


class StudyApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "studytui"
    # Ours alone: it offers Textual's system commands too, after its own (palette.py).
    COMMANDS = {StudyCommands}
    # Below 22 rows the screen gets "-short": chrome shrinks so a card's text
    # still has room (see app.tcss).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]
    # Below 80 columns the screen gets "-narrow": rows of controls stack (app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    # Descriptions and tooltips shown come from the catalogue by id (keymap.describe).
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("l", "cycle_lang", "Lang", id="app.lang"),
        Binding("comma", "settings", "Settings", show=False, id="app.settings"),
        # Textual's own two, given ids so they too can be remapped and named.
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
        Binding("ctrl+p", "command_palette", "palette", show=False, priority=True,
                id="app.palette"),
        *key_guard.BINDINGS,
    ]

    lang: reactive[str] = reactive("both")

    def __init__(
        self,
        deck: Deck,
        store: Store,
        config: Config,
        lang: str,
        start: str = "home",
        lecture: int | None = None,
        count: int | None = None,
        seed: int | None = None,
        *,
        config_path: Path | None = None,
        now: Callable[[], datetime] = utcnow,
        content: Path | None = None,
        plan: StudyPlan | None = None,
    ) -> None:
        super().__init__()
        self.content = content  # the deck's folder or file (`--content`); None: the bundled deck
        self.deck, self.store, self.config = deck, store, config
        self.scheduler = scheduler_for(config, store)
        self.config_path = config_path  # None: the default place (studytui.config)
        self.now = now
        self.start, self.start_lecture, self.start_count, self.seed = start, lecture, count, seed
        self.start_demo: tuple[str, dict[str, Any]] | None = None  # (name, params as given)
        self.start_plan = plan  # `studytui review` with its options
        self.set_reactive(StudyApp.lang, lang if lang in LANG_CYCLE else "both")
        self._demo_process: DemoProcess | None = None  # started with the first demo
        check_keymap(config)  # ConfigError (path:line), before anything is drawn
        self.set_keymap(config.keys)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_subtitle)  # once the Header has its new size

    def watch_lang(self) -> None:
        self._fit_subtitle()

    def _header_chrome(self) -> int:
        """Cells the centred title must leave free: the Header's icon on the left
        and its clock space on the right are drawn over the title's line, so
        twice the wider of them, as the Header lays them out."""
        for screen in reversed(self.screen_stack):
            sides = list(screen.query("HeaderIcon, HeaderClockSpace, HeaderClock"))
            if sides:
                return 2 * max(side.outer_size.width for side in sides)
        return 0

    def _fit_subtitle(self) -> None:
        """The subtitle in the learner's language; in `both`, Korean alone when
        both do not fit, and none rather than one cut mid-word by the Header."""
        room = self.size.width - self._header_chrome()
        choices = [say("app.subtitle", self.lang), say("app.subtitle", "ko"), ""]
        self.sub_title = next(
            (sub for sub in choices if cell_len(f"{self.title} — {sub}") <= room), "")

    def on_mount(self) -> None:
        from studytui.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        self.call_after_refresh(self._fit_subtitle)
        self.run_worker(self._backup_today, thread=True, group="backup", exit_on_error=False)
        for warning in self.store.warnings:  # e.g. a deck that is not the cohort's course
            self.notify(warning, severity="warning", timeout=15)
        lectures = [self.start_lecture] if self.start_lecture is not None else None
        if self.start == "review":
            self.open_review(lectures, plan=self.start_plan)
        elif self.start == "quiz":
            self.start_quiz(lectures, self.start_count or 10, self.seed)
        elif self.start_demo is not None:  # `studytui demo NAME --tui`: Esc lands on Home
            self.open_demo(*self.start_demo)
        self._offer_config_retention()

    def _offer_config_retention(self) -> None:
        """config.toml's retention differs from the one the due dates were set for
        (edited by hand): offer to reschedule, as Settings would."""
        from studytui.study.fitted_params import retention_in_force

        try:
            in_force = retention_in_force(self.store)
        except UserError as exc:
            self.notify(exc.text(self.lang), severity="warning", timeout=10)
            return
        wanted = self.config.desired_retention
        if in_force is None:  # first start with this record: today's setting is in force
            self._record_retention({}, wanted)
        elif in_force != wanted:
            self.offer_reschedule(in_force, self.config, lambda choice: None)

    def offer_reschedule(self, old: float, config: Config,
                         then: Callable[[bool | None], None]) -> None:
        """Work out (in a thread) what `config`'s retention does to the due dates,
        show the workload before and after, then reschedule (y), keep the dates
        but record the retention (n) or do nothing (Esc); `then` gets the choice."""
        self.run_worker(lambda: self._preview(old, config, then), thread=True,
                        exclusive=True, group="reschedule-preview", exit_on_error=False)

    def _preview(self, old: float, config: Config,
                 then: Callable[[bool | None], None]) -> None:
        from dataclasses import replace

        from studytui.study.fitted_params import scheduler_for
        from studytui.study.reschedule import preview
        from studytui.tui.screens.reschedule_confirm import RescheduleConfirm

        old_sched = scheduler_for(replace(config, desired_retention=old), self.store,
                                  fuzz=False)
        new_sched = scheduler_for(config, self.store, fuzz=False)
        result = preview(self.store, old_sched, new_sched, self.now())
        wanted = config.desired_retention
        if not result.moved:
            self.call_from_thread(self._record_retention, {}, wanted)
            self.call_from_thread(then, False)
            return

        def chosen(choice: bool | None) -> None:
            if choice is not None:
                self._record_retention(result.moved if choice else {}, wanted)
            then(choice)

        dialog = RescheduleConfirm(self.lang, old, wanted, len(result.moved),
                                   result.before, result.after)
        self.call_from_thread(self.push_screen, dialog, chosen)

    def _record_retention(self, moved: dict[tuple[str, str], dict[str, Any]],
                          retention: float) -> None:
        from studytui.study.reschedule import commit

        try:
            commit(self.store, moved, retention, self.now())
        except (StoreError, OSError, UserError) as exc:
            self.notify(exc.text(self.lang) if isinstance(exc, UserError) else str(exc),
                        title=say("app.store_title", self.lang), severity="error", timeout=10)
            return
        if moved:
            self.notify(say("optimize.rescheduled", self.lang, cards=len(moved)), timeout=3)

    def _backup_today(self) -> None:
        """Today's rolling backup, off the start-up path, on a connection of its
        own: SQLite copies a snapshot while ratings go on being committed."""
        if not self.store.local:
            return  # a server's backups are its administrator's
        try:
            with Store.open(self.store.path, backup=False) as own:
                warning = own.daily_backup()
        except StoreError as exc:
            warning = exc.message
        if warning:
            warning = in_words(warning, self.lang)
            self.call_from_thread(self.notify, warning, title=say("app.backup_title", self.lang),
                                  severity="warning", timeout=10)

    # ---- settings shared by every screen ---------------------------------------------------

    def apply_config(self, config: Config) -> None:
        self.lang = config.lang  # Settings' form starts from the language on screen
        self.config = config
        self.set_keymap(config.keys)
        self.scheduler = scheduler_for(config, self.store)

    def stats(self, history: bool = True) -> Stats:
        """Progress now, from the store: what Home (without the history) and
        Stats both show."""
        return compute_stats(self.deck, self.store, self.now(), self.config, history=history)

    def action_page_guard(self) -> None:
        key_guard.page_guard(self)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's palette commands, less its Quit: ours (q, ctrl+q) is offered
        in the learner's language, and the palette offers a command once."""
        for command in super().get_system_commands(screen):
            if command.callback != self.action_quit:
                yield command

    def action_cycle_lang(self) -> None:
        self.lang = next_lang(self.lang)
        self.notify(say(f"lang.{self.lang}", self.lang), title=say("app.lang_title", self.lang),
                    timeout=1.5)

    def action_command_palette(self) -> None:
        """Textual's palette, with its own words in the learner's language."""
        from studytui.tui.palette_screen import StudyPalette

        if self.use_command_palette and not StudyPalette.is_open(self):
            self.push_screen(StudyPalette(self.lang))

    def report_store_error(self, exc: StoreError) -> None:
        self.notify(exc.text(self.lang), title=say("app.store_title", self.lang), severity="error",
                    timeout=10)

    def undo_rating(self, session: ReviewSession) -> Card | None:
        """Take back the session's last rating; the card back on screen, or None
        (nothing to undo, or the store refused: then it says so)."""
        try:
            return session.undo()
        except StoreError as exc:
            self.report_store_error(exc)
            return None

    # ---- ways between screens --------------------------------------------------------------

    def action_help(self) -> None:
        from studytui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_settings(self) -> None:
        from studytui.tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    def open_review(self, lectures: list[int] | None = None, mode: str = "mixed",
                    plan: StudyPlan | None = None) -> None:
        """A review of `lectures` in `mode` (with the directions turned on in
        Settings), or of a custom study `plan`."""
        from studytui.tui.custom_review import open_review

        open_review(self, lectures, mode, plan)

    def open_custom_study(self, lectures: list[int] | None = None) -> None:
        from studytui.tui.screens.custom_study import CustomStudyScreen

        self.push_screen(CustomStudyScreen(lectures))

    def open_quiz_setup(self, lectures: list[int] | None = None) -> None:
        from studytui.tui.screens.quiz_setup import QuizSetupScreen

        self.push_screen(QuizSetupScreen(lectures))

    def start_quiz(self, lectures: list[int] | None, count: int, seed: int | None) -> None:
        from studytui.study.quiz_session import QuizSession
        from studytui.tui.screens.quiz import QuizScreen

        quiz = QuizSession(self.deck, self.store, self.scheduler, lectures, count=count,
                           seed=seed, now=self.now, generated=self.config.generated_questions)
        if quiz.total == 0:
            self.notify(say("app.no_questions", self.lang), severity="warning")
            return
        self.push_screen(QuizScreen(quiz))

    def start_quiz_of(self, questions: list[Question]) -> None:
        """A quiz of these questions (the wrong-answer notebook's), all of them."""
        from studytui.study.quiz_session import QuizSession
        from studytui.tui.screens.quiz import QuizScreen

        if questions:
            self.push_screen(QuizScreen(QuizSession(
                self.deck, self.store, self.scheduler, count=None, questions=questions,
                now=self.now)))

    def start_exam(self, lectures: list[int], count: int, limit_s: int | None) -> None:
        from studytui.study.quiz_session import QuizSession
        from studytui.tui.screens.exam import ExamScreen

        quiz = QuizSession(self.deck, self.store, self.scheduler, lectures, count=count,
                           now=self.now, generated=self.config.generated_questions)
        if quiz.total == 0:
            self.notify(say("app.no_questions", self.lang), severity="warning")
            return
        self.push_screen(ExamScreen(quiz, limit_s, self.now()))

    def open_notebook(self) -> None:
        from studytui.tui.screens.notebook import NotebookScreen

        self.push_screen(NotebookScreen())

    def open_browse(self) -> None:
        from studytui.tui.screens.browse import BrowseScreen

        self.push_screen(BrowseScreen())

    def open_stats(self) -> None:
        from studytui.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def open_card(self, card_id: str) -> None:
        from studytui.tui.screens.card_detail import CardDetailScreen

        self.push_screen(CardDetailScreen(self.deck.cards[card_id]))

    def open_gallery(self) -> None:
        from studytui.tui.screens.demo_gallery import DemoGalleryScreen

        self.push_screen(DemoGalleryScreen())

    def demo_process(self) -> DemoProcess:
        """The process that computes demos (torch is imported there, never in the
        app's own interpreter), kept from the first demo to the app's exit."""
        if self._demo_process is None:
            from demos.worker_client import DemoProcess

            self._demo_process = DemoProcess()
        return self._demo_process

    def on_unmount(self) -> None:
        if self._demo_process is not None:
            self._demo_process.close()

    def open_demo(self, name: str, params: dict[str, Any] | None = None) -> None:
        from studytui.tui.screens.demo import DemoScreen

        self.push_screen(DemoScreen(name, params or {}))
