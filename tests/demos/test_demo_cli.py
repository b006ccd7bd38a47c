"""`studytui demo ...`: listing, rendering, JSON, and one-line errors (exit 2)."""

from __future__ import annotations

import json

import pytest

from demos.cli import main
from demos.registry import DEMOS


def _err_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


def test_list_names_every_registered_demo(capsys):
    assert main(["list", "--width", "120"]) == 0
    out = capsys.readouterr().out
    for name in DEMOS:
        assert name in out


def test_unknown_demo_exits_2_with_one_line_naming_the_valid_ones(capsys):
    assert main(["optimiser-race"]) == 2
    err = _err_line(capsys)
    assert "unknown demo 'optimiser-race'" in err
    assert ", ".join(DEMOS) in err


@pytest.mark.parametrize(("argv", "fragments"), [
    (["optimizer-race", "--steps", "0"], ["steps", "from 1 to 2000"]),
    (["optimizer-race", "--function", "sphere"], ["function", "rosenbrock, beale"]),
    (["optimizer-race", "--lr", "adamw=0.1"], ["lr", "sgd, momentum"]),
    (["attention", "--heads", "3"], ["heads", "valid: 1, 2, 4, 8"]),
    (["attention", "--d-model", "1"], ["d_model", "from 2 to 64"]),
    (["cnn-params", "--arch", "vgg13"], ["arch", "vgg11, vgg16"]),
    (["cnn-params", "--layers", "conv3x3:8,fc:2,pool"], ["layers", "put fc layers last"]),
    (["cnn-params", "--arch", "vgg11", "--compare", "3x3-vs-5x5"], ["compare", "only one"]),
    (["attention", "--colour", "red"], ["unknown option '--colour'", "--d-model"]),
    (["attention", "--lang", "fr"], ["lang", "ko, en, both"]),
    (["attention", "--width", "5"], ["width", "from 40 to 300"]),
    (["attention", "--seed"], ["--seed needs a value"]),
])
def test_bad_parameter_exits_2_with_one_line_naming_it_and_what_is_valid(capsys, argv,
                                                                         fragments):
    assert main(argv) == 2
    err = _err_line(capsys)
    for fragment in fragments:
        assert fragment in err
    assert capsys.readouterr().out == ""


def test_json_prints_the_race_contract(capsys):
    argv = ["optimizer-race", "--function", "saddle", "--optimizers", "adam,sgd",
            "--steps", "10", "--lr", "adam=0.05", "--start", "1,0.01", "--json"]
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["function"] == "saddle" and result["start"] == [1.0, 0.01]
    assert [r["name"] for r in result["runs"]] == ["adam", "sgd"]
    assert result["runs"][0]["kwargs"] == {"lr": 0.05}
    assert len(result["runs"][1]["trajectory"]) == 11


def test_json_prints_the_cnn_contract(capsys):
    assert main(["cnn-params", "--layers", "conv3x3:4,pool,fc:2", "--input=1x8x8",
                 "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {"layers", "input", "total_params", "trainable_params"} <= result.keys()
    assert result["input"] == [1, 8, 8]
    assert result["total_params"] == (3 * 3 * 1 * 4 + 4) + (4 * 4 * 4 * 2 + 2)
    assert {"name", "type", "params", "output_shape"} <= result["layers"][0].keys()


def test_json_prints_the_attention_contract_with_dashed_flags_and_bare_bools(capsys):
    assert main(["attention", "--sentence", "나는 학생 이다", "--d-model", "4",
                 "--heads", "2", "--causal", "--no-positional", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["tokens"] == ["나는", "학생", "이다"]
    assert (result["d_model"], result["heads"], result["causal"]) == (4, 2, True)
    assert result["positional"] is False
    assert len(result["per_head"]) == 2
    assert {"q", "k", "v", "weights", "output"} <= result["per_head"][0].keys()
    assert len(result["output"]) == 3 and len(result["output"][0]) == 4


def test_render_prints_in_the_chosen_language_and_width(capsys):
    assert main(["attention", "--lang", "en", "--width", "96"]) == 0
    out = capsys.readouterr().out
    assert "Attention toy" in out and "어텐션 미니 예제" not in out
    assert max(len(line) for line in out.splitlines()) <= 96


def test_demo_help_lists_each_flag_with_what_it_accepts(capsys):
    assert main(["cnn-params", "--help", "--width", "160"]) == 0
    out = capsys.readouterr().out
    assert "--compare" in out and "densenet-growth" in out


@pytest.mark.parametrize("argv", [["list"], ["attention", "--help"]])
def test_tables_wrap_korean_at_word_boundaries_never_crop(argv, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")  # a narrow terminal
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "…" not in out  # nothing cut short with an ellipsis
    if argv[0] == "attention":
        words = [w for line in out.splitlines() for w in line.replace("│", " ").split()]
        assert {"나는", "오늘", "어텐션을", "배운다"} <= set(words)
