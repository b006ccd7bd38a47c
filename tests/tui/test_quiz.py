"""Quiz: right, wrong and typo answers, feedback, the score, retry missed."""

from __future__ import annotations

from datetime import datetime

from studytui.tui.screens.quiz import QuizScreen
from studytui.tui.screens.quiz_result import QuizResultScreen
from studytui.tui.screens.quiz_setup import QuizSetupScreen
from tests.tui.conftest import plain, study_history

# What to answer, per question: (how, expected verdict word in the feedback)
PLAN = {
    "q-momentum-short": ("typed:Momentom", "check the spelling"),  # typo, accepted
    "q-adam-cloze": ("typed:Adadelta", "Wrong"),  # a different word: rejected
    "q-adam-choice": ("right", "Correct"),
    "q-adaptive-multi": ("right", "Correct"),
    "q-momentum-tf": ("key:t", "Wrong"),  # the answer is false
}


async def answer(pilot, screen: QuizScreen) -> str:
    q = screen.quiz.current
    how, _ = PLAN[q.id]
    if how.startswith("typed:"):
        await pilot.press(*how.removeprefix("typed:"), "enter")
    elif how.startswith("key:"):
        await pilot.press(how.removeprefix("key:"))
    elif q.type == "choice":
        await pilot.press(str(screen.quiz.choices_order.index(q.answer) + 1))
    elif q.type == "multi":
        for n in q.answer:
            await pilot.press(str(screen.quiz.choices_order.index(n) + 1))
        await pilot.press("enter")
    return q.id


async def test_a_quiz_grades_right_wrong_and_typo_answers_and_commits_each(
        make_app, deck, store, clock):
    study_history(deck, store, clock, today=())  # lecture 3 studied ten days ago
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_quiz([3], 5, seed=7)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        answered = []
        for _ in range(5):
            qid = await answer(pilot, screen)
            answered.append(qid)
            feedback = plain(screen.query_one("#feedback"))
            assert PLAN[qid][1] in feedback, (qid, feedback)
            # Each answer is in the store before the next question is shown.
            assert [row[1] for row in store.quiz_rows()] == answered
            await pilot.press("enter")
        assert sorted(answered) == sorted(PLAN)
        await pilot.pause()
        result = app.screen
        assert isinstance(result, QuizResultScreen)
        assert result.quiz.score == (3, 5)
        missed_text = plain(result.query_one("#missed"))
        assert "Adam combines momentum" in missed_text and "RMSprop" in missed_text
        assert "Momentum ignores past gradients" in missed_text
        # A miss on a studied card makes it due again soon.
        due = datetime.fromisoformat(store.state_of("momentum")["due"])
        assert (due - clock()).total_seconds() < 3600
        await pilot.press("r")
        await pilot.pause()
        retry = app.screen
        assert isinstance(retry, QuizScreen)
        assert {q.id for q in retry.quiz.questions} == {"q-adam-cloze", "q-momentum-tf"}


async def test_the_same_seed_gives_the_same_question_order(make_app):
    orders = []
    for _ in range(2):
        app = make_app()
        async with app.run_test(size=(100, 30)) as pilot:
            app.start_quiz([3], 5, seed=42)
            await pilot.pause()
            orders.append([q.id for q in app.screen.quiz.questions])
    assert orders[0] == orders[1]


async def test_korean_typed_answer_is_accepted(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.start_quiz([3], 5, seed=7)
        await pilot.pause()
        screen = app.screen
        while screen.quiz.current.id != "q-momentum-short":
            await answer(pilot, screen)
            await pilot.press("enter")
        # What an IME delivers to the Input: composed Hangul syllables.
        screen.query_one("#answer").insert_text_at_cursor("모멘텀")
        await pilot.press("enter")
        assert "Correct" in plain(screen.query_one("#feedback"))
        assert store.quiz_rows()[-1][3:5] == ("모멘텀", True)


async def test_setup_screen_starts_a_quiz_of_the_picked_lectures(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("z")
        assert isinstance(app.screen, QuizSetupScreen)
        await pilot.press("a")  # none selected
        await pilot.press("s")
        assert isinstance(app.screen, QuizSetupScreen)  # refused: no lecture picked
        app.screen.query_one("CheckList").select(3)
        count = app.screen.query_one("#count")
        count.value = "2"
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.quiz.total == 2
