"""The command line as a user meets it: exit codes, one-line errors, no
tracebacks, global options before or after the subcommand."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from studytui.cli import main

SAMPLE = Path(__file__).parent / "loader" / "valid_sample.yaml"
BROKEN = Path(__file__).parent / "loader" / "malformed" / "unknown_card.yaml"


def test_validate_bundled_deck_strict_prints_summary(capsys):
    assert main(["--lang", "en", "validate", "--strict"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("ok: 9 lectures, ") and out.endswith("(strict)")


def test_validate_file_with_error_exits_2_with_one_line_per_error(capsys):
    assert main(["validate", str(BROKEN)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].endswith("questions[0].card: unknown card 'adamw'")


def test_validate_takes_content_option_before_or_after_subcommand(capsys):
    assert main(["--lang", "en", "--content", str(SAMPLE), "validate"]) == 0
    assert main(["validate", "--content", str(SAMPLE), "--lang", "en"]) == 0
    assert capsys.readouterr().out.count("ok: 1 lecture, 2 cards, 1 question") == 2


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["--lang", "fr", "validate"], "인자 --lang: 잘못된 선택: 'fr'"),  # the config's: both
        (["--lang", "en", "validate", "--bogus"], "unrecognized arguments: --bogus"),
        (["--lang", "en", "quiz", "--count", "many"],
         "argument --count: invalid int value: 'many'"),
        (["frobnicate", "--lang=en"], "argument COMMAND: invalid choice: 'frobnicate'"),
        (["--lang", "ko", "quiz", "--count", "many"], "인자 --count: int 값이 잘못되었습니다"),
        (["--lang", "ko", "validate", "--bogus"], "오류: 알 수 없는 인자: --bogus (--help 참고)"),
    ],
)
def test_usage_errors_are_one_line_exit_2(argv, fragment, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and fragment in err[0]


def test_schema_matches_the_bundled_schema_file(capsys):
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    bundled = json.loads(
        (Path(__file__).parents[1] / "content" / "lecture.schema.json").read_text()
    )
    assert printed == bundled
    assert set(printed["properties"]) == {"id", "number", "title", "summary", "cards", "questions"}


def test_every_bundled_file_points_editors_at_the_schema():
    for path in sorted((Path(__file__).parents[1] / "content").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=./lecture.schema.json", path.name


def test_version_and_module_entry_point():
    out = subprocess.run(
        [sys.executable, "-m", "studytui", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stdout.startswith("studytui ")


def test_broken_content_through_the_real_command_has_no_traceback():
    out = subprocess.run(
        [sys.executable, "-m", "studytui", "validate", str(BROKEN)], capture_output=True, text=True
    )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_validate_summarises_in_korean_for_a_korean_learner(capsys):
    assert main(["--lang", "ko", "validate", "--strict"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("이상 없음(엄격 검사): 강의 9개, ") and "ok:" not in out


def test_help_speaks_the_learners_language(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "ko", "--help"])
    out = capsys.readouterr().out
    assert "사용법" in out and "옵션" in out and "이 도움말을 보여 주고 끝냅니다" in out
    assert "usage" not in out.lower() and "show this help" not in out
