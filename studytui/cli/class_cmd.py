"""`studytui class`: a cohort on PostgreSQL.

  class [--json | --tui]        the instructor's view (connect as an instructor)
  class init                    set the database up and store the course version
                                (connect as its administrator)
  class add-student NAME        make a student's login role and print how they
  class add-instructor NAME     connect (--sql: print the SQL instead, no server)

Also the course check a student's app makes on opening a server store, and
what `doctor` does there.
"""

from __future__ import annotations

import argparse
import json
import sys
from urllib.parse import urlsplit, urlunsplit

from studytui.cli.handlers import _config, _deck, db_path, deck_id, open_store
from studytui.cli.output import error_line
from studytui.errors import UserError
from studytui.paths import is_store_url
from studytui.printable import for_terminal, holds_korean
from studytui.store.replay import Recompute
from studytui.store.sqlite_store import Store
from studytui.words import say


def run_class(args: argparse.Namespace) -> int:
    lang = args.lang or _config().lang
    if args.action in ("add-student", "add-instructor"):
        if not args.name:
            raise UserError(say("cohort.needs_name", lang, action=args.action))
        return _add_role(args, lang)
    if args.name:
        raise UserError(say("cohort.name_only_for", lang))
    url = db_path(args)
    if not is_store_url(url):
        raise UserError(say("cohort.needs_url", lang))
    if args.action == "init":
        from studytui.clock import utcnow
        from studytui.content.course_version import course_version
        from studytui.store.pg_admin import init_cohort
        from studytui.store.pg_store import shown

        _deck(args)  # a course that does not load is not published
        version = course_version([args.content] if args.content else None)
        applied = init_cohort(str(url), {deck_id(args): version}, utcnow())
        print(say("cohort.initialised", lang, where=shown(str(url)), applied=applied,
                  version=version))
        return 0
    return _view(args, str(url), lang)


def _add_role(args: argparse.Namespace, lang: str) -> int:
    from studytui.store.pg_admin import add_role, new_password, role_sql
    from studytui.store.pg_schema import good_role_name

    if not good_role_name(args.name):
        raise UserError(f"class {args.action} {for_terminal(args.name, one_line=True)}: "
                        + say("cohort.bad_name", lang))
    instructor = args.action == "add-instructor"
    password = new_password()
    if args.sql:
        print(role_sql(args.name, password, instructor), end="")
        return 0
    url = db_path(args)
    if not is_store_url(url):
        raise UserError(say("cohort.needs_url", lang))
    add_role(str(url), args.name, password, instructor)
    parts = urlsplit(str(url))
    host = parts.netloc.rsplit("@", 1)[-1]
    theirs = urlunsplit(parts._replace(netloc=f"{args.name}:{password}@{host}"))
    print(say("cohort.instructor_made" if instructor else "cohort.student_made", lang,
              name=args.name))
    print(f"  studytui --db '{theirs}'{' class' if instructor else ''}")
    pgpass = f"{parts.hostname or 'localhost'}:{parts.port or 5432}:{parts.path.lstrip('/')}:" \
             f"{args.name}:{password}"
    print(say("cohort.password_note", lang, line=pgpass))
    return 0


def _view(args: argparse.Namespace, url: str, lang: str) -> int:
    from studytui.clock import to_local, utcnow
    from studytui.store.class_reads import ClassReads
    from studytui.study.class_view import class_report

    deck = _deck(args)
    now = utcnow()
    offset = to_local(now).utcoffset()
    with ClassReads(url) as reads:
        report = class_report(reads, deck, deck_id(args), now, offset or now.utcoffset())
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=not holds_korean(sys.stdout), indent=2))
        return 0
    if args.tui:
        from studytui.cli.handlers import needs_terminal
        from studytui.tui.class_app import ClassApp

        needs_terminal()
        ClassApp(report, lang).run()
        return 0
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from studytui.study.class_table import class_sections

    lang = lang if holds_korean(sys.stdout) else "en"
    console = Console()
    if not report.students:
        console.print(say("cohort.empty", lang))
    for title, headers, rows in class_sections(report, lang, card_limit=20):
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
        for i, header in enumerate(headers):
            table.add_column(header, justify="left" if i == 0 else "right", overflow="fold")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    return 0


def course_check(store: Store, args: argparse.Namespace, lang: str) -> None:
    """On a server store: a warning (in the store's warnings, which the app shows)
    when this deck is not the course the cohort's server holds."""
    if store.local:
        return
    from studytui.content.course_version import course_version

    course = store.course_version()  # type: ignore[attr-defined]
    mine = course_version([args.content] if args.content else None)
    if course is None:
        warning = say("cohort.no_course", lang, deck=store.deck_id)
    elif course != mine:
        warning = say("cohort.course_differs", lang, mine=mine, course=course)
    else:
        return
    store.warnings.append(warning)  # the app shows it on its first screen
    error_line(f"studytui: {say('cli.warning', lang)}: {warning}")


def server_doctor(args: argparse.Namespace, recompute: Recompute) -> int:
    """`doctor` on a server: the schema checked, this student's states rebuilt."""
    from studytui.store.pg_store import shown

    lang = args.lang or "en"
    with open_store(db_path(args), backup=False, deck=deck_id(args), lang=lang) as store:
        problems = store.integrity_check()
        for problem in problems:
            print(for_terminal(problem))
        if problems:
            return 1
        n = store.rebuild_states(recompute)
    print(say("cohort.rebuilt", lang, where=shown(str(db_path(args))), n=n))
    return 0
