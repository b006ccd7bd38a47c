"""`studytui stats` without --json: the Stats screen's numbers as Rich tables
for a terminal (the same `Stats`, so the two never disagree)."""

from __future__ import annotations

from datetime import timedelta

from rich import box
from rich.console import Group
from rich.table import Table

from studytui.content.model import DisplayLang
from studytui.study.stats import Stats

_HEAD = {
    "ko": ("강의", "카드", "새 카드", "복습", "학습 중", "리뷰 수", "숙련도"),
    "en": ("Lecture", "Cards", "New", "Due", "Learning", "Reviews", "Mastery"),
}


def _head(lang: DisplayLang) -> tuple[str, ...]:
    if lang == "both":
        return tuple(f"{en}\n{ko}" for ko, en in zip(_HEAD["ko"], _HEAD["en"], strict=True))
    return _HEAD[lang]


def stats_table(stats: Stats, lang: DisplayLang) -> Group:
    head = _head(lang)
    table = Table(
        title="studytui stats",
        show_footer=True,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        pad_edge=False,
    )
    table.add_column("#", footer="", justify="right")
    # The title column never truncates: Korean cut mid-word reads as a typo.
    table.add_column(head[0], footer="total" if lang != "ko" else "합계", overflow="fold")
    totals = stats.totals
    for i, name in enumerate(head[1:6], start=1):
        value = (totals.cards, totals.new, totals.due, totals.learning, totals.reviews)[i - 1]
        table.add_column(name, footer=str(value), justify="right", no_wrap=True)
    table.add_column(head[6], footer=f"{totals.mastery:.0%}", justify="right", no_wrap=True)
    for lec in stats.per_lecture:
        table.add_row(
            str(lec.number),
            lec.title.show(lang, sep="\n"),
            str(lec.cards),
            str(lec.new),
            str(lec.due),
            str(lec.learning),
            str(lec.reviews),
            f"{lec.mastery:.0%}",
        )
    retention = "-" if stats.true_retention is None else f"{stats.true_retention:.1%}"
    today = stats.generated_at.date()
    days = sorted(stats.reviews_per_day.items())[-14:]
    per_day = "  ".join(f"{d:%m-%d} {n}" for d, n in days if n) or "none yet"
    forecast = (
        "  ".join(
            f"{today + timedelta(days=i):%m-%d} {n}" for i, n in enumerate(stats.forecast) if n
        )
        or "nothing due"
    )
    lines = Table.grid(padding=(0, 2))
    lines.add_row("true retention", retention)
    lines.add_row("reviews per day (last 14 days)", per_day)
    lines.add_row("due in the next 14 days", forecast)
    if stats.orphaned_reviews:  # the total holds them; no lecture row does
        lines.add_row("reviews of cards no longer in the deck",
                      f"{stats.orphaned_reviews} (kept, in the total; `doctor` names them)")
    return Group(table, lines)
