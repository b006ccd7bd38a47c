"""The export, import and init commands: the deck and its history leave and
enter studytui. Each prints one line saying what it did, in the learner's
language; every problem is a UserError (one line, exit 2) or a ContentError
(one line per mistake, at its place in the source)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studytui.cli.handlers import _config, _deck, db_path, open_store, store_missing
from studytui.errors import UserError
from studytui.paths import bundled_content_dir, display_path
from studytui.words import say


def _lang(args: argparse.Namespace) -> str:
    return args.lang or _config().lang


def _out(path: Path, suffix: str, lang: str) -> Path:
    if path.suffix.lower() != suffix:
        raise UserError(say("transfer.out_suffix", lang, path=path, suffix=suffix))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(say("transfer.out_folder", lang, path=path, folder=folder))
    return path


def export_anki(args: argparse.Namespace) -> int:
    from studytui.content.anki_export import export_anki as write_apkg
    from studytui.content.deck_id import deck_id_of

    lang = _lang(args)
    out = _out(args.out, ".apkg", lang)
    deck = _deck(args)
    for number in args.lecture or []:
        if number not in deck.numbers():
            numbers = ", ".join(str(n) for n in deck.numbers())
            raise UserError(say("transfer.lecture", lang, number=number, numbers=numbers))
    content = args.content
    name = (content if content is None or content.is_dir() else content.parent)
    deck_name = "" if name is None else name.resolve().name
    count = write_apkg(deck, deck_id_of(content), deck_name, out, args.lecture or None)
    print(say("transfer.exported_anki", lang, count=count, path=display_path(out)))
    return 0


def export_reviews(args: argparse.Namespace) -> int:
    from studytui.content.deck_id import deck_id_of
    from studytui.study.review_export import reviews_csv

    lang = _lang(args)
    out = _out(args.out, ".csv", lang)
    path = db_path(args)
    if store_missing(path):
        raise UserError(say("transfer.no_store", lang, path=display_path(path)))
    deck_id = deck_id_of(args.content)
    with open_store(path, backup=False, deck=deck_id) as store:
        text, count = reviews_csv(store, deck_id)
    from studytui.content.out_file import write_atomically

    write_atomically(out, lambda tmp: Path(tmp).write_text(text, encoding="utf-8", newline=""))
    print(say("transfer.exported_reviews", lang, count=count, path=display_path(out)))
    return 0


def import_file(args: argparse.Namespace) -> int:
    from studytui.content.deck_writer import write_lectures
    from studytui.content.importers import read_draft
    from studytui.content.importers.draft import lectures

    lang = _lang(args)
    source: Path = args.file
    folder: Path = args.deck if args.deck else Path(source.stem)
    if folder.resolve() == bundled_content_dir().resolve():
        raise UserError(say("transfer.bundled", lang, path=display_path(folder)))
    draft = read_draft(source)
    summary = {code: say("transfer.summary", code, source=source.name) for code in ("ko", "en")}
    written = write_lectures(folder, lectures(draft.lectures, summary), source.name)
    shown = display_path(folder)
    print(say("transfer.imported", lang, source=source.name, lectures=len(written.written),
              cards=sum(len(lec.cards) for lec in draft.lectures), deck=shown))
    if draft.skipped:
        first = ", ".join(w.label for w in draft.skipped[:5])
        more = f", … (+{len(draft.skipped) - 5})" if len(draft.skipped) > 5 else ""
        notice = say("transfer.skipped", lang, count=len(draft.skipped), notes=first + more)
        print(f"studytui: {notice}", file=sys.stderr)
    if written.removed:
        files = ", ".join(p.name for p in written.removed)
        print(say("transfer.removed", lang, files=files))
    return 0


def init(args: argparse.Namespace) -> int:
    from studytui.content.deck_init import init_deck

    lang = _lang(args)
    made = init_deck(args.dir, force=args.force)
    print(say("transfer.created", lang, deck=display_path(args.dir),
              example=made.files[0].name))
    return 0
