"""Home: the lectures with what is due, today's totals, and the ways in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from studytui.study.stats import Stats
from studytui.tui.screens.base import StatsView
from studytui.tui.text import percent
from studytui.tui.widgets.footer import StudyFooter
from studytui.tui.widgets.lecture_table import LectureTable

WAYS = (
    ("review_all", "복습 Review", "r"),
    ("learn_new", "새 카드 New", "n"),
    ("quiz", "퀴즈 Quiz", "z"),
    ("browse", "찾기 Browse", "b"),
    ("stats", "통계 Stats", "s"),
)
WAYS_MARKUP = "   ".join(
    f"[@click=screen.{action}][b]{key}[/b] {label}[/]" for action, label, key in WAYS
)


class HomeScreen(StatsView):
    HELP_TITLE = "Home · 홈"
    HISTORY = False  # today's numbers only: start-up does not grow with a year of reviews
    BINDINGS = [
        Binding("r", "review_all", "Review all", id="home.review_all",
                tooltip="Review what is due in every lecture, with today's new cards"),
        Binding("enter", "review_lecture", "Review lecture", id="home.review_lecture",
                tooltip="Review the highlighted lecture"),
        Binding("n", "learn_new", "Learn new", id="home.learn_new",
                tooltip="Only new cards (up to today's limit)"),
        Binding("z", "quiz", "Quiz", id="home.quiz", tooltip="Pick lectures and take a quiz"),
        Binding("b", "browse", "Browse", id="home.browse", tooltip="Search every card"),
        Binding("s", "stats", "Stats", id="home.stats",
                tooltip="Mastery, heatmap, retention, forecast"),
        Binding("q", "quit_app", "Quit", id="home.quit", tooltip="Leave studytui"),
        Binding("escape", "nothing", show=False, id="home.escape"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="today")
        yield LectureTable(id="lectures")
        # The ways in as one line of links (a row of Buttons cost more start-up
        # than everything else on Home); each is also a key in the Footer.
        yield Static(WAYS_MARKUP, id="ways")
        yield StudyFooter()

    def show_stats(self, s: Stats) -> None:
        table = self.query_one(LectureTable)
        table.fill(s.per_lecture, self.lang)
        reviewed = s.reviews_per_day[max(s.reviews_per_day)] if s.reviews_per_day else 0
        self.query_one("#today", Static).update(
            f"[b]Today · 오늘[/b]  due now [b]{s.totals.due}[/b]  ·  "
            f"new available [b]{s.new_available}[/b]  ·  reviewed today [b]{reviewed}[/b]  ·  "
            f"mastery [b]{percent(s.totals.mastery)}[/b]"
        )

    def on_lecture_table_selected(self, event: LectureTable.Selected) -> None:
        self.study.open_review([event.lecture], "mixed")

    def action_review_all(self) -> None:
        self.study.open_review(None, "mixed")

    def action_review_lecture(self) -> None:
        lecture = self.query_one(LectureTable).selected_lecture
        if lecture is not None:
            self.study.open_review([lecture], "mixed")

    def action_learn_new(self) -> None:
        self.study.open_review(None, "new")

    def action_quiz(self) -> None:
        self.study.open_quiz_setup(None)

    def action_browse(self) -> None:
        self.study.open_browse()

    def action_stats(self) -> None:
        self.study.open_stats()

    def action_quit_app(self) -> None:
        self.app.exit()

    def action_nothing(self) -> None:
        """Escape on Home goes nowhere (q quits)."""
