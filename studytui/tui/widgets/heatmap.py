"""Reviews per day as a calendar heatmap: one column a week, one row a weekday."""

from __future__ import annotations

from datetime import date, timedelta

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from studytui.words import say

WEEKDAYS = ("heatmap.mon", "", "heatmap.wed", "", "heatmap.fri", "", "heatmap.sun")
LEVEL_STYLES = ("grey30", "green4", "green3", "green1", "bold bright_green")
CELL = "■ "


def level(count: int, peak: int) -> int:
    """0 for no reviews, else 1..4 by share of the busiest day."""
    if count <= 0 or peak <= 0:
        return 0
    return min(4, 1 + (4 * (count - 1)) // peak)


def heatmap_text(per_day: dict[date, int], lang: str = "en") -> Text:
    """The calendar; in `both` the weekday labels are Korean (one syllable fits
    the row label's four cells, "월 · Mon" would not)."""
    short = "ko" if lang == "both" else lang
    if not per_day:
        return Text(say("heatmap.none", lang), style="dim")
    days = sorted(per_day)
    first, last = days[0], days[-1]
    # Whole weeks from the first Monday in the window: from the Monday before it,
    # the days before the window left their rows' first cells blank, and a row
    # (Sunday, most often) began a column left of the others.
    start = first + timedelta(days=-first.weekday() % 7)
    if start > last:  # less than a week from the first day: that week, as it is
        start = first - timedelta(days=first.weekday())
    weeks = (last - start).days // 7 + 1
    peak = max(per_day.values())
    out = Text()
    # Month labels above the week where a month begins.
    header = [" "] * (weeks * 2)
    for w in range(weeks):
        monday = start + timedelta(weeks=w)
        if monday.day <= 7:
            label = say(f"month.{monday.month}", short)
            # A Hangul syllable takes two cells: it fills its cell and the next.
            cells = [c for ch in label for c in ((ch, "") if cell_len(ch) == 2 else (ch,))]
            header[w * 2 : w * 2 + len(cells)] = cells
    out.append("    " + "".join(header).rstrip() + "\n", style="dim")
    for wd in range(7):
        day_label = say(WEEKDAYS[wd], short) if WEEKDAYS[wd] else ""
        out.append(day_label + " " * max(0, 4 - cell_len(day_label)), style="dim")
        for w in range(weeks):
            day = start + timedelta(weeks=w, days=wd)
            if day not in per_day:
                out.append("  ")
                continue
            out.append(CELL, style=LEVEL_STYLES[level(per_day[day], peak)])
        out.append("\n")
    more = say("heatmap.more", short)
    out.append(f"    {say('heatmap.less', short)} {''.join('■' for _ in LEVEL_STYLES)} {more}",
               style="dim")
    # Colour the legend squares.
    legend_at = len(out.plain) - len(LEVEL_STYLES) - len(more) - 1
    for i, style in enumerate(LEVEL_STYLES):
        out.stylize(style, legend_at + i, legend_at + i + 1)
    return out


class Heatmap(Static):
    DEFAULT_CSS = """
    Heatmap {
        height: auto;
        width: auto;
    }
    """

    def show_days(self, per_day: dict[date, int], lang: str) -> None:
        self.per_day = dict(per_day)
        self.update(heatmap_text(per_day, lang))
