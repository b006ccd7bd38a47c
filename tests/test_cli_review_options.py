"""`studytui review`'s custom study options: in --help, the plan they make, and
one line naming the option (exit 2) for a bad value, before any terminal."""

from __future__ import annotations

import pytest

from studytui.cli import build_parser, main
from studytui.cli.review_options import study_plan
from studytui.config import Config
from studytui.content.loader import load_deck
from studytui.errors import UserError
from studytui.study.directions import EN_KO, FORWARD, KO_EN, REVERSE

OPTIONS = ("--lecture", "--tag", "--new", "--cram", "--ahead", "--weak", "--practice",
           "--reverse", "--cross")


@pytest.fixture(scope="module")
def deck():
    return load_deck(None)


def plan_of(deck, *argv: str, config: Config | None = None):
    args = build_parser().parse_args(["review", *argv])
    return study_plan(args, deck, config or Config(), "en")


def test_review_help_lists_every_option(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["review", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for option in OPTIONS:
        assert option in out, option


def test_lecture_nine_cram_is_a_plan_of_every_card_of_lecture_nine(deck):
    plan = plan_of(deck, "--lecture", "9", "--cram", config=Config(new_per_day=0))
    assert plan.lectures == (9,) and plan.cram and not plan.practice


def test_lecture_repeats_and_tags_and_new_and_ahead_and_weak_and_practice(deck):
    plan = plan_of(deck, "--lecture", "3", "--lecture", "4", "--tag", "optimization",
                   "--new", "5", "--ahead", "3", "--practice")
    assert plan.lectures == (3, 4) and plan.tags == ("optimization",)
    assert (plan.extra_new, plan.ahead_days, plan.practice) == (5, 3, True)
    assert plan_of(deck, "--weak").weak


def test_directions_asked_for_replace_forward_and_settings_add_to_it(deck):
    assert plan_of(deck).directions == (FORWARD,)
    assert plan_of(deck, "--reverse").directions == (REVERSE,)
    assert plan_of(deck, "--cross").directions == (KO_EN, EN_KO)
    turned_on = Config(directions=("cross",))
    assert plan_of(deck, config=turned_on).directions == (FORWARD, KO_EN, EN_KO)


@pytest.mark.parametrize(("argv", "named"), [
    (["--ahead", "0"], "--ahead 0: give a whole number of days from 1 to 3650"),
    (["--new", "-2"], "--new -2: give a whole number from 1 to 9999"),
    (["--tag", "nonesuch"], "--tag 'nonesuch': no card has this tag"),
    (["--lecture", "42"], "--lecture 42: no such lecture"),
])
def test_a_bad_value_is_refused_naming_the_option(deck, argv, named):
    with pytest.raises(UserError, match="^" + named.replace("(", r"\(")):
        plan_of(deck, *argv)


@pytest.mark.parametrize("argv", [["--ahead", "x"], ["--new", "many"], ["--cram", "--weak"],
                                  ["--ahead", "3", "--cram"]])
def test_a_bad_option_is_one_line_and_exit_2(argv, capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(tmp_path / "s.db"), "review", *argv])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and argv[0] in err


def test_a_bad_value_exits_2_with_one_line_before_any_terminal(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert main(["--db", str(tmp_path / "s.db"), "--lang", "en", "review", "--ahead", "0"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "studytui: --ahead 0: give a whole number of days from 1 to 3650"
    assert not (tmp_path / "s.db").exists()
