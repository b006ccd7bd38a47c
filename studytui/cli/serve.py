"""`studytui serve`: the study screens in a browser, through textual-serve.

textual-serve starts one process of the command it is given for each browser
tab (with TEXTUAL_DRIVER set to its web driver), so every tab is its own app
on the same store. It runs that command through a shell: every path in it is
quoted, and it names this very Python (`sys.executable`), not the first
`python` on PATH, which may lack studytui and would leave the page blank.

A PostgreSQL store's URL may hold its password, and any user of the machine
can read a process's command line (`ps`): the URL goes to each tab's process
through its environment ($STUDYTUI_DB; textual-serve gives the child a copy of
the server's), which only the same user can read, never through argv.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys

from studytui.cli.output import error_line
from studytui.errors import Said, UserError
from studytui.words import say

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def served_command(args: argparse.Namespace, db: str) -> str:
    """The shell command textual-serve runs per tab: this Python, the global
    options the server was given, and a store file as an absolute path (the
    child's working folder is the server's, but a relative path in a log line
    would be ambiguous). A server's URL is left out: see `served_environment`."""
    from studytui.paths import is_store_url

    words = [sys.executable, "-m", "studytui"]
    if args.content:
        words += ["--content", str(args.content.resolve())]
    if not is_store_url(db):
        words += ["--db", db]
    if args.lang:
        words += ["--lang", args.lang]
    return " ".join(shlex.quote(word) for word in words)


def served_environment(db: str) -> dict[str, str]:
    """What each tab's process needs in its environment: a server's URL (it
    may hold a password, which argv would show to every user in `ps`)."""
    from studytui.paths import DB_ENV, is_store_url

    return {DB_ENV: db} if is_store_url(db) else {}


def run_serve(args: argparse.Namespace) -> int:
    from studytui.cli.handlers import db_path, open_store
    from studytui.paths import is_store_url

    if not 0 < args.port < 65536:
        raise UserError(Said("serve.bad_port", port=args.port))
    db = db_path(args)
    db = db if is_store_url(db) else db.resolve()
    # Open it once here, so a corrupt or unwritable store is one line now,
    # not a blank page in every tab later.
    with open_store(db, backup=False):
        pass
    try:
        from textual_serve.server import Server
    except ImportError as exc:  # an install without the dependency
        raise UserError(Said("serve.missing", reason=exc)) from exc
    if args.host not in LOOPBACK:
        from studytui.config import load_config

        lang = args.lang or load_config().lang
        error_line(f"studytui: {say('cli.warning', lang)}: "
                   + say("serve.no_login", lang, host=args.host, port=args.port))
    # textual-serve starts each tab's process with a copy of this environment.
    os.environ.update(served_environment(str(db)))
    server = Server(served_command(args, str(db)), host=args.host, port=args.port,
                    title="studytui")
    try:
        server.serve()
    except OSError as exc:  # port taken, host not this machine's, no permission for the port
        raise UserError(Said("serve.cannot_listen", host=args.host, port=args.port,
                             reason=exc.strerror or exc)) from exc
    return 0
