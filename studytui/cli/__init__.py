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
from studytui.cli.review_options import add_review_options
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
        from studytui.cli.argparse_words import word
        from studytui.printable import for_terminal

        line = for_terminal(f"{self.prog}: {word('argparse.error')}: {message} "
                            f"({word('argparse.see_help')})", one_line=True)
        self.exit(EXIT_USAGE, line + "\n")


def _given_path(text: str) -> Path:
    # Path("") is ".", the working folder: an empty $VAR would study it silently.
    if not text:
        from studytui.cli.argparse_words import word

        raise argparse.ArgumentTypeError(word("cli.empty_path"))
    return Path(text)


def _store_path(text: str) -> Path | str:
    from studytui.paths import is_store_url

    if not text.strip():
        from studytui.cli.argparse_words import word

        raise argparse.ArgumentTypeError(word("cli.empty_store_path"))
    return text if is_store_url(text) else Path(text)  # Path() would fold the URL's //


def _help(key: str) -> str:
    """An option's or subcommand's help, in the language argparse speaks."""
    from studytui.cli.argparse_words import word

    return word(f"help.{key}")


def _global_options(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted before the subcommand, and after it too. After it they
    default to SUPPRESS so they never overwrite a value given before it."""
    default = argparse.SUPPRESS if suppress else None
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--content", metavar="DIR", type=_given_path, default=default,
                   help=_help("content"))
    p.add_argument("--db", metavar="PATH", type=_store_path, default=default,
                   help=_help("db"))
    p.add_argument("--lang", choices=("ko", "en", "both"), default=default,
                   help=_help("lang"))
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="studytui",
        description=_help("description"),
        parents=[_global_options(suppress=False)],
    )
    from studytui.cli.argparse_words import word

    parser.add_argument("--version", action="version", version=f"studytui {__version__}",
                        help=word("argparse.version"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = [_global_options(suppress=True)]

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text, parents=common)

    p = add("validate", _help("validate"))
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help=_help("validate.paths"))
    p.add_argument("--strict", action="store_true",
                   help=_help("validate.strict"))
    add("schema", _help("schema"))
    p = add("review", _help("review"))
    add_review_options(p)  # custom study and directions (cli/review_options.py)
    p = add("quiz", _help("quiz"))
    p.add_argument("--lecture", type=int, metavar="N", help=_help("quiz.lecture"))
    p.add_argument("--count", type=int, default=10, metavar="K", help=_help("quiz.count"))
    p.add_argument("--seed", type=int, metavar="S", help=_help("quiz.seed"))
    p = add("stats", _help("stats"))
    p.add_argument("--json", action="store_true", help=_help("json"))
    p = add("doctor", _help("doctor"))
    p.add_argument("--restore", action="store_true",
                   help=_help("doctor.restore"))
    p.add_argument("--force", action="store_true",
                   help=_help("doctor.force"))
    p = add("optimize", _help("optimize"))
    p.add_argument("--yes", action="store_true", help=_help("yes"))
    p = add("reschedule", _help("reschedule"))
    p.add_argument("--retention", type=float, metavar="R",
                   help=_help("reschedule.retention"))
    p.add_argument("--yes", action="store_true", help=_help("yes"))
    p = add("grade", _help("grade"))
    p.add_argument("question", nargs="?", metavar="QUESTION_ID",
                   help=_help("grade.question"))
    p.add_argument("answers", nargs="*", metavar="ANSWER",
                   help=_help("grade.answers"))
    p.add_argument("--json", action="store_true",
                   help=_help("grade.json"))
    p.add_argument("--disputes", action="store_true",
                   help=_help("grade.disputes"))
    _add_transfer(add, common)
    p = add("sync", _help("sync"))
    p.add_argument("other", type=_store_path, metavar="OTHER",
                   help=_help("sync.other"))
    p.add_argument("--full-check", action="store_true", help=_help("sync.full_check"))
    sub.add_parser("demo", help=_help("demo"),
                   add_help=False, prefix_chars="\0")
    p = add("serve", _help("serve"))
    p.add_argument("--host", default="127.0.0.1",
                   help=_help("serve.host"))
    p.add_argument("--port", type=int, default=8000, help=_help("serve.port"))
    p = add("completion", _help("completion"))
    p.add_argument("shell", choices=("bash", "zsh", "fish", "tcsh"),
                   help=_help("completion.shell"))
    _add_class(add)
    return parser


def _add_transfer(add: Callable[[str, str], argparse.ArgumentParser],
                  common: list[argparse.ArgumentParser]) -> None:
    """export anki|reviews, import, init: the deck and its history in and out."""
    p = add("export", _help("export"))
    what = p.add_subparsers(dest="what", metavar="WHAT", parser_class=_Parser, required=True)
    p = what.add_parser("anki", help=_help("export.anki"),
                        description=_help("export.anki.description"), parents=common)
    p.add_argument("--lecture", type=int, action="append", metavar="N",
                   help=_help("export.lecture"))
    p.add_argument("--out", type=Path, required=True, metavar="FILE.apkg")
    p = what.add_parser("reviews", help=_help("export.reviews"),
                        description=_help("export.reviews.description"),
                        parents=common)
    p.add_argument("--out", type=Path, required=True, metavar="FILE.csv")
    p = add("import", _help("import"))
    p.add_argument("file", type=Path, metavar="FILE", help=_help("import.file"))
    p.add_argument("--deck", type=Path, metavar="DIR",
                   help=_help("import.deck"))
    p = add("init", _help("init"))
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--force", action="store_true",
                   help=_help("init.force"))


def _add_class(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """`class`: a cohort on a PostgreSQL server (studytui.cli.class_cmd)."""
    p = add("class", _help("class"))
    p.add_argument("action", nargs="?", default="view",
                   choices=("view", "init", "add-student", "add-instructor"),
                   help=_help("class.action"))
    p.add_argument("name", nargs="?", metavar="NAME", help=_help("class.name"))
    p.add_argument("--json", action="store_true", help=_help("class.json"))
    p.add_argument("--tui", action="store_true", help=_help("class.tui"))
    p.add_argument("--sql", action="store_true",
                   help=_help("class.sql"))


def main(argv: list[str] | None = None) -> int:
    from studytui.cli.output import run_guarded
    from studytui.cli.rich_cells import wrap_by_cells

    wrap_by_cells()  # Korean wraps without losing a syllable (cli/rich_cells.py)

    args = sys.argv[1:] if argv is None else argv
    return run_guarded(lambda: _main(args))


def _main(argv: list[str]) -> int:
    from studytui.cli.argparse_words import lang_in, speak

    speak(lang_in(argv) or _config_lang())
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if args.command != "demo" and rest:
        parser.error(argparse._("unrecognized arguments: %s") % " ".join(rest))  # type: ignore[attr-defined]
    handler = _HANDLERS.get(args.command or "home")
    assert handler is not None
    try:
        return handler(args, rest)
    except ContentError as exc:  # one line per problem, each with its file:line:column
        print_issues(exc)
        return EXIT_USAGE
    except UserError as exc:
        error_line(f"studytui: {exc.text(_error_lang(args))}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _error_lang(args: argparse.Namespace) -> str:
    """The learner's language for an error line: --lang, else the config file's."""
    return args.lang or _config_lang()


def _config_lang() -> str:
    """The config file's language (English when the config file is itself what
    failed: its error line must be read by someone who has not set one)."""
    from studytui.config import load_config

    try:
        return load_config().lang
    except UserError:
        return "en"


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
    from studytui.words import say

    lang = _error_lang(args)
    if not args.strict:  # --strict already refused these as errors
        from studytui.content.loader import list_warnings

        for warning in list_warnings(paths):
            print(f"{warning} ({say('validate.warning', lang)})", file=sys.stderr)
    print(say("validate.ok_strict" if args.strict else "validate.ok", lang,
              lectures=len(deck.lectures), cards=len(deck.cards), questions=len(deck.questions)))
    return 0


def _schema(_args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.content.json_schema import lecture_schema_json

    print(lecture_schema_json())
    return 0


def _demo(args: argparse.Namespace, rest: list[str]) -> int:
    if "--tui" in rest:  # the demo's screen in the TUI: Esc then lands on Home
        from studytui.cli.demo_tui import run_demo_tui

        return run_demo_tui(args, rest)
    from demos.cli import main as demo_main

    return demo_main(rest, lang=args.lang)


def _stats(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.handlers import print_stats

    return print_stats(args)


def _doctor(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.handlers import run_doctor

    return run_doctor(args)


def _optimize(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.optimize_cmd import run_optimize

    return run_optimize(args)


def _reschedule(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.optimize_cmd import run_reschedule

    return run_reschedule(args)


def _grade(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.handlers import grade_answers

    return grade_answers(args)


def _serve(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.serve import run_serve

    return run_serve(args)


def _sync(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.sync_cmd import run_sync

    return run_sync(args)


def _completion(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.completion import completion_script

    print(completion_script(build_parser(), args.shell))
    return 0


def _tui(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.handlers import run_tui

    return run_tui(args)


def _class(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.class_cmd import run_class

    return run_class(args)


def _export(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli import transfer

    return transfer.export_anki(args) if args.what == "anki" else transfer.export_reviews(args)


def _import(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.transfer import import_file

    return import_file(args)


def _init(args: argparse.Namespace, _rest: list[str]) -> int:
    from studytui.cli.transfer import init

    return init(args)


_HANDLERS: dict[str, Callable[[argparse.Namespace, list[str]], int]] = {
    "home": _tui,
    "review": _tui,
    "quiz": _tui,
    "validate": _validate,
    "schema": _schema,
    "demo": _demo,
    "stats": _stats,
    "doctor": _doctor,
    "optimize": _optimize,
    "reschedule": _reschedule,
    "grade": _grade,
    "export": _export,
    "import": _import,
    "init": _init,
    "serve": _serve,
    "completion": _completion,
    "class": _class,
    "sync": _sync,
}
