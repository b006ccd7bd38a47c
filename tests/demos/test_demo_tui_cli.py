"""`studytui demo NAME --tui [--param value ...]`: a bad name or value is one
line on stderr (exit 2) before the terminal is taken; a good one opens the
demo's screen on top of Home."""

from __future__ import annotations

import pytest

from studytui.cli import main


@pytest.mark.parametrize(("argv", "fragment"), [
    (["demo", "attention", "--tui", "--heads", "3"], "heads"),
    (["demo", "optimiser-race", "--tui"], "unknown demo"),
    (["demo", "--tui"], "--tui needs a demo's name"),
    (["--lang", "ko", "demo", "attention", "--tui", "--d-model", "99"], "2부터 64까지의 수"),
])
def test_a_bad_tui_request_is_one_line_and_exit_2(argv, fragment, capsys, tmp_path):
    assert main([*argv, "--db", str(tmp_path / "s.db")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fragment in err and "Traceback" not in err
    assert not (tmp_path / "s.db").exists()  # refused before anything was opened


def test_a_good_tui_request_hands_the_demo_to_the_app(monkeypatch, tmp_path):
    import studytui.cli.handlers as handlers

    seen = {}

    def run_tui(args, demo=None):
        seen["demo"], seen["command"] = demo, args.command
        return 0

    monkeypatch.setattr(handlers, "run_tui", run_tui)
    assert main(["demo", "attention", "--tui", "--causal=true", "--heads", "4"]) == 0
    assert seen == {"demo": ("attention", {"causal": "true", "heads": "4"}), "command": "home"}

