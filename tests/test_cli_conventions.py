"""What people expect of a command line: shell completion that knows the
subcommands and the demos, help with one line a subcommand (coloured only on
a terminal), and `serve` building a safe command for textual-serve."""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from demos.registry import DEMOS
from studytui.cli import build_parser, main
from studytui.cli.serve import served_command

SUBCOMMANDS = ("validate", "schema", "review", "quiz", "stats", "doctor", "optimize",
               "reschedule", "grade", "export", "import", "init", "sync", "demo", "serve",
               "completion", "class")


def _bash_complete(script: Path, words: list[str]) -> list[str]:
    """COMPREPLY after sourcing the script and completing the last word."""
    line = " ".join(words)
    program = (
        f"source {shlex.quote(str(script))}\n"
        f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)})\n"
        f"COMP_CWORD={len(words) - 1}\nCOMP_LINE={shlex.quote(line)}\nCOMP_POINT={len(line)}\n"
        "_shtab_studytui\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    done = subprocess.run(["bash", "--norc", "-c", program], capture_output=True, text=True,
                          timeout=30, check=True)
    return done.stdout.split()


@pytest.fixture(scope="module")
def bash_script(tmp_path_factory):
    if shutil.which("bash") is None:
        pytest.skip("no bash")
    done = subprocess.run([sys.executable, "-m", "studytui", "completion", "bash"],
                          capture_output=True, text=True, timeout=60, check=True)
    path = tmp_path_factory.mktemp("completion") / "studytui.bash"
    path.write_text(done.stdout, encoding="utf-8")
    return path


def test_bash_completion_offers_every_subcommand(bash_script):
    assert set(_bash_complete(bash_script, ["studytui", ""])) >= set(SUBCOMMANDS)


def test_bash_completion_offers_demo_names_and_list(bash_script):
    offered = _bash_complete(bash_script, ["studytui", "demo", ""])
    assert set(offered) == {"list", *DEMOS}


def test_bash_completion_offers_a_demos_own_flags(bash_script):
    spec = DEMOS["optimizer-race"]
    offered = _bash_complete(bash_script, ["studytui", "demo", spec.name, "--"])
    assert {p.flag for p in spec.params} <= set(offered)


def test_bash_completion_completes_a_prefix_and_options(bash_script):
    assert _bash_complete(bash_script, ["studytui", "se"]) == ["serve"]
    assert {"--host", "--port"} <= set(_bash_complete(bash_script, ["studytui", "serve", "--"]))


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_other_shells_get_a_script_naming_the_demos(shell, capsys):
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert all(name in script for name in DEMOS) and "serve" in script


def test_completion_of_an_unknown_shell_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", "completion", "cmd.exe"])
    assert exit_info.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_help_lists_each_subcommand_on_one_line():
    env = {**os.environ, "COLUMNS": "80"}
    done = subprocess.run([sys.executable, "-m", "studytui", "--lang", "en", "--help"],
                          capture_output=True, text=True, env=env, timeout=60)
    lines = done.stdout.splitlines()
    section = lines[lines.index("  COMMAND") + 1:lines.index("Options:")]
    # A wrapped description would leave a line that starts with no subcommand.
    assert [line.split()[0] for line in section if line.strip()] == list(SUBCOMMANDS), section
    assert "\x1b[" not in done.stdout  # a pipe gets no colour


def _help_on_terminal(env_extra: dict[str, str]) -> str:
    if shutil.which("script") is None:
        pytest.skip("no `script` to give the help a terminal")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(env_extra, TERM="xterm-256color", COLUMNS="100")
    command = shlex.join([sys.executable, "-m", "studytui", "--help"])
    done = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True,
                          text=True, env=env, timeout=60)
    return done.stdout


def test_help_is_coloured_on_a_terminal_and_plain_under_no_color():
    assert "\x1b[" in _help_on_terminal({})
    plain = _help_on_terminal({"NO_COLOR": "1"})
    assert "\x1b[3" not in plain and "\x1b[9" not in plain and "serve" in plain


def _serve_args(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def test_served_command_runs_this_python_with_quoted_paths(tmp_path):
    content = tmp_path / "my deck; rm -rf ~"
    db = str(tmp_path / "it's $HOME" / "store.db")
    args = _serve_args(["--content", str(content), "--lang", "en", "serve"])
    command = served_command(args, db)
    words = shlex.split(command)  # what the shell textual-serve uses will see
    assert words == [sys.executable, "-m", "studytui", "--content", str(content.resolve()),
                     "--db", db, "--lang", "en"]


def test_serve_defaults_to_loopback_port_8000():
    args = _serve_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


def test_serve_warns_of_no_login_off_loopback(monkeypatch, tmp_path, capsys):
    started = []

    class FakeServer:
        def __init__(self, command, host, port, title):
            started.append((command, host, port))

        def serve(self):
            pass

    monkeypatch.setattr("textual_serve.server.Server", FakeServer)
    db = tmp_path / "s.db"
    assert main(["--db", str(db), "serve", "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert "no login" in capsys.readouterr().err
    assert main(["--db", str(db), "serve"]) == 0
    assert "no login" not in capsys.readouterr().err
    assert [(h, p) for _, h, p in started] == [("0.0.0.0", 8123), ("127.0.0.1", 8000)]


def test_serve_refuses_a_port_out_of_range(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "s.db"), "serve", "--port", "70000"]) == 2
    assert "--port 70000" in capsys.readouterr().err


def test_serve_on_a_taken_port_is_one_line_exit_2(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "studytui", "--db", str(tmp_path / "s.db"), "serve",
             "--port", str(port)], capture_output=True, text=True, timeout=60,
            stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"studytui: --host 127.0.0.1 --port {port}: ")
    assert "cannot listen" in last
    assert "Traceback" not in done.stderr


def test_serve_keeps_a_servers_password_off_the_tabs_command_line(monkeypatch, capsys):
    import contextlib
    import os

    url = "postgresql://kim:s3cret-pw@db.example:5432/cohort1"
    started = []

    class FakeServer:
        def __init__(self, command, host, port, title):
            started.append(command)

        def serve(self):
            started.append(os.environ.get("STUDYTUI_DB"))

    monkeypatch.setattr("textual_serve.server.Server", FakeServer)
    # no server to open in this test: the store check passes
    monkeypatch.setattr("studytui.cli.handlers.open_store",
                        lambda *a, **k: contextlib.nullcontext())
    monkeypatch.setenv("STUDYTUI_DB", "restored-after-the-test")
    assert main(["--db", url, "serve"]) == 0
    command, in_environment = started
    assert "s3cret-pw" not in command and "--db" not in shlex.split(command)
    assert in_environment == url  # what each tab's process inherits
    assert "s3cret-pw" not in capsys.readouterr().out
