"""`studytui serve --db postgresql://…`: each tab's process gets the URL (and
its password) through its environment, never on its command line, where every
user of the machine would read it in `ps`."""

from __future__ import annotations

import os
import subprocess

from studytui.cli import main
from tests.pg.conftest import Cohort


def test_the_tabs_process_opens_the_server_with_no_password_in_its_argv(
        cohort: Cohort, monkeypatch, capsys) -> None:
    url = cohort.add("tab")
    password = url.split(":")[2].split("@")[0]
    started: list = []

    class FakeServer:  # textual-serve's Server: records what a tab would be started with
        def __init__(self, command, host, port, title):
            started.append(command)

        def serve(self):
            started.append(dict(os.environ))  # a tab's process gets a copy of this

    monkeypatch.setattr("textual_serve.server.Server", FakeServer)
    monkeypatch.setenv("STUDYTUI_DB", "restored-after-the-test")
    assert main(["--db", url, "serve"]) == 0
    command, environment = started
    assert password not in command and "postgresql" not in command
    # The tab's process as textual-serve starts it (a shell, that environment),
    # asked for its stats instead of the screens: it reads the server.
    done = subprocess.run(f"{command} --lang en stats --json", shell=True, env=environment,
                          capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert '"totals"' in done.stdout
