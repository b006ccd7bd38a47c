"""`studytui demo NAME --tui [--param value ...]`: the demo's screen in the TUI,
on top of Home. The parameters are checked first, so a bad one is one line
on stderr (exit 2) before the terminal is taken."""

from __future__ import annotations

import argparse


def run_demo_tui(args: argparse.Namespace, rest: list[str]) -> int:
    from demos.cli import UsageError, _fail, error_text, tui_target
    from demos.params import ParamError
    from studytui.cli.handlers import run_tui

    try:
        demo = tui_target(rest, args.lang)
    except (ParamError, UsageError) as error:
        return _fail(error_text(error, args.lang))
    args.command = "home"
    return run_tui(args, demo=demo)
