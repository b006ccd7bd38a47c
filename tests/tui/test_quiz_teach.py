"""Quizzes that teach, as a learner drives them: arrows and Enter, the pick and
the answer marked, leaving mid-quiz, "I was right", the notebook and exams."""

from __future__ import annotations

from studytui.tui.screens.exam import ExamScreen
from studytui.tui.screens.exam_result import ExamResultScreen
from studytui.tui.screens.help import HelpScreen
from studytui.tui.screens.notebook import NotebookScreen
from studytui.tui.screens.quiz import QuizScreen
from studytui.tui.screens.quiz_leave import QuizLeaveScreen
from studytui.tui.screens.quiz_result import QuizResultScreen
from studytui.tui.screens.quiz_setup import QuizSetupScreen
from tests.tui.conftest import plain, study_history


def rendered(renderable) -> str:
    """A choice line as the terminal shows it, in plain text."""
    import io

    from rich.console import Console

    console = Console(width=100, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text().strip()


async def start(app, pilot, qtype: str, lectures=(3,), count=5) -> QuizScreen:
    """A quiz whose first question is of `qtype` (seeds tried in turn)."""
    for seed in range(50):
        app.start_quiz(list(lectures), count, seed=seed)
        await pilot.pause()
        if app.screen.quiz.current.type == qtype:
            return app.screen
        app.pop_screen()
    raise AssertionError(f"no seed starts with a {qtype} question")


async def answer_wrong(pilot, screen: QuizScreen) -> None:
    q = screen.quiz.current
    if q.type in ("short", "cloze"):
        await pilot.press(*"zzz", "enter")
    elif q.type == "truefalse":
        await pilot.press("f" if q.answer else "t")
    elif q.type == "choice":
        await pilot.press(str(1 + next(i for i, n in enumerate(screen.quiz.choices_order)
                                       if n != q.answer)))
    else:
        await pilot.press(str(1 + next(i for i, n in enumerate(screen.quiz.choices_order)
                                       if n not in q.answer)), "enter")


async def test_arrows_and_enter_answer_a_choice_and_mark_the_pick_and_the_answer(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot, "choice")
        q = screen.quiz.current
        await pilot.press("enter")  # nothing highlighted yet: says how, answers nothing
        assert screen.feedback is None
        wrong_at = next(i for i, n in enumerate(screen.quiz.choices_order) if n != q.answer)
        await pilot.press(*["down"] * (wrong_at + 1), "enter")
        assert screen.feedback is not None and not screen.feedback.correct
        lines = [rendered(o.prompt) for o in screen.query_one("#choices").options]
        right_at = screen._shown_order.index(q.answer)
        assert lines[wrong_at].startswith("✗") and "your answer" in lines[wrong_at]
        assert lines[right_at].startswith("✓") and "your answer" not in lines[right_at]
        assert sum(line.startswith(("✓", "✗")) for line in lines) == 2


async def test_multi_ticks_with_space_and_an_empty_answer_says_what_to_do(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot, "multi")
        q = screen.quiz.current
        notes = []
        app.notify = lambda message, **kw: notes.append(message)  # type: ignore[method-assign]
        await pilot.press("enter")
        assert screen.feedback is None and "space" in notes[-1] and "⏎" in notes[-1]
        for n in q.answer:
            at = screen.quiz.choices_order.index(n)
            screen.query_one("#multi").highlighted = at
            await pilot.press("space")
        await pilot.press("enter")
        assert screen.feedback.correct


async def test_leaving_mid_quiz_asks_and_shows_the_partial_score(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot, "choice")
        await answer_wrong(pilot, screen)
        await pilot.press("escape")
        assert isinstance(app.screen, QuizLeaveScreen)
        assert "0/1" in str(app.screen.query_one("#leave-question").content)
        await pilot.press("n")  # stay
        assert app.screen is screen
        await pilot.press("escape", "y")
        await pilot.pause()
        result = app.screen
        assert isinstance(result, QuizResultScreen) and result.quiz.score == (0, 1)
        assert "Stopped early: 1 of 5 answered" in plain(result.query_one("#score"))


async def test_retry_missed_is_offered_only_when_something_was_missed(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot, "truefalse", count=1)
        await pilot.press("t" if screen.quiz.current.answer else "f", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizResultScreen)
        assert app.screen.check_action("retry", ()) is False
        await pilot.press("r")
        assert isinstance(app.screen, QuizResultScreen)


async def test_i_was_right_undoes_the_again_review_on_screen_and_in_the_store(
        make_app, deck, store, clock):
    study_history(deck, store, clock, today=())
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot, "truefalse")
        card = screen.quiz.current.card
        before = store.state_of(card)
        await answer_wrong(pilot, screen)
        assert "counts as Again" in plain(screen.query_one("#feedback"))
        assert store.state_of(card) != before
        await pilot.press("i")
        feedback = plain(screen.query_one("#feedback"))
        assert "Counted as right" in feedback and "undone" in feedback
        assert store.state_of(card) == before
        assert screen.quiz.score == (1, 1)
        assert [d.card for d in store.disputes()] == [card]
        assert screen.check_action("dispute", ()) is False  # once


