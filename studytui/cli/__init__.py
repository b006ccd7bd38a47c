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
from studytui.cli.output import error_line
from studytui.errors import ContentError, UserError

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2, and
    help is coloured where the output is a terminal (rich-argparse follows
    Rich: plain text into a pipe or file, or under NO_COLOR)."""

    def __init__(self, *args, **kwargs) -> None:
        from rich_argparse import RichHelpFormatter

        kwargs.setdefault("formatter_class", RichHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        from studytui.printable import for_terminal

        line = for_terminal(f"{self.prog}: error: {message} (see --help)", one_line=True)
        self.exit(EXIT_USAGE, line + "\n")


def _given_path(text: str) -> Path:
    # Path("") is ".", the working folder: an empty $VAR would study it silently.
    if not text:
        raise argparse.ArgumentTypeError("an empty path; name a folder or file")
    return Path(text)


def _global_options(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted before the subcommand, and after it too. After it they
    default to SUPPRESS so they never overwrite a value given before it."""
    default = argparse.SUPPRESS if suppress else None
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--content", metavar="DIR", type=_given_path, default=default,
                   help="a folder (or file) of lecture YAML to study instead of the bundled deck")
    p.add_argument("--db", metavar="PATH", type=Path, default=default,
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
    sub.add_parser("demo", help="run a demo (`studytui demo list` names them)",
                   add_help=False, prefix_chars="\0")
    p = add("serve", "serve the study screens in a browser, one app per tab")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p = add("completion", "print a shell completion script (bash, zsh, fish, tcsh)")
    p.add_argument("shell", choices=("bash", "zsh", "fish", "tcsh"),
                   help="the shell to complete for, e.g. `eval \"$(studytui completion bash)\"`")
    return parser


def main(argv: list[str] | None = None) -> int:
    from studytui.cli.output import run_guarded

    args = sys.argv[1:] if argv is None else argv
    return run_guarded(lambda: _main(args))


def _main(argv: list[str]) -> int:
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if args.command != "demo" and rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    handler = _HANDLERS.get(args.command or "home")
    assert handler is not None
    try:
        return handler(args, rest)
    except ContentError as exc:  # one line per problem, each with its file:line:column
        print_issues(exc)
        return EXIT_USAGE
    except UserError as exc:
        error_line(f"studytui: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def print_issues(exc: ContentError) -> None:
    for issue in exc.issues:
        error_line(str(issue))


def _validate(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.content.loader import load_deck

    paths = args.paths or ([args.content] if args.content else None)
    try:
        deck = load_deck(paths, strict=args.strict)
    except ContentError as exc:
        print_issues(exc)
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

    return demo_main(rest, lang=args.lang)


def _stats(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.handlers import print_stats

    return print_stats(args)


def _doctor(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.handlers import run_doctor

    return run_doctor(args)


def _serve(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.serve import run_serve

    return run_serve(args)


def _completion(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.completion import completion_script

    print(completion_script(build_parser(), args.shell))
    return 0


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
    "serve": _serve,
    "completion": _completion,
}
