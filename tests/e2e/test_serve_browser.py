"""`studytui serve` in a real headless Chromium: the page loads, Home lists
the lectures, keys flip and rate a card, the rating is in the store file, and
a demo found through the palette runs.

The server runs on a free loopback port with a store path holding a space (it
reaches the served command through a shell). Every request the page makes
that is not to 127.0.0.1 is aborted: textual-serve's page links web fonts.
Without chromium or playwright it skips, except under CI=true, where it fails:
CI installs both (.ci/run) and a silent skip would hide a broken install.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
HOOK = (Path(__file__).parent / "xterm_hook.js").read_text(encoding="utf-8")
LOCAL = ("http://127.0.0.1:", "ws://127.0.0.1:")


def _need(what: str, present: bool) -> None:
    if present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing under CI=true (.ci/run installs it)")
    pytest.skip(f"{what} is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, server: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited before listening"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server did not listen on port {port} in time")


def _ratings(db: Path) -> list[int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r for (r,) in conn.execute("SELECT rating FROM review_log ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    db = tmp_path / "my store" / "reviews.db"
    db.parent.mkdir()
    env = {**os.environ, **{f"XDG_{k}_HOME": str(tmp_path / k.lower())
                            for k in ("CONFIG", "DATA", "CACHE")}}
    env.pop("STUDYTUI_DB", None)
    env.pop("TEXTUAL_DRIVER", None)  # the server sets it for the served app only
    # Its own session, so the tabs' app processes stop with it.
    proc = subprocess.Popen(
        [sys.executable, "-m", "studytui", "--db", str(db), "serve", "--port", str(port)],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_port(port, proc, time.monotonic() + 30)
        yield port, db
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def test_browser_tab_shows_home_and_a_rating_reaches_the_store(server, tmp_path):
    _need("chromium", os.path.exists(CHROMIUM) or shutil.which("chromium") is not None)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("playwright", False)
    port, db = server
    blocked: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(LOCAL):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.route("**/*", route)
            page.add_init_script(HOOK)
            page.goto(f"http://127.0.0.1:{port}/", timeout=30_000)

            def screen_with(*words: str, within: float = 30) -> str:
                deadline = time.monotonic() + within
                text = ""
                while time.monotonic() < deadline:
                    text = page.evaluate("window.__studytuiScreen()")
                    if all(w in text for w in words):
                        return text
                    time.sleep(0.25)
                pytest.fail(f"the page never showed {words!r}; it showed:\n{text}")

            home = screen_with("최적화 / Optimization", "Transformer", within=60)
            assert "Lecture" in home
            page.screenshot(path=str(tmp_path / "home.png"))
            # Keys go to xterm's hidden textarea, as they would after a click.
            page.locator(".xterm-helper-textarea").focus()
            page.keyboard.press("n")  # learn new cards
            screen_with("평가 0장", "신경망")  # the first new card, in any language setting
            page.keyboard.press("Space")
            screen_with("Good", "Easy")
            page.keyboard.press("3")
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and not _ratings(db):
                time.sleep(0.25)
            # A demo runs in the tab too (torch in the served process), found
            # through the palette.
            page.keyboard.press("Control+p")
            screen_with("Search commands")  # the palette, in the learner's words
            page.keyboard.type("attention")
            screen_with("Demo: ")
            page.keyboard.press("Enter")
            screen_with("d_model=8", "X = ", within=90)  # the demo drew its first step
        finally:
            browser.close()
    assert _ratings(db) == [3]
    assert blocked, "the page linked no outside address; then this guard tests nothing"
