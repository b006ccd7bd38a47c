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


def _global_options(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted before the subcommand, and after it too. After it they
    default to SUPPRESS so they never overwrite a value given before it."""
    default = argparse.SUPPRESS if suppress else None
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--content", metavar="DIR", type=_given_path, default=default,
                   help="a folder (or file) of lecture YAML to study instead of the bundled deck")
    p.add_argument("--db", metavar="PATH", type=_store_path, default=default,
                   help="the review store: a file, or a postgresql:// URL "
                   "(default: $STUDYTUI_DB, else the user data folder)")
    p.add_argument("--lang", choices=("ko", "en", "both"), default=default,
                   help="language of the texts (default: the config file's, else both)")
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="studytui",
        description="Flashcards, quizzes and PyTorch demos for a deep-learning basics course.",
        parents=[_global_options(suppress=False)],
    )
    from studytui.cli.argparse_words import word

    parser.add_argument("--version", action="version", version=f"studytui {__version__}",
                        help=word("argparse.version"))
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
    p = add("review", "review what is due, or a custom study (cram, ahead...)")
    add_review_options(p)  # custom study and directions (cli/review_options.py)
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
    p = add("optimize", "fit FSRS to your own reviews; keep the better fit")
    p.add_argument("--yes", action="store_true", help="reschedule without asking")
    p = add("reschedule", "move due dates to a new desired retention")
    p.add_argument("--retention", type=float, metavar="R",
                   help="a new desired retention (0.70-0.99), saved to the config file")
    p.add_argument("--yes", action="store_true", help="reschedule without asking")
    p = add("grade", "grade answers to one question exactly as the quiz would")
    p.add_argument("question", nargs="?", metavar="QUESTION_ID",
                   help="the question's id, e.g. q7-bptt-name")
    p.add_argument("answers", nargs="*", metavar="ANSWER",
                   help="answers to grade (choice: a number; multi: 1,3; truefalse: true/false)")
    p.add_argument("--json", action="store_true",
                   help="print [{answer, correct, note}] as JSON")
    p.add_argument("--disputes", action="store_true",
                   help="list the quiz answers learners said were right (\"I was right\")")
    _add_transfer(add, common)
    p = add("sync", "merge this store and another both ways (two devices)")
    p.add_argument("other", type=_store_path, metavar="OTHER",
                   help="the other store file, e.g. one a synced folder keeps (made if missing)")
    sub.add_parser("demo", help="run a demo (`studytui demo list` names them)",
                   add_help=False, prefix_chars="\0")
    p = add("serve", "serve the study screens in a browser, one app per tab")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p = add("completion", "print a shell completion script (bash, zsh, fish, tcsh)")
    p.add_argument("shell", choices=("bash", "zsh", "fish", "tcsh"),
                   help="the shell to complete for, e.g. `eval \"$(studytui completion bash)\"`")
    _add_class(add)
    return parser


def _add_transfer(add: Callable[[str, str], argparse.ArgumentParser],
                  common: list[argparse.ArgumentParser]) -> None:
    """export anki|reviews, import, init: the deck and its history in and out."""
    p = add("export", "the deck for Anki, or the review log for FSRS tools")
    what = p.add_subparsers(dest="what", metavar="WHAT", parser_class=_Parser, required=True)
    p = what.add_parser("anki", help="an Anki package, a deck per lecture",
                        description="an Anki package (.apkg): a note per card, a deck per "
                        "lecture; exporting again updates the same notes", parents=common)
    p.add_argument("--lecture", type=int, action="append", metavar="N",
                   help="only lecture N (repeat for more)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.apkg")
    p = what.add_parser("reviews", help="the review log as CSV (fsrs-optimizer columns)",
                        description="the review log as CSV, in the columns FSRS tools read",
                        parents=common)
    p.add_argument("--out", type=Path, required=True, metavar="FILE.csv")
    p = add("import", "lecture files from a CSV, Markdown or Anki (.apkg) file")
    p.add_argument("file", type=Path, metavar="FILE", help="a .csv, .tsv, .md or .apkg file")
    p.add_argument("--deck", type=Path, metavar="DIR",
                   help="the deck folder to write into (default: a folder named after FILE)")
    p = add("init", "make a new deck folder with a commented example lecture")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--force", action="store_true",
                   help="write into a folder that is not empty (a deck id already there is kept)")


def _add_class(add: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """`class`: a cohort on a PostgreSQL server (studytui.cli.class_cmd)."""
    p = add("class", "a class on PostgreSQL: the instructor's view and roles")
    p.add_argument("action", nargs="?", default="view",
                   choices=("view", "init", "add-student", "add-instructor"),
                   help="view (default), init, add-student NAME, add-instructor NAME")
    p.add_argument("name", nargs="?", metavar="NAME", help="the new role's name")
    p.add_argument("--json", action="store_true", help="the view as JSON, for scripts")
    p.add_argument("--tui", action="store_true", help="the view as a screen")
    p.add_argument("--sql", action="store_true",
                   help="add-*: print the SQL for the administrator instead of running it")


def main(argv: list[str] | None = None) -> int:
    from studytui.cli.output import run_guarded

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
