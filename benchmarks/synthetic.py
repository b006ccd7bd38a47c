"""Synthetic decks and stores at scale: N lectures and C cards (with questions)
as YAML files, and a review store holding a year of reviews.

    python benchmarks/synthetic.py deck OUT_DIR [--lectures 10] [--cards 10000]
    python benchmarks/synthetic.py store DB DECK_DIR [--rows 200000]

The deck is valid under `studytui validate --strict`; the store's rows come
from the real scheduler, so the states in it are ones FSRS can produce.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from studytui.content.deck import Deck
from studytui.store.sqlite_store import Store, iso
from studytui.study.scheduler import StudyScheduler


def write_deck(out: Path, lectures: int = 10, cards: int = 10_000) -> list[str]:
    """Write `lectures` files holding `cards` cards in all, one question per
    card; return the card ids."""
    out.mkdir(parents=True, exist_ok=True)
    per = -(-cards // lectures)
    ids: list[str] = []
    for n in range(lectures):
        number = 100 + n
        lines = [
            "# yaml-language-server: $schema=./lecture.schema.json",
            f"id: synthetic-{number}",
            f"number: {number}",
            f"title: {{ko: 합성 강의 {number}, en: Synthetic lecture {number}}}",
            "summary: {ko: 규모 시험용 강의, en: A lecture for scale tests}",
            "cards:",
        ]
        mine = [f"s{number}-card-{i}" for i in range(min(per, cards - len(ids)))]
        for i, cid in enumerate(mine):
            lines += [
                f"  - id: {cid}",
                f"    term: {{ko: 용어 {number}-{i}, en: Term {number}-{i}}}",
                "    definition:",
                f"      ko: 합성 덱의 {i}번째 개념을 설명하는 정의 문장이다.",
                f"      en: A definition sentence explaining concept {i} of the synthetic deck.",
                f"    tags: [synthetic, group-{i % 7}]",
            ]
        lines.append("questions:")
        for i, cid in enumerate(mine):
            lines += [
                f"  - id: q-{cid}",
                "    type: short",
                f"    card: {cid}",
                f"    prompt: {{ko: 개념 {i}의 이름은?, en: What is concept {i} called?}}",
                f"    answer: {{ko: 용어 {number}-{i}, en: Term {number}-{i}}}",
                "    explanation: {ko: 정의를 다시 읽어 보자., en: Read the definition again.}",
            ]
        (out / f"{number}-synthetic.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        ids += mine
    return ids


def fill_store(path: Path, deck: Deck, rows: int, now: datetime, seed: int = 7) -> None:
    """A year of reviews through the real scheduler, bulk-inserted as review events
    in one transaction (the log only); the derived tables are then built by
    `rebuild_states`."""
    from studytui.store.ids import Uuid7Source
    from studytui.store.sqlite_store import BUNDLED_DECK, FORWARD
    from studytui.store.times import epoch_ms

    rng = random.Random(seed)
    sched = StudyScheduler()
    with Store.open(path, backup=False) as store:
        device = store.device_id
    import sqlite3

    ids = list(deck.cards)
    per_card = max(1, rows // len(ids))
    year = 365 * 24 * 60
    reviews = []  # (time, card, rating, duration, state after)
    for cid in ids:
        # A card's reviews fall at random times over the past year (FSRS
        # takes a review at any time, early or late), so the log holds about
        # rows/365 reviews a day, as a learner's would, not a pile-up today.
        times = sorted(now - timedelta(minutes=rng.randrange(1, year))
                       for _ in range(per_card))
        card = sched.new_card(cid, times[0])
        for at in times:
            rating = rng.choices((1, 2, 3, 4), weights=(1, 2, 6, 1))[0]
            card = sched.review(card, rating, at)
            reviews.append((iso(at), cid, rating, rng.randrange(1500, 9000), card.to_dict()))
    reviews.sort(key=lambda r: r[0])  # ids in time order, as the app makes them
    new_id = Uuid7Source()
    prev: dict[str, str] = {}
    batch = []
    for at, cid, rating, duration, state in reviews:
        event_id = new_id(epoch_ms(at))
        payload = {"rating": rating, "duration_ms": duration, "source": "review",
                   "state_after": state, "prev": prev.get(cid)}
        prev[cid] = event_id
        batch.append((event_id, device, "review", at, BUNDLED_DECK, cid, FORWARD,
                      json.dumps(payload, separators=(",", ":"))))
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("INSERT INTO event VALUES (?,?,?,?,?,?,?,?)", batch)
    conn.close()


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    sub = p.add_subparsers(dest="what", required=True)
    d = sub.add_parser("deck")
    d.add_argument("out", type=Path)
    d.add_argument("--lectures", type=int, default=10)
    d.add_argument("--cards", type=int, default=10_000)
    s = sub.add_parser("store")
    s.add_argument("db", type=Path)
    s.add_argument("deck", type=Path)
    s.add_argument("--rows", type=int, default=200_000)
    args = p.parse_args(argv)
    if args.what == "deck":
        ids = write_deck(args.out, args.lectures, args.cards)
        print(f"wrote {len(ids)} cards in {args.lectures} lectures to {args.out}")
    else:
        from studytui.content.loader import load_deck

        deck = load_deck([args.deck])
        fill_store(args.db, deck, args.rows, datetime.now(timezone.utc))
        with Store.open(args.db, backup=False) as store:
            store.rebuild_states()
        print(f"wrote about {args.rows} reviews to {args.db}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
