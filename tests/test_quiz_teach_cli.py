"""The quiz's outside faces: `studytui grade --disputes` and the Settings key
that turns generated practice questions on and off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studytui.cli import main
from studytui.config import Config, ConfigError, load_config, save_config
from studytui.content.deck_cache import load_deck_cached
from studytui.store.sqlite_store import Store
from studytui.study.quiz_session import QuizSession
from studytui.study.scheduler import StudyScheduler


def _dispute(db: Path, qid: str, typed: str) -> None:
    deck = load_deck_cached(None)
    with Store.open(db, backup=False) as store:
        quiz = QuizSession(deck, store, StudyScheduler(), count=None,
                           questions=[deck.questions[qid]])
        assert not quiz.answer(typed).correct
        quiz.dispute()


def test_grade_disputes_lists_what_was_typed_and_what_the_deck_expects(tmp_path, capsys):
    db = tmp_path / "r.db"
    _dispute(db, "q7-bptt-name", "back prop thru time\x1b[31m")
    assert main(["--db", str(db), "--lang", "en", "grade", "--disputes"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert "q7-bptt-name" in line and "answered: back prop thru time\\x1b[31m" in line
    assert "expected: backpropagation through time" in line.lower() and "\x1b" not in line
    assert main(["--db", str(db), "grade", "--disputes", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["question"], row["card"]) == ("q7-bptt-name", "bptt")


def test_grade_disputes_on_a_store_without_any_says_so(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "r.db"), "--lang", "en", "grade", "--disputes"]) == 0
    assert capsys.readouterr().out.strip() == "no disputes"


def test_grade_disputes_shows_a_choice_answer_as_its_words(tmp_path, capsys):
    db = tmp_path / "r.db"
    deck = load_deck_cached(None)
    q = next(q for q in deck.questions.values() if q.type == "choice")
    wrong = 1 if q.answer != 1 else 2
    with Store.open(db, backup=False) as store:
        quiz = QuizSession(deck, store, StudyScheduler(), count=None, questions=[q])
        quiz.answer(wrong)
        quiz.dispute()
    assert main(["--db", str(db), "--lang", "en", "grade", "--disputes"]) == 0
    assert f"answered: {q.choices[wrong - 1].en}  (expected: {q.choices[q.answer - 1].en})" \
        in capsys.readouterr().out


def test_grade_without_answers_or_with_both_is_one_line_exit_2(tmp_path, capsys):
    assert main(["--lang", "en", "grade", "q7-bptt-name"]) == 2
    assert main(["--db", str(tmp_path / "r.db"), "--lang", "en", "grade", "q7-bptt-name",
                 "x", "--disputes"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "QUESTION_ID ANSWER" in err[0] and "--disputes" in err[1]


def test_generated_questions_setting_round_trips_and_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    save_config(Config(generated_questions=False), path)
    assert load_config(path).generated_questions is False
    assert load_config(tmp_path / "none.toml").generated_questions is True
    path.write_text("new_per_day = 3\ngenerated_questions = 'yes'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"c.toml:2: generated_questions must be true or false"):
        load_config(path)
