"""Settings and Custom study at 80x24 and 60x20: their lower part was cut off
and did not scroll. Every control can be reached by Tab and is in view,
whole, when it has focus (and Settings' status line when Save has it)."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from tests.tui.conftest import plain

SIZES = [(80, 24), (60, 20)]


def in_view(widget: Widget) -> bool:
    """The widget's region lies inside the screen and inside every container
    around it that could scroll it away."""
    region = widget.region
    if region.area == 0 or not widget.screen.region.contains_region(region):
        return False
    for ancestor in widget.ancestors:
        scrolls = isinstance(ancestor, Widget) and ancestor.is_scrollable
        if scrolls and ancestor is not widget.screen:
            if not ancestor.content_region.contains_region(region):
                return False
    return True


async def tab_through(app, pilot) -> dict[str, bool]:
    """Each control Tab reaches: whether it was in view when focused."""
    seen: dict[str, bool] = {}
    for _ in range(len(app.screen.focus_chain) + 1):
        await pilot.press("tab")
        await pilot.pause()
        focused = app.focused
        if focused is not None and focused.id and focused.id not in seen:
            seen[focused.id] = in_view(focused)
    return seen


FORMS = {  # the key that opens the form on Home -> its controls
    "settings": ("comma", ("retention", "new-per-day", "lang", "generated", "directions",
                           "save")),
    "custom": ("c", ("lectures", "way", "tags", "ahead-days", "extra-new", "options")),
}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("size", SIZES, ids=["80x24", "60x20"])
async def test_a_form_reaches_and_shows_every_control(make_app, size, lang, form):
    key, controls = FORMS[form]
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.press(key)
        await pilot.pause()
        seen = await tab_through(app, pilot)
        for control in controls:
            assert seen.get(control), (control, seen)
        if form == "settings":  # what saving says comes into view with Save
            app.screen.query_one("#save").focus()
            await pilot.pause()
            assert in_view(app.screen.query_one("#settings-status"))


async def test_settings_refusal_from_the_top_field_is_in_view_at_80x24(make_app):
    app = make_app(lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        app.screen.query_one("#retention").value = "1.5"
        app.screen.query_one("#retention").focus()
        await pilot.press("enter")
        await pilot.pause()
        status = app.screen.query_one("#settings-status")
        assert "저장하지 못했습니다" in plain(status)
        assert in_view(status)
