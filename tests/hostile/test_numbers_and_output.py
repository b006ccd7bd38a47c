"""Numbers that are not numbers, and output that cannot be written: one line,
the right exit status, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from studytui.content.loader import load_deck
from studytui.errors import ContentError
from studytui.words import say
from tests.hostile.lecture_text import lecture, run

HUGE = "9" * 4301

# How a lecture number may be written: only a plain decimal integer counts.
NUMBERS = {
    "1": True, "0": True, "42": True, "999": True,
    "true": False, "false": False, "1_0": False, "!!str 1": False, "'1'": False,
    "0x10": False, "0o10": False, "010": False, "+1": False, "1e1": False, "1.0": False,
    "1.": False, ".nan": False, "~": False, "-1": False, "1000": False, "١": False,
    "1 0": False, "[1]": False, "{a: 1}": False, HUGE: False, "-" + HUGE: False,
}


@pytest.mark.parametrize("written, valid", NUMBERS.items(), ids=[k[:12] for k in NUMBERS])
def test_only_a_plain_decimal_integer_is_a_lecture_number(tmp_path, written, valid):
    path = tmp_path / "a.yaml"
    path.write_text(lecture(number=written), encoding="utf-8")
    if valid:
        assert load_deck([path]).lectures[0].number == int(written)
        return
    with pytest.raises(ContentError) as caught:
        load_deck([path])
    (issue,) = caught.value.issues
    assert issue.line == 2 and len(str(issue)) < 300


@pytest.mark.parametrize("where", ["answer", "param"])
def test_a_huge_integer_elsewhere_in_content_is_one_line(tmp_path, where):
    text = lecture() + ("questions:\n  - id: q\n    type: choice\n    card: card-one\n"
                        "    prompt: {en: p}\n    choices: [{en: a}, {en: b}]\n"
                        f"    answer: {HUGE}\n    explanation: {{en: e}}\n"
                        if where == "answer" else
                        f"    demo: {{name: optimizer-race, params: {{steps: {HUGE}}}}}\n")
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="4,301 digits is too long"):
        load_deck([path])


@pytest.mark.parametrize("args", [
    ["quiz", "--count", HUGE], ["review", "--lecture", HUGE], ["quiz", "--seed", HUGE],
    ["demo", "optimizer-race", "--steps", HUGE], ["demo", "optimizer-race", "--lr", HUGE],
    ["demo", "cnn-params", "--width", HUGE],
])
def test_huge_number_in_a_parameter_is_shortened_in_one_line(tmp_path, args):
    result = run(args, tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2 and len(err.splitlines()) == 1, err[:300]
    assert len(err) < 400 and "Traceback" not in err


def _a_store_at(path):
    from studytui.store.sqlite_store import Store

    Store.open(path, backup=False).close()


JSON_COMMANDS = [["stats", "--json"], ["schema"], ["demo", "list", "--json"],
                 ["demo", "attention", "--json"], ["demo", "list"], ["stats"], ["validate"]]


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_output_into_a_closed_pipe_exits_quietly(tmp_path, args):
    _a_store_at(tmp_path / "s.db")  # so stats has nothing else to say
    # `| head -0`: the reader is gone before the first byte is written.
    cmd = [sys.executable, "-m", "studytui", "--db", str(tmp_path / "s.db"), *args]
    reader = subprocess.Popen(["head", "-c", "0"], stdin=subprocess.PIPE)
    reader.wait()
    result = subprocess.run(cmd, stdout=reader.stdin, stderr=subprocess.PIPE, timeout=120,
                            env={"XDG_CONFIG_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    reader.stdin.close()
    assert result.stderr == b"" and result.returncode in (0, 141), result.stderr[-500:]


@pytest.mark.parametrize("args", JSON_COMMANDS[:3], ids=" ".join)
def test_output_to_a_full_device_is_one_line_exit_2(tmp_path, args):
    _a_store_at(tmp_path / "s.db")
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "studytui", "--db",
                                 str(tmp_path / "s.db"), *args], stdout=full,
                                stderr=subprocess.PIPE, timeout=120)
    err = result.stderr.decode()
    # In the CLI's language (no config: both), from the catalogue.
    assert result.returncode == 2 and err.splitlines() == [
        "studytui: " + say("cli.cannot_write", "both", reason="no space left on device")]


@pytest.mark.parametrize("args", [["stats"], ["stats", "--json"], ["demo", "list"],
                                  ["demo", "list", "--json"], ["validate", "/nonexistent/한"]])
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_an_output_encoding_without_korean_never_raises(tmp_path, args, encoding):
    result = run(["--db", str(tmp_path / "s.db"), *args], tmp_path,
                 env={"PYTHONIOENCODING": encoding})
    assert b"Traceback" not in result.stderr and b"UnicodeEncodeError" not in result.stderr
    assert result.returncode in (0, 2)
    if "--json" in args:
        json.loads(result.stdout)  # escaped, still exact


def test_the_tui_without_a_terminal_says_so_exit_2(tmp_path):
    for args in ([], ["review"], ["quiz"]):
        result = run(["--lang", "en", "--db", str(tmp_path / "s.db"), *args], tmp_path,
                     stdin=subprocess.DEVNULL)
        assert result.returncode == 2
        assert result.stderr.decode().splitlines() == [
            "studytui: the study screens need a terminal (stdin and stdout are not one); "
            "for output to a file or pipe use `studytui stats`, `validate` or `demo`"]


@pytest.mark.parametrize("tz", ["UTC+25", "UTC-24", "XXX+99:59", "UTC+24:00:01"])
def test_a_time_zone_of_24_hours_or_more_is_a_warning_not_a_crash(tmp_path, tz):
    result = run(["--db", str(tmp_path / "s.db"), "stats", "--json"], tmp_path,
                 env={"TZ": tz})
    assert result.returncode == 0 and json.loads(result.stdout)["per_lecture"]
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("args", [
    ["demo", "--db", "X", "list"], ["demo", "list", "--lang", "en"], ["--lang", "en", "demo",
    "list"], ["demo", "--content", "x", "--lang", "en", "list"], ["demo", "--db=X", "list"],
])
def test_global_options_around_demo_work(tmp_path, args):
    result = run(args, tmp_path)
    assert result.returncode == 0 and b"optimizer-race" in result.stdout, result.stderr


def test_demo_list_json_prints_json(tmp_path):
    result = run(["demo", "list", "--json"], tmp_path)
    demos = json.loads(result.stdout)
    assert {d["name"] for d in demos} >= {"optimizer-race"} and demos[0]["parameters"]
