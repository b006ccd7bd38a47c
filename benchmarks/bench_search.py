"""Search on the 10,000-card synthetic deck: the index built once, one query,
and a keystroke in Browse (search + list update + the screen refreshed).

The keystroke is timed as bench_rating times a rating: the key is sent with
a Key event posted to the app, and the clock stops in a `call_after_refresh` callback once
Browse shows the list for the new query. The baseline, measured in the same
run, is what every key cost before: the whole table rebuilt (10,000 rows).

    python benchmarks/bench_search.py [--deck DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from studytui.config import Config  # noqa: E402
from studytui.content.loader import load_deck  # noqa: E402
from studytui.store.sqlite_store import Store  # noqa: E402
from studytui.study.search import SearchIndex  # noqa: E402

# Typed a key at a time: a term, a word of every definition with a typo, Korean.
QUERIES = ["term 104-99", "definiton", "합성 덱의", "concept 123"]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


async def keystrokes(deck, tmp: Path) -> tuple[list[float], list[float]]:
    from textual import events
    from textual.widgets import DataTable

    from studytui.tui.app import StudyApp
    from studytui.tui.screens.browse import BrowseScreen

    store = Store.open(tmp / "bench.db", backup=False)
    app = StudyApp(deck, store, Config(), "both", config_path=tmp / "config.toml")
    keys: list[float] = []
    rebuilds: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        loop = asyncio.get_running_loop()

        async def drawn(t0: float) -> float:
            done: asyncio.Future[float] = loop.create_future()
            screen.call_after_refresh(lambda: done.set_result(time.perf_counter()))
            return await done - t0

        table = screen.query_one(DataTable)
        for _ in range(3):  # baseline: every card's row rebuilt, as every key did before
            t0 = time.perf_counter()
            table.clear()
            for cid, card in deck.cards.items():
                table.add_row(str(deck.card_lecture[cid]), card.term.show("both"),
                              " ".join(f"#{t}" for t in card.tags), "", key=cid)
            rebuilds.append(await drawn(t0))
            await pilot.pause()
        screen._fill(list(deck.cards))  # back to what Browse shows
        await pilot.press("slash")
        for query in QUERIES:
            typed = ""
            for ch in query:
                typed += ch
                t0 = time.perf_counter()
                app.post_message(events.Key("space" if ch == " " else ch, ch))
                while screen.shown_query != typed:
                    await asyncio.sleep(0)
                    if time.perf_counter() - t0 > 5:
                        raise SystemExit(f"stuck: {typed!r} {screen.shown_query!r} "
                                         f"{screen.query_one('#search').value!r} {app.focused}")
                keys.append(await drawn(t0))
                await pilot.pause()
            await pilot.press(*["backspace"] * len(query))
            await pilot.pause()
    store.close()
    return keys, rebuilds


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--deck", type=Path)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        deck_dir = args.deck or Path(tmp) / "deck"
        if not deck_dir.exists():
            from synthetic import write_deck

            write_deck(deck_dir)
        deck = load_deck([deck_dir])
        t0 = time.perf_counter()
        index = SearchIndex(deck)
        print(f"index of {len(deck.cards):,} cards built once: {ms(time.perf_counter() - t0)}")
        for query in ("term 104-99", "definiton", "합성 덱의", "t"):
            t0 = time.perf_counter()
            found = index.search(query)
            print(f"search {query!r}: {len(found):,} cards in {ms(time.perf_counter() - t0)}")
        keys, rebuilds = asyncio.run(keystrokes(deck, Path(tmp)))
    p90 = statistics.quantiles(keys, n=10)[-1]
    print(f"Browse keystroke over {len(keys)} keys: median {ms(statistics.median(keys))}, "
          f"p90 {ms(p90)}, worst {ms(max(keys))}; baseline (whole table rebuilt): "
          f"median {ms(statistics.median(rebuilds))}")


if __name__ == "__main__":
    main()
