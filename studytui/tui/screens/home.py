"""Home: the lectures with what is due, today's totals, and the ways in."""

from __future__ import annotations

from collections.abc import Callable

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from studytui.study.stats import Stats
from studytui.tui.keymap import describe
from studytui.tui.screens.base import StatsView
from studytui.tui.text import percent
from studytui.tui.widgets.counts_bar import wrap_items
from studytui.tui.widgets.footer import StudyFooter
from studytui.tui.widgets.lecture_table import LectureTable
from studytui.words import say

# The ways in, by binding id: their keys (remapped or not) and words come from
# the bindings themselves. Every screen Home leads to is here, so a learner at
# 80 columns finds them all: the line breaks between ways where it must, and
# the key bar leaves these keys to it.
WAYS = ("home.review_all", "home.learn_new", "home.custom", "home.quiz", "home.browse",
        "home.stats", "home.demos", "app.settings")


class HomeScreen(StatsView):
    HELP_TITLE = "screen.home"
    HELP_FIGURES = ("figures.seen", "figures.learning", "figures.young", "figures.mature",
                    "figures.recall", "figures.directions")
    DEFAULT_CSS = """
    HomeScreen #today, HomeScreen #ways {
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    """
    HISTORY = False  # today's numbers only: start-up does not grow with a year of reviews
    BINDINGS = [
        Binding("r", "review_all", "Review all", id="home.review_all"),
        Binding("enter", "review_lecture", "Review lecture", id="home.review_lecture"),
        Binding("n", "learn_new", "Learn new", id="home.learn_new"),
        # in the ways line, Help and the palette: the key bar at 100 columns is full
        Binding("c", "custom_study", "Custom", show=False, id="home.custom"),
        Binding("z", "quiz", "Quiz", id="home.quiz"),
        Binding("b", "browse", "Browse", id="home.browse"),
        Binding("s", "stats", "Stats", id="home.stats"),
        Binding("g", "demos", "Demos", id="home.demos"),
        Binding("q", "quit_app", "Quit", id="home.quit"),
        Binding("escape", "nothing", show=False, id="home.escape"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="today")
        yield LectureTable(id="lectures")
        # The ways in as one line of links (a row of Buttons cost more start-up
        # than everything else on Home); each is also a key in the Footer.
        yield Static(id="ways")
        yield StudyFooter(shown_elsewhere=WAYS)

    def show_stats(self, s: Stats) -> None:
        table = self.query_one(LectureTable)
        table.fill(s.per_lecture, self.lang)
        reviewed = s.reviews_per_day[max(s.reviews_per_day)] if s.reviews_per_day else 0
        def today(lang: str) -> list[Text]:
            return [Text.from_markup(item) for item in (
                f"[b]{say('home.today', lang)}[/b]  {say('home.due_now', lang, n=s.totals.due)}",
                say("custom.new_left", lang, n=s.new_available,
                    limit=self.study.config.new_per_day),
                say("home.reviewed_today", lang, n=reviewed),
                say("home.seen", lang, n=s.totals.seen),
                say("home.mature", lang, n=s.totals.mature),
                say("home.recall", lang, pct=percent(s.totals.recall_tomorrow)),
                # each direction studied is counted as a card (Stats breaks it down)
                *([say("home.dirs", lang, n=len(s.per_direction))]
                  if len(s.per_direction) > 1 else []))]

        # One line if it fits (in `both`, Korean alone before a second line);
        # else it breaks between figures, never inside one.
        room = self.size.width - 2
        items = today(self.lang)
        if self.lang == "both" and sum(i.cell_len + 5 for i in items) - 5 > room:
            items = today("ko")
        self.query_one("#today", Static).update(wrap_items(items, room, sep="  ·  "))
        self.query_one("#ways", Static).update(wrap_items(self.fitting(self.ways), room))

    def on_resize(self) -> None:
        self._redraw()  # whether both languages fit on a line depends on the width

    def fitting(self, line: Callable[[str], list[Text]]) -> list[Text]:
        """`line`'s items in the learner's language; in `both`, Korean alone
        when both would not fit on one line of the screen."""
        items = line(self.lang)
        room = self.size.width - 2  # the lines' padding
        if self.lang == "both" and sum(i.cell_len + 2 for i in items) - 2 > room:
            return line("ko")
        return items

    def ways(self, lang: str) -> list[Text]:
        """The ways in as links: each binding's key as the keymap has it, and its word."""
        actives = {active.binding.id: active
                   for active in self.active_bindings.values() if active.binding.id}
        links = []
        for binding_id in WAYS:
            active = actives.get(binding_id)
            if active is not None:
                binding = active.binding
                key = self.app.get_key_display(binding)
                target = "app" if active.node is self.app else "screen"
                links.append(Text.from_markup(
                    f"[@click={target}.{binding.action}][b]{escape(key)}[/b] "
                    f"{escape(describe(binding, lang))}[/]"))
        return links

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

    def action_custom_study(self) -> None:
        lecture = self.query_one(LectureTable).selected_lecture
        self.study.open_custom_study(None if lecture is None else [lecture])

    def action_quiz(self) -> None:
        self.study.open_quiz_setup(None)

    def action_browse(self) -> None:
        self.study.open_browse()

    def action_stats(self) -> None:
        self.study.open_stats()

    def action_demos(self) -> None:
        self.study.open_gallery()

    def action_quit_app(self) -> None:
        self.app.exit()

    def action_nothing(self) -> None:
        """Escape on Home goes nowhere (q quits)."""
