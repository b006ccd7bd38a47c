"""What the subcommands that touch the store do: open the TUI, print stats,
run the doctor. Each turns the core's own errors (a bad config file, a corrupt
or read-only store, broken content) into a UserError: one line, exit 2."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from studytui.cli.output import error_line
from studytui.errors import Said, UserError, in_words
from studytui.paths import default_db_path, is_store_url
from studytui.printable import for_terminal, holds_korean
from studytui.words import say

if TYPE_CHECKING:
    from studytui.config import Config
    from studytui.content.deck import Deck
    from studytui.store.sqlite_store import Store


def _config() -> Config:
    from studytui.clock import zone_problem
    from studytui.config import load_config

    config = load_config()  # ConfigError is a UserError: one line, exit 2
    problem = zone_problem()
    if problem:
        error_line(f"studytui: {say('cli.warning', config.lang)}: {problem.text(config.lang)}")
    return config


def _deck(args: argparse.Namespace) -> Deck:
    from studytui.content.deck_cache import load_deck_cached

    return load_deck_cached([args.content] if args.content else None)


def db_path(args: argparse.Namespace) -> Path:
    """The store's file, or (a str) the postgresql:// URL of a cohort's server."""
    return args.db if args.db is not None else default_db_path()  # type: ignore[return-value]


def store_missing(path: Path) -> bool:
    """No store at `path` yet (a server always has one: its setup is checked on opening)."""
    return not is_store_url(path) and not path.exists()


def local_path_problem(path: Path) -> None:
    """A file path that can never hold a store: one line, exit 2 (a URL: the server says)."""
    from studytui.store.errors import StoreError, path_problem

    if not is_store_url(path) and (problem := path_problem(path)):
        raise StoreError(problem)


def deck_id(args: argparse.Namespace) -> str:
    """The id the store keys this deck's reviews by (studytui.content.deck_id)."""
    from studytui.content.deck_id import deck_id_of

    return deck_id_of(args.content)


@contextmanager
def open_store(path: Path, backup: bool = True, deck: str | None = None,
               lang: str = "en") -> Iterator[Store]:
    from studytui.store.sqlite_store import BUNDLED_DECK, Store

    if is_store_url(path):
        from studytui.store.pg_store import PostgresStore as Store  # type: ignore[assignment]
    # StoreError is a UserError: one line, exit 2
    store = Store.open(path, backup=backup, deck_id=deck or BUNDLED_DECK)
    for warning in store.warnings:  # e.g. today's backup could not be made
        error_line(f"studytui: {say('cli.warning', lang)}: {in_words(warning, lang)}")
    try:
        yield store
    finally:
        store.close()


def _check_lecture(deck: Deck, lecture: int | None, lang: str) -> None:
    if lecture is not None and lecture not in deck.numbers():
        numbers = ", ".join(str(n) for n in deck.numbers())
        raise UserError(f"--lecture {lecture}: " + say("cli.no_lecture", lang, numbers=numbers))


