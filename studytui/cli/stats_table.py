"""`studytui stats` without --json: the Stats screen's numbers as Rich tables
for a terminal (the same `Stats`, so the two never disagree)."""

from __future__ import annotations

from datetime import timedelta

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from studytui.content.model import DisplayLang
from studytui.printable import for_terminal
from studytui.study.directions import direction_name
from studytui.study.stats import Stats
from studytui.words import say

_COUNTS = ("cards", "seen", "learning", "young", "mature", "due", "reviews")
# Under 100 columns, the counts a learner reads first: the titles keep room to be read.
_NARROW_COUNTS = ("seen", "learning", "mature", "due")
WIDE = 100


def _head(lang: DisplayLang, counts: tuple[str, ...]) -> tuple[str, ...]:
    # In `both` the two languages stack: a column stays as narrow as its numbers allow.
    keys = ("common.lecture", *(f"table.{c}" for c in counts), "table.recall")
    return tuple(say(key, lang, sep="\n") for key in keys)


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


def stats_table(stats: Stats, lang: DisplayLang, width: int = WIDE) -> Group:
    counts = _COUNTS if width >= WIDE else _NARROW_COUNTS
    head = _head(lang, counts)
    table = Table(
        title=say("cli.stats_title", lang),
        show_footer=True,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        pad_edge=False,
    )
    table.add_column("#", footer="", justify="right")
    # The title column never truncates: Korean cut mid-word reads as a typo.
    table.add_column(head[0], footer=say("common.total", lang, sep="\n"), overflow="fold")
    totals = stats.totals
    for name, field in zip(head[1:-1], counts, strict=True):
        table.add_column(name, footer=str(getattr(totals, field)), justify="right", no_wrap=True)
    table.add_column(head[-1], footer=_percent(totals.recall_tomorrow), justify="right",
                     no_wrap=True)
    for lec in stats.per_lecture:
        table.add_row(
            str(lec.number),
            # Text, not a str: a title is content, never Rich markup.
            Text(for_terminal(lec.title.show(lang, sep="\n"))),
            *(str(getattr(lec, field)) for field in counts),
            _percent(lec.recall_tomorrow),
        )
    parts = [table]
    if len(stats.per_direction) > 1:  # each direction counted as a card: how they add up
        parts.append(_direction_table(stats, lang, counts, head))
    # None though reviews were made: say what true retention counts (as the Stats screen does).
    retention = (f"-  {say('stats.no_reviews_due', lang)}" if stats.true_retention is None
                 else f"{stats.true_retention:.1%}")
    today = stats.generated_at.date()
    days = sorted(stats.reviews_per_day.items())[-14:]
    per_day = "  ".join(f"{d:%m-%d} {n}" for d, n in days if n) or say("cli.none_yet", lang)
    forecast = (
        "  ".join(
            f"{today + timedelta(days=i):%m-%d} {n}" for i, n in enumerate(stats.forecast) if n
        )
        or say("cli.nothing_due", lang)
    )
    lines = Table.grid(padding=(0, 2))
    lines.add_row(say("cli.true_retention", lang), retention)
    lines.add_row(say("cli.reviews_per_day", lang), per_day)
    lines.add_row(say("cli.due_next", lang), forecast)
    if stats.orphaned_reviews:  # the total holds them; no lecture row does
        lines.add_row(say("cli.orphaned", lang),
                      say("cli.orphaned_count", lang, n=stats.orphaned_reviews))
    return Group(*parts, lines)


def _direction_table(stats: Stats, lang: DisplayLang, counts: tuple[str, ...],
                     head: tuple[str, ...]) -> Table:
    table = Table(title=say("dirs.title", lang), caption=say("dirs.note", lang, sep="\n"),
                  title_justify="left", caption_justify="left", box=box.SIMPLE_HEAD,
                  padding=(0, 1), pad_edge=False)
    table.add_column("", overflow="fold")
    for name in head[1:]:
        table.add_column(name, justify="right", no_wrap=True)
    for direction, row in stats.per_direction.items():
        table.add_row(direction_name(direction, lang, sep="\n"),
                      *(str(getattr(row, field)) for field in counts),
                      _percent(row.recall_tomorrow))
    return table
