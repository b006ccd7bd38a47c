"""`studytui completion SHELL`: a completion script made by shtab from the
real parser, so a new subcommand or option completes without being listed
twice. `demo` parses its own arguments (demos/cli.py), so for completion it
gets a stand-in parser: one sub-command per registered demo (names from the
torch-free registry) with that demo's flags, plus `list`.
"""

from __future__ import annotations

import argparse


def _demo_subparsers(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    from demos.registry import DEMOS

    sub = parser.add_subparsers(dest="demo", metavar="NAME")
    listing = sub.add_parser("list", help="the demos")
    listing.add_argument("--json", action="store_true")
    for spec in DEMOS.values():
        p = sub.add_parser(spec.name, help=spec.title_en)
        for param in spec.params:
            if param.kind in ("choice",) and param.options:
                p.add_argument(param.flag, choices=param.options, help=param.help)
            else:
                p.add_argument(param.flag, help=param.help)
        p.add_argument("--json", action="store_true", help="as JSON")
        p.add_argument("--lang", choices=("ko", "en", "both"))
        p.add_argument("--width", metavar="N")
    return parser


def completion_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The real parser with `demo` replaced by its stand-in."""
    for action in parser._actions:  # argparse has no public way to reach subparsers
        if isinstance(action, argparse._SubParsersAction):
            demo = argparse.ArgumentParser(prog=f"{parser.prog} demo", add_help=False)
            action.choices["demo"] = _demo_subparsers(demo)
    return parser


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    import shtab

    return shtab.complete(completion_parser(parser), shell=shell)