def needs_terminal() -> None:
    """The TUI draws with escape codes and reads keys: with stdin or stdout not
    a terminal it would write codes into a file or wait for keys that never
    come. A replacement driver (textual-serve sets TEXTUAL_DRIVER to its web
    driver) brings its own screen and keys."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(Said("cli.needs_terminal"))


def run_tui(args: argparse.Namespace, demo: tuple[str, dict] | None = None) -> int:
    """The study screens; with `demo` (name, parameters), that demo's screen on
    top of Home."""
    config = _config()
    lang = args.lang or config.lang
    deck = _deck(args)
    plan = None
    if args.command == "review":  # custom study: every option checked here, said in one line
        from studytui.cli.review_options import study_plan

        plan = study_plan(args, deck, config, lang)
    lecture = None if plan else getattr(args, "lecture", None)
    _check_lecture(deck, lecture, lang)
    count = getattr(args, "count", None)
    if count is not None and not 1 <= count <= 500:
        raise UserError(f"--count {count}: " + say("cli.count_range", lang))
    from studytui.tui.app import StudyApp  # Textual only now, after the arguments are sound
    from studytui.tui.keymap import check_keymap

    # every mistake the learner can fix is said before the terminal's
    check_keymap(config)
    local_path_problem(db_path(args))
    needs_terminal()
    # The app makes today's backup itself, in a thread once Home is up: with a
    # year of reviews it is a 70 MB copy the first screen should not wait for.
    with open_store(db_path(args), backup=False, deck=deck_id(args), lang=lang) as store:
        from studytui.cli.class_cmd import course_check

        course_check(store, args, lang)
        app = StudyApp(
            deck,
            store,
            config,
            lang,
            start=args.command or "home",
            lecture=lecture,
            count=count,
            seed=getattr(args, "seed", None),
            content=args.content,
            plan=plan,
        )
        app.start_demo = demo
        app.run()
    return app.return_code or 0


def print_stats(args: argparse.Namespace) -> int:
    from studytui.clock import utcnow
    from studytui.study.stats import compute_stats

    config = _config()
    deck = _deck(args)
    with _store_or_empty(db_path(args), deck_id(args), args.lang or config.lang) as store:
        stats = compute_stats(deck, store, utcnow(), config=config)
    if args.json:
        # Escaped when the output cannot hold Korean, so the JSON stays exact.
        print(json.dumps(stats.to_json(), ensure_ascii=not holds_korean(sys.stdout), indent=2))
        return 0
    from rich.console import Console

    from studytui.cli.stats_table import stats_table

    # Korean in an output that cannot hold it would be '?': English instead.
    lang = (args.lang or config.lang) if holds_korean(sys.stdout) else "en"
    console = Console()
    console.print(stats_table(stats, lang, console.width))
    return 0


@contextmanager
def _store_or_empty(path: Path, deck: str, lang: str) -> Iterator[Store]:
    """The store at `path`; where there is none, an empty one in a temporary folder
    (a read-only command creates nothing at `path`), said on stderr."""
    local_path_problem(path)
    if not store_missing(path):
        with open_store(path, deck=deck) as store:
            yield store
        return
    import tempfile

    error_line("studytui: " + say("cli.no_store_yet", lang, path=path))
    with tempfile.TemporaryDirectory(prefix="studytui-") as tmp, \
            open_store(Path(tmp) / "empty.db", backup=False, deck=deck) as store:
        yield store


def run_doctor(args: argparse.Namespace) -> int:
    from studytui.config import Config
    from studytui.store.doctor import run as doctor_run
    from studytui.study.scheduler import StudyScheduler

    if getattr(args, "force", False) and not args.restore:
        raise UserError(Said("cli.force_needs_restore"))
    local_path_problem(db_path(args))  # bad input, not a damaged store: one line, exit 2
    # The doctor of a store must work when the content or the config does not:
    # without the deck it skips naming orphaned reviews, and says so.
    try:
        config = _config()
    except UserError:
        config = Config()
    lang = args.lang or config.lang
    card_ids: set[str] | None
    try:
        card_ids = set(_deck(args).cards)
    except UserError as exc:
        card_ids = None
        note = Said("doctor.deck_not_loaded", reason=exc.text(lang))
    if is_store_url(db_path(args)):
        from studytui.cli.class_cmd import server_doctor

        return server_doctor(args, StudyScheduler(config).recompute)
    lines, status = doctor_run(db_path(args), restore=args.restore, force=args.force,
                               deck_id=deck_id(args), card_ids=card_ids,
                               recompute=StudyScheduler(config).recompute)
    if card_ids is None and status == 0:
        lines.append(note)
    for line in lines:  # they quote the store, which may hold anything
        print(for_terminal(in_words(line, lang)))
    return status


def grade_answers(args: argparse.Namespace) -> int:
    from studytui.cli.grade import run_disputes, run_grade

    lang = args.lang or _config().lang
    if args.disputes:
        with open_store(db_path(args), backup=False, deck=deck_id(args), lang=lang) as store:
            return run_disputes(args, _deck(args), store, lang)
    return run_grade(args, _deck(args), lang)
