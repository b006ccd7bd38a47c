"""How long a rating takes in the app: schedule + commit + the next card on screen.

Drives the real StudyApp headless with Pilot (as the tests do) on a fresh store
and a deck of many new cards. Each sample: a rating key is sent
(`App.simulate_key`), the app schedules and commits it, shows the next card,
and the clock stops in a `call_after_refresh` callback, that is once the
screen holding the next card has been refreshed. (`pilot.press` itself is not
timed: it waits for the CPU to go idle in 20 ms slices, which would measure
Pilot, not the app.) Prints the median and the 90th percentile in ms.

    python benchmarks/bench_rating.py [--ratings 200] [--fitted]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from studytui.config import Config  # noqa: E402
from studytui.content.deck import Deck  # noqa: E402
from studytui.content.lecture_schema import validate_lecture  # noqa: E402
from studytui.store.sqlite_store import Store  # noqa: E402

# Parameters as a fit returns them (a learner who forgets faster than FSRS's default one).
FITTED = (0.11, 0.469, 1.233, 4.39, 6.691, 0.24, 2.333, 0.03, 1.41, 0.248, 0.654, 1.408,
          0.082, 0.32, 2.19, 0.374, 2.21, 0.403, 0.013, 0.026, 0.181)


def big_deck(cards: int) -> Deck:
    def bi(ko: str, en: str) -> dict[str, str]:
        return {"ko": ko, "en": en}

    return Deck.of([validate_lecture({
        "id": "bench", "number": 2, "title": bi("벤치마크", "Benchmark"),
        "summary": bi("요약", "summary"),
        "cards": [{"id": f"c{i}", "term": bi(f"경사 하강법 {i}", f"Gradient descent {i}"),
                   "definition": bi("손실의 기울기를 따라 내려가는 최적화",
                                    "Optimization that follows the loss gradient down")}
                  for i in range(cards)],
    })])


async def measure(ratings: int, fitted: bool = False) -> list[float]:
    from studytui.tui.app import StudyApp
    from studytui.tui.screens.flashcards import FlashcardScreen

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db", backup=False)
        if fitted:  # the learner ran `studytui optimize`: the app schedules with these
            from datetime import datetime, timezone

            from studytui.study.fitted_params import record_fit

            record_fit(store, datetime.now(timezone.utc), FITTED, "new", {}, None)
        config = Config(new_per_day=ratings + 10)
        app = StudyApp(big_deck(ratings + 10), store, config, "both",
                       config_path=Path(tmp) / "config.toml")
        times: list[float] = []
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("r")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, FlashcardScreen)
            loop = asyncio.get_running_loop()
            for i in range(ratings):
                before = screen.session.current.id
                screen.flipped = True  # a card is rated on its back; the flip is not timed
                await pilot.pause()
                drawn: asyncio.Future[float] = loop.create_future()
                t0 = time.perf_counter()
                # Good or Easy, so every card leaves the queue and a new one shows.
                app.simulate_key("3" if i % 2 else "4")
                while screen.session.current.id == before:
                    await asyncio.sleep(0)
                screen.call_after_refresh(lambda f=drawn: f.set_result(time.perf_counter()))
                times.append((await drawn - t0) * 1000)
                await pilot.pause()  # settle before the next sample
        rows = len(store.review_rows())
        store.close()
        assert rows == ratings, (rows, ratings)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ratings", type=int, default=200)
    parser.add_argument("--fitted", action="store_true",
                        help="also with fitted parameters, against the defaults in the same run")
    args = parser.parse_args()
    medians = {}
    for fitted in (False, True) if args.fitted else (False,):
        times = asyncio.run(measure(args.ratings, fitted))
        p90 = statistics.quantiles(times, n=10)[-1]
        medians[fitted] = statistics.median(times)
        what = "fitted parameters" if fitted else "default parameters"
        print(f"rating latency over {len(times)} ratings ({what}): median "
              f"{medians[fitted]:.1f} ms, p90 {p90:.1f} ms (budget: median < 20 ms)")
    if args.fitted:
        print(f"fitted / default median: {medians[True] / medians[False]:.2f}x")


if __name__ == "__main__":
    main()
