"""Hangul over widget edges: Textual divides the line of a widget in front at
the edges of the widgets it covers, and a double-width glyph straddling such
an edge became two spaces (studytui/tui/wide_glyphs.py). Both a full render
and a partial update (a widget behind repainting) must keep every syllable."""

from __future__ import annotations

from rich.console import Console
from rich.segment import ControlType
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

import studytui.tui.app  # noqa: F401  (installs the fix, as the app does)

WORD = "가나다라마바사아자차카타파하"  # 14 syllables, 28 cells


class Overlap(App):
    CSS = """
    Screen { layers: below above; }
    #behind { layer: below; height: 1; }
    #behind Static { width: 3; }
    #front { layer: above; height: 1; width: 28; }
    """

    def compose(self) -> ComposeResult:
        # Edges every 3 columns under a line of 2-column glyphs: every other
        # edge falls inside a syllable.
        with Horizontal(id="behind"):
            for n in range(10):
                yield Static(str(n), id=f"b{n}")
        yield Static(WORD, id="front")


def _text(strips) -> str:
    return "".join(segment.text for segment in strips[0])


def _wide(ch: str) -> bool:
    return "가" <= ch <= "힣"


def _cells(text: str) -> list[str]:
    """One entry a terminal cell: a wide glyph, then an empty cell it covers."""
    return [part for ch in text for part in ((ch, "") if _wide(ch) else (ch,))]


def _apply(update, row: list[str], console: Console) -> list[str]:
    """What a terminal shows on line 0 after `update`, from `row` before it."""
    x = 0
    for segment in update.__rich_console__(console, console.options):
        if segment.control:
            for control in segment.control:
                if control[0] == ControlType.CURSOR_MOVE_TO:
                    x = control[1]
            continue
        for ch in segment.text:
            if ch == "\n":
                continue
            row[x] = ch
            if _wide(ch):
                row[x + 1] = ""
            x += 2 if _wide(ch) else 1
    return row


async def test_a_syllable_over_a_covered_edge_stays_whole_in_a_full_render():
    app = Overlap()
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        line = _text(app.screen._compositor.render_strips())
        assert line.startswith(WORD), line


async def test_a_widget_behind_repainting_keeps_the_syllables_in_front():
    app = Overlap()
    async with app.run_test(size=(40, 3)) as pilot:
        await pilot.pause()
        compositor = app.screen._compositor
        row = _cells(_text(compositor.render_strips()))
        behind = app.query_one("#b4")  # columns 12-15: under 마 (12-13) and 바 (14-15)
        # Whatever the terminal held in the dirty columns, the update must paint them.
        row[behind.region.x:behind.region.right] = "?" * behind.region.width
        compositor._dirty_regions.add(behind.region)
        update = compositor.render_partial_update()
        console = Console(width=40, height=3, color_system=None, force_terminal=True)
        shown = "".join(_apply(update, row, console))
        assert shown.startswith(WORD), shown
