"""`studytui review`'s options (custom study and directions) and the plan they make.

Values argparse cannot check (a lecture or tag the deck lacks, a number out of
range) are refused here with one line naming the option (a UserError: exit 2),
before the terminal is taken over.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from studytui.errors import UserError
from studytui.words import say

if TYPE_CHECKING:
    from studytui.config import Config
    from studytui.content.deck import Deck
    from studytui.study.custom_study import StudyPlan

SHOWN_TAGS = 12  # a deck may have hundreds: the message names the first few


def add_review_options(p: argparse.ArgumentParser) -> None:
    def h(key: str) -> str:
        from studytui.cli.argparse_words import word

        return word(f"custom.help.{key}")

    p.add_argument("--lecture", type=int, action="append", metavar="N", help=h("lecture"))
    p.add_argument("--tag", action="append", metavar="T", help=h("tag"))
    p.add_argument("--new", type=int, metavar="N", dest="extra_new", help=h("new"))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--cram", action="store_true", help=h("cram"))
    which.add_argument("--ahead", type=int, metavar="D", help=h("ahead"))
    which.add_argument("--weak", action="store_true", help=h("weak"))
    p.add_argument("--practice", action="store_true", help=h("practice"))
    p.add_argument("--reverse", action="store_true", help=h("reverse"))
    p.add_argument("--cross", action="store_true", help=h("cross"))


def check_number(option: str, value: int | None, bounds: tuple[int, int], why: str,
                 lang: str) -> None:
    if value is not None and not bounds[0] <= value <= bounds[1]:
        raise UserError(f"{option} {value}: {say(why, lang)}")


def check_tags(deck: Deck, tags: list[str], lang: str) -> None:
    known = sorted({t for c in deck.cards.values() for t in c.tags}, key=str.casefold)
    folded = {t.casefold() for t in known}
    for tag in tags:
        if tag.casefold() not in folded:
            shown = ", ".join(known[:SHOWN_TAGS]) + (", …" if len(known) > SHOWN_TAGS else "")
            raise UserError(f"--tag {tag!r}: " + say("custom.no_tag", lang, tags=shown or "-"))


def study_plan(args: argparse.Namespace, deck: Deck, config: Config, lang: str) -> StudyPlan:
    """The plan `studytui review ...` asks for; UserError names a bad option."""
    from studytui.study.custom_study import AHEAD_DAYS_RANGE, EXTRA_NEW_RANGE, StudyPlan
    from studytui.study.directions import expand, studied

    lectures = args.lecture or None
    for n in lectures or ():
        if n not in deck.numbers():
            numbers = ", ".join(str(k) for k in deck.numbers())
            raise UserError(f"--lecture {n}: " + say("cli.no_lecture", lang, numbers=numbers))
    check_tags(deck, args.tag or [], lang)
    check_number("--new", args.extra_new, EXTRA_NEW_RANGE, "custom.bad_new", lang)
    check_number("--ahead", args.ahead, AHEAD_DAYS_RANGE, "custom.bad_ahead", lang)
    asked = [name for name in ("reverse", "cross") if getattr(args, name)]
    directions = expand(asked) if asked else studied(config.directions)
    return StudyPlan(
        lectures=tuple(dict.fromkeys(lectures)) if lectures else None,
        tags=tuple(args.tag or ()), directions=directions, extra_new=args.extra_new or 0,
        cram=args.cram, ahead_days=args.ahead, weak=args.weak, practice=args.practice,
        due_everywhere=not asked)  # asked for directions: those alone
