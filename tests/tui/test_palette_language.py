"""The command palette speaks the learner's language: its placeholder and
its no-matches line were Textual's English on a Korean screen."""

from __future__ import annotations

import pytest
from textual.command import CommandInput, CommandList, CommandPalette

from studytui.words import say


@pytest.mark.parametrize("lang", ["ko", "en"])
async def test_the_palette_says_no_matches_in_the_learners_language(make_app, lang):
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        field = app.screen.query_one(CommandInput)
        assert field.placeholder == say("palette.placeholder", lang)
        await pilot.press(*"qqqzzzxxx")
        await pilot.pause(1.0)  # Textual waits half a second before saying so
        options = app.screen.query_one(CommandList)
        prompts = [str(getattr(options.get_option_at_index(i).prompt, "renderable", ""))
                   for i in range(options.option_count)]
        assert say("palette.no_matches", lang) in prompts, prompts
        if lang == "ko":
            assert "No matches found" not in prompts