async def test_a_quiz_over_an_unstudied_lecture_leaves_its_cards_new(make_app, deck, store):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_quiz([3], 5, seed=1)
        await pilot.pause()
        screen = app.screen
        while screen.quiz.current is not None:
            await answer_wrong(pilot, screen)
            assert "not studied" in plain(screen.query_one("#feedback"))
            await pilot.press("enter")
    assert store.known_cards() == set() and store.review_rows() == []
    assert len(store.quiz_rows()) == 5


async def test_notes_follow_the_learners_language(make_app):
    app = make_app(lang="ko")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot, "truefalse")
        await answer_wrong(pilot, screen)
        feedback = plain(screen.query_one("#feedback"))
        assert "오답" in feedback and "공부하지 않은" in feedback
        assert "Wrong" not in feedback and "studied" not in feedback


async def test_help_says_how_a_quiz_moves_the_schedule(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await start(app, pilot, "choice")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        note = plain(app.screen.query_one("#help-note"))
        assert "never touches" in note and "Again review" in note


async def test_setup_ticks_the_studied_lectures(make_app, deck, store, clock):
    study_history(deck, store, clock, today=())  # lecture 3 only
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("z")
        assert isinstance(app.screen, QuizSetupScreen)
        assert app.screen.query_one("CheckList").selected == [3]


async def test_the_notebook_keeps_misses_and_quizzes_them_until_cleared(make_app, store):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot, "choice", count=1)
        missed = screen.quiz.current
        await answer_wrong(pilot, screen)
        await pilot.press("enter", "escape")  # result, then back
        await pilot.pause()
        app.open_notebook()
        await pilot.pause()
        notebook = app.screen
        assert isinstance(notebook, NotebookScreen)
        text = plain(notebook.query_one("#notebook-list"))
        assert missed.prompt.en.split()[0] in text and missed.explanation.en[:20] in text
        for _ in range(2):  # right twice in a row clears it
            await pilot.press("z")
            await pilot.pause()
            quiz = app.screen
            assert [q.id for q in quiz.quiz.questions] == [missed.id]
            await pilot.press(str(quiz.quiz.choices_order.index(missed.answer) + 1), "enter")
            await pilot.pause()
            await pilot.press("enter")  # the result screen: back to the notebook
            await pilot.pause()
        assert app.screen is notebook
        assert notebook.entries == [] and "empty" in plain(notebook.query_one("#notebook-list"))


async def test_a_timed_exam_gives_no_feedback_and_ends_when_time_is_up(make_app, store, clock):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_exam([3], 5, 60)
        await pilot.pause()
        exam = app.screen
        assert isinstance(exam, ExamScreen) and "time left [b]1:00" in exam.head_text()
        await answer_wrong(pilot, exam)
        assert exam.feedback is None and exam.quiz.index == 1  # on to the next, no verdict
        clock.advance(seconds=61)
        exam.tick()
        await pilot.pause()
        result = app.screen
        assert isinstance(result, ExamResultScreen)
        assert result.attempt.score == (0, 5) and result.attempt.timed_out
        assert "first exam" in plain(result.query_one("#exam-past"))
        await pilot.press("enter")
        app.start_exam([3], 2, None)  # a second attempt, beside the first
        await pilot.pause()
        for _ in range(2):
            await answer_wrong(pilot, app.screen)
        await pilot.pause()
        second = app.screen
        assert isinstance(second, ExamResultScreen)
        assert "Earlier attempts" in plain(second.query_one("#exam-past"))
        assert "0/5" in plain(second.query_one("#exam-lectures"))  # last time, beside
    assert len(store.deck_events("exam")) == 2



async def test_settings_turn_generated_practice_off_and_quizzes_follow(make_app, tmp_path):
    from studytui.config import load_config
    from studytui.study.generated import is_generated

    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_quiz([3], 50, seed=1)
        await pilot.pause()
        assert any(is_generated(q.id) for q in app.screen.quiz.questions)
        assert not is_generated(app.screen.quiz.questions[0].id)  # hand-written first
        app.pop_screen()
        await pilot.press("comma")
        await pilot.pause()
        app.screen.query_one("#generated").value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert load_config(tmp_path / "config.toml").generated_questions is False
        app.start_quiz([3], 50, seed=1)
        await pilot.pause()
        assert not any(is_generated(q.id) for q in app.screen.quiz.questions)


async def test_a_generated_question_is_marked_as_generated(make_app, deck):
    from studytui.study.generated import generated_questions

    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        made = generated_questions(deck, [3])[0]
        app.start_quiz_of([made, deck.questions["q-adam-choice"]])
        await pilot.pause()
        screen = app.screen
        tagged = "(generated practice)" in screen.head_text()
        assert tagged == (screen.quiz.current.id == made.id)
        await pilot.press("1", "enter")  # answer anything, then the other question
        assert screen.quiz.index == 1
        assert ("(generated practice)" in screen.head_text()) != tagged


async def test_true_false_keys_stay_named_after_any_answer_in_an_exam(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        seen = 0
        for _ in range(4):
            app.start_exam([3], 5, None)
            await pilot.pause()
            exam = app.screen
            while exam.quiz.current is not None:
                q = exam.quiz.current
                if q.type == "truefalse":
                    lines = [rendered(o.prompt) for o in exam.query_one("#choices").options]
                    assert lines == ["1. True   (t)", "2. False   (f)"], exam.quiz.index
                    seen += exam.quiz.index > 0
                await answer_wrong(pilot, exam)
                await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert seen  # a true/false question came after another answer at least once
