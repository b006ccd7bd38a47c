"""The `studytui` command: parses arguments and hands each subcommand to the
module that does the work. Heavy imports (Textual, the store, torch through
the demos) happen inside the subcommand that needs them, so `studytui
validate` never loads Textual and nothing here loads torch.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from studytui import __version__
from studytui.errors import ContentError, UserError

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _store_path(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "an empty path names no file: give the review store's file, e.g. --db ~/study.db")
    return Path(text)


def _global_options(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted before the subcommand, and after it too. After it they
    default to SUPPRESS so they never overwrite a value given before it."""
    default = argparse.SUPPRESS if suppress else None
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--content", metavar="DIR", type=Path, default=default,
                   help="a folder (or file) of lecture YAML to study instead of the bundled deck")
    p.add_argument("--db", metavar="PATH", type=_store_path, default=default,
                   help="the review store (default: $STUDYTUI_DB, else the user data folder)")
    p.add_argument("--lang", choices=("ko", "en", "both"), default=default,
                   help="language of the texts (default: the config file's, else both)")
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="studytui",
        description="Flashcards, quizzes and PyTorch demos for a deep-learning basics course.",
        parents=[_global_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"studytui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = [_global_options(suppress=True)]

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=common)

    p = add("validate", "check lecture files and print a summary, or every error")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="files or folders (default: --content, else the bundled deck)")
    p.add_argument("--strict", action="store_true",
                   help="require both Korean and English in every text")
    add("schema", "print the JSON Schema of a lecture file")
    p = add("review", "open the flashcard review of what is due")
    p.add_argument("--lecture", type=int, metavar="N", help="only lecture N")
    p = add("quiz", "open a quiz")
    p.add_argument("--lecture", type=int, metavar="N", help="only lecture N")
    p.add_argument("--count", type=int, default=10, metavar="K", help="questions (default 10)")
    p.add_argument("--seed", type=int, metavar="S", help="shuffle seed, for a repeatable quiz")
    p = add("stats", "print progress per lecture")
    p.add_argument("--json", action="store_true", help="as JSON, for scripts")
    p = add("doctor", "check the review store and rebuild its card states")
    p.add_argument("--restore", action="store_true",
                   help="bring back the latest good backup (the current file is kept aside)")
    p.add_argument("--force", action="store_true",
                   help="with --restore: restore even a sound store (never one that is open)")
    sub.add_parser("demo", help="run a demo: `studytui demo list`, `studytui demo NAME --help`",
                   add_help=False, prefix_chars="\0")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if args.command != "demo" and rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    handler = _HANDLERS.get(args.command or "home")
    assert handler is not None
    try:
        return handler(args, rest)
    except ContentError as exc:  # one line per problem, each with its file:line:column
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        return EXIT_USAGE
    except UserError as exc:
        print(f"studytui: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _validate(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.content.loader import load_deck

    paths = args.paths or ([args.content] if args.content else None)
    try:
        deck = load_deck(paths, strict=args.strict)
    except ContentError as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        return EXIT_USAGE
    print(
        f"ok: {len(deck.lectures)} lectures, {len(deck.cards)} cards, "
        f"{len(deck.questions)} questions{' (strict)' if args.strict else ''}"
    )
    return 0


def _schema(_args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.content.json_schema import lecture_schema_json

    print(lecture_schema_json())
    return 0


def _demo(args: argparse.Namespace, rest: list[str]) -> int:
    from demos.cli import main as demo_main

    return demo_main(rest)


def _stats(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.handlers import print_stats

    return print_stats(args)


def _doctor(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.handlers import run_doctor

    return run_doctor(args)


def _tui(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.handlers import run_tui

    return run_tui(args)


_HANDLERS: dict[str, Callable[[argparse.Namespace, list[str]], int]] = {
    "home": _tui,
    "review": _tui,
    "quiz": _tui,
    "validate": _validate,
    "schema": _schema,
    "demo": _demo,
    "stats": _stats,
    "doctor": _doctor,
}
