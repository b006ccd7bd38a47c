"""Demo parameters speak the learner's language: what a field accepts, its
help, and why a value was refused; defaults are written as a learner types
them; the command line takes `--causal=true` and `--causal` alike."""

from __future__ import annotations

import pytest

from demos.cli import main
from demos.params import ParamError
from demos.registry import DEMOS, get_demo


def test_a_refused_value_is_said_in_korean_and_english_naming_the_parameter():
    spec = get_demo("attention")
    with pytest.raises(ParamError) as caught:
        spec.resolve({"d_model": "999"})
    error = caught.value
    assert str(error) == "d_model: 999 is out of range: a number from 2 to 64"
    assert error.say("ko") == "d_model: 999은(는) 범위를 벗어납니다: 2부터 64까지의 수"
    assert error.say("both", sep="\n").splitlines() == [error.say("ko"), error.say("en")]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_parameter_of_every_demo_has_help_and_accepts_in_each_language(lang):
    for spec in DEMOS.values():
        for p in spec.params:
            assert spec.help_of(p, lang) and p.accepts(lang)
    assert get_demo("attention").param("causal").accepts("ko") == "true 또는 false"


def test_defaults_are_written_as_typed():
    race = get_demo("optimizer-race")
    assert race.param("lr").typed({}) == ""
    assert race.param("focus").typed(None) == "none"
    assert get_demo("attention").param("causal").typed(False) == "false"
    assert race.param("optimizers").typed(("adam", "sgd")) == "adam,sgd"
    for spec in DEMOS.values():  # and each reads back as the default
        for p in spec.params:
            if p.default is None:
                assert p.parse(p.typed(None)) is None
            elif p.typed(p.default):  # an empty map is typed as nothing at all
                assert p.parse(p.typed(p.default)) == p.parse(p.default)


def test_help_shows_defaults_as_typed_in_the_learners_language(capsys):
    assert main(["attention", "--help", "--lang", "ko", "--width", "120"]) == 0
    out = capsys.readouterr().out
    assert "임베딩 크기" in out and "2부터 64까지의 수" in out
    assert "false" in out and "False" not in out
    assert main(["optimizer-race", "--help", "--lang", "en", "--width", "160"]) == 0
    out = capsys.readouterr().out
    assert "{}" not in out and "None" not in out


@pytest.mark.parametrize("argv", [["--causal"], ["--causal=true"], ["--causal", "true"]])
def test_a_bool_flag_takes_every_way_of_saying_true(argv, capsys):
    assert main(["attention", *argv, "--json"]) == 0
    assert '"causal": true' in capsys.readouterr().out


def test_a_bad_bool_names_the_allowed_values_in_the_learners_language(capsys):
    assert main(["attention", "--causal=maybe", "--lang", "ko"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "causal" in err and "true 또는 false" in err
