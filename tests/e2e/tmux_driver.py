"""Drive the real `studytui` command in a tmux pane, as a person would:
send keys, read the screen. Used by the end-to-end and SIGKILL tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from tests.requirements import require_tool

# A server of our own: nothing else on the machine can kill or confuse it.
SOCKET = f"studytui-test-{os.getpid()}"


def studytui_command() -> str:
    """The console script installed beside this interpreter (the real command)."""
    script = Path(sys.executable).with_name("studytui")
    return str(script) if script.exists() else f"{sys.executable} -m studytui"


class Pane:
    def __init__(self, home: Path, db: Path, args: str = "", size: tuple[int, int] = (100, 30)):
        # Skips without tmux, fails in CI: every test that drives a pane starts here.
        self.tmux = [require_tool("tmux"), "-L", SOCKET]
        self.name = f"studytui-{uuid.uuid4().hex[:8]}"
        self.db = db
        env = {
            "STUDYTUI_DB": str(db),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_DATA_HOME": str(home / "data"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
        }
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        cols, rows = size
        command = [*self.tmux, "new-session", "-d", "-s", self.name, "-x", str(cols),
                   "-y", str(rows),
                   # the short sleep lets tmux settle the pane's size before the app reads it
                   f"sleep 0.3; env {exports} {studytui_command()} {args}; sleep 30"]
        # When the previous test closed the server's last session, that server
        # may still be exiting: "server exited unexpectedly". Try again.
        for attempt in range(5):
            started = subprocess.run(command, capture_output=True, text=True)
            if started.returncode == 0:
                break
            time.sleep(0.2 * (attempt + 1))
        else:
            raise AssertionError(f"tmux would not start: {started.stderr.strip()}")

    def screen(self) -> str:
        out = subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name],
                             capture_output=True, text=True)
        return out.stdout

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def press(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def app_pid(self) -> int:
        """The studytui process: the pane's shell's child running Python."""
        shell = subprocess.run([*self.tmux, "list-panes", "-t", self.name, "-F", "#{pane_pid}"],
                               capture_output=True, text=True, check=True).stdout.split()[0]
        children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True)
        pids = [int(p) for p in children.stdout.split()]
        for pid in pids:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"studytui" in cmdline:
                return pid
        raise AssertionError(f"no studytui process under pane shell {shell}: {pids}")

    def kill_app(self) -> None:
        os.kill(self.app_pid(), signal.SIGKILL)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-session", "-t", self.name], capture_output=True)
