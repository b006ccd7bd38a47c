"""StudyApp: wires the screens together and holds what they share.

Screens get the deck, the store, the scheduler and the config from here and
call the `open_*` methods to move on; no screen talks to SQLite or torch.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from studytui.clock import utcnow
from studytui.config import Config
from studytui.content.deck import Deck
from studytui.store.sqlite_store import Store, StoreError
from studytui.study.scheduler import StudyScheduler
from studytui.study.stats import Stats, compute_stats
from studytui.tui import key_guard
from studytui.tui.palette import StudyCommands
from studytui.tui.text import LANG_NAMES, next_lang

HEADER_CHROME = 18  # the Header's icon (8 cells) and clock space (10) beside the title

if TYPE_CHECKING:  # types only: the session module loads when a review opens
    from studytui.content.model import Card
    from studytui.study.review_session import ReviewSession


class StudyApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "studytui"
    SUB_TITLE = "딥러닝 기초 · Deep learning basics"
    # Shorter subtitles for narrow terminals: the Header would cut the full one
    # with an ellipsis, mid-word (to "딥러닝 기" at 40 columns).
    SUB_TITLES = (SUB_TITLE, "딥러닝 기초", "")
    # Ours alone: it offers Textual's system commands too, after its own (palette.py).
    COMMANDS = {StudyCommands}
    # Below 22 rows the screen gets "-short": chrome shrinks so a card's text
    # still has room (see app.tcss).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]
    # Below 80 columns the screen gets "-narrow": rows of controls stack (app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help",
                tooltip="The keys of this screen"),
        Binding("l", "cycle_lang", "Lang", id="app.lang",
                tooltip="Language of the cards: 한국어 -> English -> both"),
        Binding("comma", "settings", "Settings", show=False, id="app.settings",
                tooltip="Desired retention, new cards per day, language"),
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
    ) -> None:
        super().__init__()
        self.deck, self.store, self.config = deck, store, config
        self.scheduler = StudyScheduler(config)
        self.config_path = config_path  # None: the default place (studytui.config)
        self.now = now
        self.start, self.start_lecture, self.start_count, self.seed = start, lecture, count, seed
        self.set_reactive(StudyApp.lang, lang if lang in LANG_NAMES else "both")

    def on_resize(self, event: events.Resize) -> None:
        room = event.size.width - HEADER_CHROME
        self.sub_title = next(
            (sub for sub in self.SUB_TITLES if cell_len(f"{self.title} — {sub}") <= room), "")

    def on_mount(self) -> None:
        from studytui.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        self.run_worker(self._backup_today, thread=True, group="backup", exit_on_error=False)
        lectures = [self.start_lecture] if self.start_lecture is not None else None
        if self.start == "review":
            self.open_review(lectures)
        elif self.start == "quiz":
            self.start_quiz(lectures, self.start_count or 10, self.seed)

    def _backup_today(self) -> None:
        """Today's rolling backup, off the start-up path, on a connection of its
        own: SQLite copies a snapshot while ratings go on being committed."""
        try:
            with Store.open(self.store.path, backup=False) as own:
                warning = own.daily_backup()
        except StoreError as exc:
            warning = str(exc)
        if warning:
            self.call_from_thread(self.notify, warning, title="Backup · 백업",
                                  severity="warning", timeout=10)

    # ---- settings shared by every screen ---------------------------------------------------

    def apply_config(self, config: Config) -> None:
        self.config = config
        self.scheduler = StudyScheduler(config)
        self.lang = config.lang

    def stats(self, history: bool = True) -> Stats:
        """Progress now, from the store: what Home (without the history) and
        Stats both show."""
        return compute_stats(self.deck, self.store, self.now(), self.config, history=history)

    def action_page_guard(self) -> None:
        key_guard.page_guard(self)

    def action_cycle_lang(self) -> None:
        self.lang = next_lang(self.lang)
        self.notify(LANG_NAMES[self.lang], title="Language · 언어", timeout=1.5)

    def report_store_error(self, exc: StoreError) -> None:
        self.notify(str(exc), title="Review store", severity="error", timeout=10)

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

    def open_review(self, lectures: list[int] | None = None, mode: str = "mixed") -> None:
        from studytui.study.review_session import ReviewSession
        from studytui.tui.screens.flashcards import FlashcardScreen

        session = ReviewSession(self.deck, self.store, self.scheduler, self.config,
                                lectures=lectures, mode=mode, now=self.now)  # type: ignore[arg-type]
        if session.current is None:
            what = "new cards" if mode == "new" else "cards due"
            self.notify(f"No {what} right now · 지금 공부할 카드가 없습니다", timeout=3)
            return
        self.push_screen(FlashcardScreen(session))

    def open_quiz_setup(self, lectures: list[int] | None = None) -> None:
        from studytui.tui.screens.quiz_setup import QuizSetupScreen

        self.push_screen(QuizSetupScreen(lectures))

    def start_quiz(self, lectures: list[int] | None, count: int, seed: int | None) -> None:
        from studytui.study.quiz_session import QuizSession
        from studytui.tui.screens.quiz import QuizScreen

        quiz = QuizSession(self.deck, self.store, self.scheduler, lectures, count=count,
                           seed=seed, now=self.now)
        if quiz.total == 0:
            self.notify("No questions for these lectures · 문제가 없습니다", severity="warning")
            return
        self.push_screen(QuizScreen(quiz))

    def open_browse(self) -> None:
        from studytui.tui.screens.browse import BrowseScreen

        self.push_screen(BrowseScreen())

    def open_stats(self) -> None:
        from studytui.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def open_card(self, card_id: str) -> None:
        from studytui.tui.screens.card_detail import CardDetailScreen

        self.push_screen(CardDetailScreen(self.deck.cards[card_id]))

    def open_demo(self, name: str, params: dict[str, Any] | None = None) -> None:
        from studytui.tui.screens.demo import DemoScreen

        self.push_screen(DemoScreen(name, params or {}))
