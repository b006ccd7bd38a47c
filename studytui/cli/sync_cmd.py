"""`studytui sync OTHER`: merge this store and another both ways, and say what
moved (events by kind, each way) and which cards' states changed, in the
learner's language. A refusal is one line and exit status 2, nothing changed."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import TYPE_CHECKING

from studytui.cli.output import error_line
from studytui.errors import Said
from studytui.printable import for_terminal
from studytui.words import has, say

if TYPE_CHECKING:
    from studytui.content.model import BiText
    from studytui.store.replay import CardKey
    from studytui.store.sync import Moved
    from studytui.store.sync_files import FileSync

EXIT_REFUSED = 2
NAMES_SHOWN = 8


def run_sync(args: argparse.Namespace) -> int:
    from studytui.cli.handlers import db_path, deck_id
    from studytui.config import load_config
    from studytui.paths import is_store_url
    from studytui.store.sqlite_snapshot import SyncRefused
    from studytui.store.sync_files import sync_files
    from studytui.study.scheduler import StudyScheduler

    config = load_config()  # a bad config file: one line, exit 2
    lang = args.lang or config.lang
    # The replay doctor runs: a merged review computed again as doctor would.
    recompute = StudyScheduler(config).recompute
    try:
        if is_store_url(args.other):  # the student's own rows on the class's server
            from studytui.store.server_sync import sync_with_server

            done = sync_with_server(db_path(args), str(args.other), recompute,
                                    deck_id=deck_id(args))
        else:
            done = sync_files(db_path(args), args.other, recompute, deck_id=deck_id(args),
                              full_check=args.full_check)
    except SyncRefused as exc:
        # a reason inside it (a Said) in the same language, not the English one
        error_line("studytui: " + Said(exc.key, **exc.values).text(lang))
        return EXIT_REFUSED
    report = done.report
    changed = report.received.changed | report.sent.changed
    names = _card_names(args) if changed else {}
    # `both`: each line in Korean, then in English (a line joined from parts in
    # two languages each would read as neither).
    where = str(args.other)
    if is_store_url(where):  # a server's URL may hold a password: never printed
        from studytui.store.pg_store import shown

        where = shown(where)
    per_lang = [report_lines(done, where, names, one)
                for one in (("ko", "en") if lang == "both" else (lang,))]
    for group in zip(*per_lang, strict=True):
        for line in group:  # paths, kinds and card names may hold anything
            print(for_terminal(line))
    return 0


def report_lines(done: FileSync, where: str, names: dict[tuple[str, str], BiText],
                 lang: str) -> list[str]:
    """What a sync did, in one language (`ko` or `en`), a line a fact."""
    report = done.report
    lines = [say("sync.created", lang, path=where)] if done.created else []
    lines.append(_moved(report.received, "sync.received", where, lang))
    lines.append(_moved(report.sent, "sync.sent", where, lang))
    if not (report.received.changed or report.sent.changed):
        lines.append(say("sync.unchanged", lang))
    if report.received.changed:
        lines.append(say("sync.changed_here", lang, n=len(report.received.changed),
                         names=_names(report.received.changed, names, lang)))
    if report.sent.changed:
        lines.append(say("sync.changed_there", lang, path=where, n=len(report.sent.changed),
                         names=_names(report.sent.changed, names, lang)))
    if report.same:
        lines.append(say("sync.same_now", lang, count=_count(report.events, lang)))
    if done.check:  # which check OTHER's snapshot passed
        lines.append(say(f"sync.checked_{done.check}", lang, path=where))
    return lines


def _moved(moved: Moved, key: str, where: str, lang: str) -> str:
    if not moved.events:
        return say(f"{key}_none", lang, path=where)
    return say(key, lang, count=_count(moved.events, lang), path=where,
               kinds=kinds_text(moved.kinds, lang))


def _count(n: int, lang: str) -> str:
    return say("sync.event", lang) if n == 1 else say("sync.events", lang, n=n)


def kinds_text(kinds: Counter[str], lang: str) -> str:
    """'review ×3, undo ×1': most first; a kind without words shows its own name."""
    parts = []
    for kind, n in sorted(kinds.items(), key=lambda item: (-item[1], item[0])):
        name = say(f"sync.kind.{kind}", lang) if has(f"sync.kind.{kind}") else kind
        parts.append(say("sync.count", lang, kind=name, n=n))
    return ", ".join(parts)


def _card_names(args: argparse.Namespace) -> dict[tuple[str, str], BiText]:
    """(deck id, card id) -> the card's term, for the deck being studied; empty
    when the deck does not load (the ids are shown then)."""
    from studytui.cli.handlers import deck_id
    from studytui.content.deck_cache import load_deck_cached
    from studytui.errors import UserError

    try:
        deck = load_deck_cached([args.content] if args.content else None)
    except UserError:
        return {}
    deck_of = deck_id(args)
    return {(deck_of, card.id): card.term for card in deck.cards.values()}


def _names(keys: set[CardKey], names: dict[tuple[str, str], BiText], lang: str) -> str:
    shown = []
    for deck, card, direction in sorted(keys)[:NAMES_SHOWN]:
        term = names.get((deck, card))
        name = term.get(lang) if term is not None else card
        shown.append(name if direction == "forward" else f"{name} ({direction})")
    more = len(keys) - len(shown)
    return ", ".join(shown) + (f" {say('sync.more', lang, n=more)}" if more > 0 else "")
