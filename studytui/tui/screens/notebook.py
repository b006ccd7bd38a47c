"""The wrong-answer notebook (오답노트): every question missed and not yet
answered right twice in a row since, with when it was missed, what was
answered, the right answer and the explanation; "quiz my misses" from here."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from studytui.printable import for_terminal
from studytui.study.judge import expected_text
from studytui.study.notebook import CLEARED_AFTER, Entry, given_text, notebook
from studytui.tui.screens.base import StudyScreen
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import say


class NotebookScreen(StudyScreen[None]):
    HELP_TITLE = "screen.notebook"
    HELP_NOTE = "teach.help_notebook"
    DEFAULT_CSS = """
    NotebookScreen #notebook-body { padding: 0 1; }
    """
    BINDINGS = [Binding("z", "quiz_misses", "Quiz my misses", id="notebook.quiz")]

    entries: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="notebook-body"):
            yield Static(id="notebook-list")
        yield StudyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._draw, init=False)

    def on_screen_resume(self) -> None:
        # A quiz of the misses may have cleared some: read again on return.
        self.entries = notebook(self.study.deck, self.study.store.quiz_answers())
        self._draw()
        self.refresh_bindings()

    def _draw(self) -> None:
        lang = self.lang
        listing = self.query_one("#notebook-list", Static)
        if not self.entries:
            listing.update(Text(say("teach.notebook_empty", lang), style="green"))
            return
        parts: list[Text | Padding] = [Text(say("teach.notebook_head", lang,
                                                n=len(self.entries), k=CLEARED_AFTER) + "\n",
                                            style="bold")]
        for e in self.entries:
            q = e.question
            parts.append(Text("• " + q.prompt.show(lang), style="bold"))
            body = Text(say("teach.notebook_when", lang,
                            at=f"{e.missed_at.astimezone():%Y-%m-%d %H:%M}", misses=e.misses,
                            streak=e.streak, k=CLEARED_AFTER) + "\n", style="dim")
            body.append(say("quiz.you_wrote", lang) + ": ", style="dim")
            body.append(for_terminal(given_text(q, e.given, lang), one_line=True) + "\n",
                        style="red")
            body.append(say("quiz.expected", lang) + ": ", style="dim")
            body.append(expected_text(q, lang) + "\n", style="green")  # type: ignore[arg-type]
            body.append(q.explanation.show(lang, sep="\n") + "\n")
            parts.append(Padding(body, (0, 0, 0, 2)))  # wrapped lines stay under the entry
        listing.update(Group(*parts))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quiz_misses":
            return bool(self.entries)
        return True

    def action_quiz_misses(self) -> None:
        self.study.start_quiz_of([e.question for e in self.entries])
