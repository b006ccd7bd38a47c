"""A synthetic learner whose memory follows known FSRS parameters: a year of
reviews scheduled by studytui's own scheduler (default parameters, fuzz on),
each recalled with the probability the learner's *true* parameters give.
Unlike `synthetic.py store` (ratings drawn at random), this log has something
to fit, so `studytui optimize` should beat the defaults on it.

    python benchmarks/synthetic_learner.py DB DECK_DIR [--rows 200000] [--cards 10000]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fsrs import Rating, Scheduler  # noqa: E402

from studytui.store.sqlite_store import BUNDLED_DECK, FORWARD, Store  # noqa: E402
from studytui.study.scheduler import StudyScheduler  # noqa: E402

# A learner who forgets faster than FSRS's default learner and finds Hard
# answers costlier: what the fit should find.
TRUE_PARAMETERS = (0.1, 0.5, 1.2, 4.0, 7.0, 0.6, 2.0, 0.01, 1.0, 0.2, 0.9, 1.6, 0.08,
                   0.3, 1.8, 0.35, 2.2, 0.5, 0.1, 0.08, 0.3)


def learner_log(card_ids: list[str], rows: int, now: datetime, seed: int = 7,
                days: int = 365) -> list[tuple[str, int, datetime, int, dict]]:
    """(card id, rating, time, duration ms, state after) for about `rows` reviews
    over the `days` before `now`, cards introduced evenly over that time."""
    rng = random.Random(seed)
    # The app's scheduler fuzzes intervals with the global `random`: seed it for
    # this call alone, so the same seed gives the same log whatever ran before.
    saved = random.getstate()
    random.seed(seed)
    try:
        return _learner_log(card_ids, rows, now, rng, days)
    finally:
        random.setstate(saved)


def _learner_log(card_ids: list[str], rows: int, now: datetime, rng: random.Random,
                 days: int) -> list[tuple[str, int, datetime, int, dict]]:
    studied = StudyScheduler()  # what the app schedules with
    truth = Scheduler(parameters=TRUE_PARAMETERS, enable_fuzzing=False)
    start = now - timedelta(days=days)
    events = []
    per_card = rows / len(card_ids)
    for n, cid in enumerate(card_ids):
        at = start + timedelta(days=days * 0.1 * n / len(card_ids),
                               minutes=rng.randrange(0, 600))
        card = studied.new_card(cid, at)
        true_card = truth_card = card
        own = 0
        while at < now and own < 4 * per_card:
            if truth_card.stability is None:  # first sight: nothing to recall yet
                rating = rng.choices((1, 2, 3, 4), weights=(3, 2, 5, 1))[0]
            else:
                recall = truth.get_card_retrievability(truth_card, at)
                if rng.random() >= recall:
                    rating = 1
                else:
                    rating = rng.choices((2, 3, 4), weights=(2, 7, 1))[0]
            duration = int(rng.lognormvariate(9.2 if rating == 1 else 8.6, 0.4))
            card = studied.review(card, rating, at, duration)
            true_card, _ = truth.review_card(truth_card, Rating(rating), at)
            truth_card = true_card
            events.append((cid, rating, at, duration, card.to_dict()))
            own += 1
            # the learner comes back when the card is due, within the next few hours
            at = max(card.due, at + timedelta(minutes=1)) + timedelta(
                minutes=rng.randrange(0, 240))
    events.sort(key=lambda e: e[2])
    return events[:rows]


def write_log(path: Path, events: list[tuple[str, int, datetime, int, dict]],
              deck_id: str = BUNDLED_DECK) -> None:
    """The reviews, of the deck `deck_id`, into a new store's log through its bulk
    import (the events `record_review` writes, one commit), tables rebuilt."""
    with Store.open(path, backup=False, deck_id=deck_id) as store:
        store.import_reviews((cid, rating, at, duration, state, "review", FORWARD)
                             for cid, rating, at, duration, state in events)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("db", type=Path)
    p.add_argument("deck", type=Path, help="a deck folder (benchmarks/synthetic.py deck)")
    p.add_argument("--rows", type=int, default=200_000)
    args = p.parse_args(argv)
    from studytui.content.deck_id import deck_id_of
    from studytui.content.loader import load_deck

    deck = load_deck([args.deck])
    events = learner_log(list(deck.cards), args.rows, datetime.now(timezone.utc))
    write_log(args.db, events, deck_id_of(args.deck))
    print(f"wrote {len(events)} reviews of {len({e[0] for e in events})} cards to {args.db}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
