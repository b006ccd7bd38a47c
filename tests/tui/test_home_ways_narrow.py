"""Every screen Home leads to can be found on Home at 80x24 and 60x20, in
each language: the line of ways breaks between ways, the key bar keeps the
keys that line does not show (at 80 columns `g` and `,` were cut off)."""

from __future__ import annotations

import pytest

from studytui.tui.screens.home import WAYS
from studytui.tui.widgets.footer import StudyFooter
from tests.tui.conftest import screen_lines

SIZES = [(80, 24), (60, 20)]
LANGS = ["ko", "en", "both"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
async def test_home_shows_every_way_in_at_small_sizes(make_app, size, lang):
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = "\n".join("".join(line) for line in screen_lines(app))
        ways = app.screen.ways("ko" if lang == "both" else lang)
        assert len(ways) == len(WAYS)
        for way in ways:  # each way whole on one line of the screen
            assert way.plain in shown, (way.plain, size, lang)
        # The key bar keeps its own keys whole and does not repeat the ways.
        footer = app.screen.query_one(StudyFooter)
        bar = "".join(screen_lines(app)[-1])
        keys = footer.items()[0]
        if lang == "both" and f"{keys[0].display} {keys[0].description}" not in bar:
            keys = footer.items("ko")[0]  # both languages did not fit: Korean alone
        for key in keys:
            assert f"{key.display} {key.description}" in bar, (key, size, lang)
            assert key.display not in {w.plain.split()[0] for w in ways}
