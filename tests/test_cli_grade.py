"""`studytui grade` as an author meets it, and `validate` on the split-comma
trap in accept and alias lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studytui.cli import main

SAMPLE = Path(__file__).parent / "loader" / "valid_sample.yaml"

TYPED_QUESTION = """
  - id: q90-dropout-name
    type: short
    card: dropout
    prompt: {ko: "뉴런을 무작위로 끄는 규제는?", en: "Which regularizer zeroes neurons at random?"}
    answer: {ko: 드롭아웃, en: dropout}
    accept: [ACCEPT]
    explanation: {ko: 드롭아웃이다., en: It is dropout.}
"""


def _deck(tmp_path: Path, accept: str = "drop-out") -> Path:
    path = tmp_path / "90-sample.yaml"
    text = SAMPLE.read_text(encoding="utf-8") + TYPED_QUESTION.replace("ACCEPT", accept)
    path.write_text(text, encoding="utf-8")
    return path


def test_each_answer_gets_one_line_and_all_accepted_exits_0(capsys):
    argv = ["--lang", "en", "grade", "q7-bptt-name", "BPTT", "Backpropagation Through Time (BPTT)"]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["✓ BPTT — accepted", "✓ Backpropagation Through Time (BPTT) — accepted"]


def test_a_typo_names_what_it_was_taken_for_and_a_rejection_says_why(capsys):
    argv = ["grade", "q7-bptt-name", "backpropagaton through time", "RNN", "--lang", "en"]
    assert main(argv) == 1
    typo, rejected = capsys.readouterr().out.splitlines()
    assert typo == ("✓ backpropagaton through time — accepted as a typo of "
                    "backpropagation through time")
    assert rejected.startswith("✗ RNN — rejected: it is a different term of the deck (")


def test_json_lists_answer_correct_note_in_the_order_given(capsys):
    assert main(["grade", "q9-joint-formula", "2n-1", "2ⁿ-1", "--json", "--lang", "en"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [r["answer"] for r in out] == ["2n-1", "2ⁿ-1"]
    assert [r["correct"] for r in out] == [False, True]
    assert out[1]["note"] is None and out[0]["note"].startswith("rejected: not an accepted answer")
    assert all(set(r) == {"answer", "correct", "note"} for r in out)


def test_an_unknown_question_is_one_line_and_exit_2(capsys):
    assert main(["grade", "q7-bptt-nam", "x", "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "studytui: no question 'q7-bptt-nam' in the deck (did you mean q7-bptt-name?)"]


def test_korean_notes_follow_lang(capsys):
    assert main(["grade", "q4-pool-params", "1", "--lang", "ko"]) == 1
    assert capsys.readouterr().out.strip() == "✗ 1 — 오답: 인정되는 답이 아닙니다 (정답: 0)"


@pytest.mark.parametrize("qid, answers, code, marks", [
    ("q2-linear-params", ["2", "3"], 1, ["✓", "✗"]),
    ("q2-activation-which", ["1,2,4", "4 2 1", "1,2"], 1, ["✓", "✓", "✗"]),
    ("q2-linear-collapse", ["true", "참", "false"], 1, ["✓", "✓", "✗"]),
    ("q2-linear-params", ["9", "two"], 1, ["✗", "✗"]),
])
def test_choice_multi_and_truefalse_are_answered_by_number_or_truth(capsys, qid, answers, code,
                                                                     marks):
    assert main(["grade", qid, *answers, "--lang", "en"]) == code
    lines = capsys.readouterr().out.splitlines()
    assert [line[0] for line in lines] == marks


def test_a_choice_answer_that_is_not_a_choice_number_says_how_to_answer(capsys):
    main(["grade", "q2-linear-params", "9", "--lang", "en"])
    assert capsys.readouterr().out.strip() == (
        "✗ 9 — rejected: answer with a choice number (1-4)")


def test_grade_honours_content(tmp_path, capsys):
    deck = _deck(tmp_path)
    argv = ["--content", str(deck), "grade", "q90-dropout-name", "drop out", "--lang", "en"]
    assert main(argv) == 0
    assert main(["--content", str(deck), "grade", "q7-bptt-name", "BPTT"]) == 2
    assert "q7-bptt-name" in capsys.readouterr().err


def test_control_characters_never_reach_the_terminal(capsys):
    main(["grade", "q7-bptt-name", "BP\x1b[2JTT", "--lang", "en"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b" in out


def test_validate_warns_about_an_accept_entry_split_at_its_comma(tmp_path, capsys):
    deck = _deck(tmp_path, "Beta(α, α), drop-out")
    assert main(["--lang", "en", "validate", str(deck)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"{deck}:") or "90-sample.yaml:" in err[0]
    assert "questions[1].accept[0]: 'Beta(α' and 'α)' look like one entry split at its" in err[0]
    assert '"Beta(α, α)"' in err[0] and err[0].endswith("(warning)")


def test_strict_validate_refuses_the_split_entry(tmp_path, capsys):
    deck = _deck(tmp_path, "Beta(α, α)")
    assert main(["validate", "--strict", str(deck)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "split at its comma" in err[0] and "(warning)" not in err[0]


def test_a_quoted_entry_with_a_comma_is_fine(tmp_path, capsys):
    deck = _deck(tmp_path, '"Beta(α, α)", drop-out')
    assert main(["validate", "--strict", str(deck)]) == 0
    assert capsys.readouterr().err == ""


def test_an_unknown_question_in_both_languages_is_still_one_line(capsys):
    assert main(["grade", "q7-bptt-nam", "x", "--lang", "both"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == ("studytui: 덱에 'q7-bptt-nam' 문제가 없습니다 (비슷한 문제: q7-bptt-name) · "
                    "no question 'q7-bptt-nam' in the deck (did you mean q7-bptt-name?)")
