"""Home's own widgets: the lecture table (keys, mouse, windowing, wrapping) and
the key bar at the bottom of every screen."""

from __future__ import annotations

from rich.cells import cell_len

from studytui.tui.screens.flashcards import FlashcardScreen
from studytui.tui.screens.help import HelpScreen
from studytui.tui.widgets.footer import StudyFooter
from studytui.tui.widgets.lecture_table import LectureTable
from tests.tui.conftest import korean_words


def table_text(app) -> str:
    return app.screen.query_one(LectureTable).render().plain


async def test_arrow_keys_move_the_cursor_and_enter_reviews_that_lecture(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(LectureTable)
        await pilot.press("down", "down", "up", "down")
        assert table.selected_lecture == 4
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, FlashcardScreen)
        lecture = app.deck.card_lecture[screen.session.current.id]
        assert lecture == 4 and screen.session.progress[1] == 1  # lecture 4 has one card


async def test_a_click_moves_the_cursor_and_a_second_click_opens_the_lecture(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(LectureTable)
        # Lines: header, rule, then one row a lecture (2, 3, ...): y=4 is lecture 4.
        await pilot.click(LectureTable, offset=(10, 4))
        assert table.selected_lecture == 4
        assert not isinstance(app.screen, FlashcardScreen)
        await pilot.click(LectureTable, offset=(10, 4))
        await pilot.pause()
        assert isinstance(app.screen, FlashcardScreen)
        assert app.deck.card_lecture[app.screen.session.current.id] == 4


async def test_in_a_short_terminal_the_rows_follow_the_cursor(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(80, 13)) as pilot:
        first, last = "Neural network basics", "Normalization and regularization"
        assert first in table_text(app) and last not in table_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert last in table_text(app) and first not in table_text(app)
        assert "↓0" in table_text(app)  # the rule says how many rows are above and below
        await pilot.press("home")
        await pilot.pause()
        assert first in table_text(app)


async def test_rows_fit_the_width_and_keep_korean_words_whole_at_every_width(make_app, deck):
    titles = " ".join(f"{lec.title.ko} {lec.title.en}" for lec in deck.lectures)
    headers = " ".join(" ".join(LectureTable().headers("ko", narrow))
                       for narrow in (True, False))
    words = korean_words(f"{titles} {headers}")
    app = make_app(lang="both")
    async with app.run_test(size=(100, 30)):
        table = app.screen.query_one(LectureTable)
        for width in range(24, 140):
            header, blocks = table._layout(width)
            lines = [header, *(line for block in blocks for line in block)]
            assert all(cell_len(line.plain) == width for line in lines), width
            shown = korean_words("\n".join(line.plain for line in lines))
            assert shown <= words, (width, shown - words)
            # Every title is there in full, wrapped or not.
            text = " ".join(line.plain for line in lines)
            assert all(w in text for w in korean_words(titles)), width


async def test_the_key_bar_shows_the_screen_keys_and_a_click_presses_one(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        footer = app.screen.query_one(StudyFooter)
        keys, palette = footer.items()
        # (Home's ways, r n c z b s g ",", are in the line above it.)
        assert {(k.key, k.description) for k in keys} >= {("question_mark", "Help"),
                                                          ("l", "Lang")}
        assert palette is not None and palette.key == "ctrl+p"
        x = footer.render().plain.index(" ? Help")
        await pilot.click(StudyFooter, offset=(x + 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_key_bar_dims_a_key_that_cannot_act_yet(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        footer = app.screen.query_one(StudyFooter)

        def undo_enabled() -> bool:
            return next(k.enabled for k in footer.items()[0] if k.key == "u")

        assert not undo_enabled()  # nothing rated yet
        await pilot.press("space", "3")
        await pilot.pause()
        assert undo_enabled()


async def test_the_key_bar_leaves_off_whole_keys_when_narrow(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(40, 12)):
        footer = app.screen.query_one(StudyFooter)
        keys, palette = footer.items()
        text = footer.render().plain
        assert cell_len(text) == 40 and text.rstrip().endswith("Commands")
        pieces = [f" {k.display} {k.description} " for k in keys]
        shown = text.split("▏")[0].rstrip()
        # What is shown is the first few keys, each whole, and not all of them.
        fitting = next(n for n in range(len(pieces), -1, -1)
                       if "".join(pieces[:n]).rstrip() == shown)
        assert 0 < fitting < len(pieces)


async def test_a_binding_group_shows_as_one_entry_of_the_keys_on_screen(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_quiz([3], 5, seed=3)
        await pilot.pause()
        quiz = app.screen.quiz
        while quiz.current.type != "choice":  # answer anything until a choice question
            await pilot.press(*{"truefalse": ["t"], "multi": ["1", "enter"]}.get(
                quiz.current.type, ["x", "enter"]))
            await pilot.press("enter")
            await pilot.pause()
        footer = app.screen.query_one(StudyFooter)
        n = len(quiz.current.choices)
        numbers = " ".join(str(i) for i in range(1, n + 1))
        text = footer.render().plain
        assert f" {numbers} Choose " in text and f"{n + 1} Choose" not in text
        question, second = quiz.current, str(quiz.choice_at(2))
        await pilot.click(StudyFooter, offset=(text.index(f" {numbers} ") + 3, 0))  # on "2"
        await pilot.pause()
        answer = app.screen.answers[-1]
        assert answer.question is question and answer.given == second
