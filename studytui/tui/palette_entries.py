"""What the palette can find: lectures (open, review, learn new, quiz), cards
(their detail), demos, screens and settings. Each entry carries the names it
is found by in both languages, whatever language the screen shows, so `adam`,
`최적화` and `attention` find the same things for every learner.

A lecture's "custom study" opens the custom study form on it (cram, ahead,
more new, weak, practice, directions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from studytui.words import catalogue, say

# Tie-breaks between entries that match equally well: a demo or a lecture is
# the broader destination (its cards are one step further), and of a
# lecture's actions opening it comes first.
KIND_BONUS = {"screen": 0.03, "demo": 0.03, "lecture": 0.02, "setting": 0.01, "card": 0.0}
LECTURE_ACTIONS = ("open", "review", "learn_new", "quiz", "custom")


@dataclass(frozen=True)
class Entry:
    label: str
    help: str
    run: Callable[[], Any]
    names: tuple[str, ...]
    extra: tuple[str, ...] = ()
    bonus: float = 0.0
    # Binding actions this entry stands for: their key rows are not offered twice.
    covers: frozenset[str] = field(default_factory=frozenset)


def _both(key: str) -> tuple[str, str]:
    return catalogue()[key]


def lecture_entries(app: Any, lang: str) -> Iterator[Entry]:
    for lec in app.deck.lectures:
        n = lec.number
        names = tuple(t for t in (lec.title.ko, lec.title.en) if t) + (f"{n}강", f"lecture {n}")
        extra = tuple(t for t in (lec.summary.ko, lec.summary.en) if t)
        runs = {
            "open": partial(open_lecture, app, n),
            "review": partial(app.open_review, [n]),
            "learn_new": partial(app.open_review, [n], "new"),
            "quiz": partial(app.open_quiz_setup, [n]),
            "custom": partial(app.open_custom_study, [n]),
        }
        helps = {"open": "lecture_open", "review": "lecture_review",
                 "learn_new": "lecture_new", "quiz": "lecture_quiz", "custom": "lecture_custom"}
        for rank, action in enumerate(LECTURE_ACTIONS):
            verbs = _both(f"finder.{action}")
            yield Entry(
                f"{say(f'finder.{action}', lang)}: {n}. {lec.title.show(lang)}",
                say(f"finder.help.{helps[action]}", lang),
                runs[action],
                names + tuple(f"{v} {t}" for v in verbs for t in names[:2]),
                extra,
                KIND_BONUS["lecture"] - rank * 0.001,
            )


async def open_lecture(app: Any, number: int) -> None:
    """Browse, filtered to one lecture: the lecture's cards, searchable."""
    from textual.widgets import Select

    from studytui.tui.screens.browse import BrowseScreen

    screen = BrowseScreen()
    await app.push_screen(screen)
    screen.query_one("#lecture", Select).value = number


def card_entries(app: Any, lang: str) -> Iterator[Entry]:
    deck = app.deck
    kind = say("finder.card", lang)
    for card_id, card in deck.cards.items():
        names = tuple(t for t in (card.term.ko, card.term.en) if t) + tuple(card.aliases)
        yield Entry(
            f"{kind}: {card.term.show(lang)}",
            say("finder.help.card", lang, n=deck.card_lecture[card_id]),
            partial(app.open_card, card_id),
            names + (card_id,),
            tuple(card.tags),
            KIND_BONUS["card"],
        )


def demo_entries(app: Any, lang: str) -> Iterator[Entry]:
    from demos.registry import DEMOS  # the registry imports no torch

    kind = say("finder.demo", lang)
    for spec in DEMOS.values():
        title = {"ko": spec.title_ko, "en": spec.title_en}.get(
            lang, f"{spec.title_ko} / {spec.title_en}")
        yield Entry(
            f"{kind}: {title}",
            say("finder.help.demo", lang, n=spec.lecture),
            partial(app.open_demo, spec.name),
            (spec.name, spec.name.replace("-", " "), spec.title_ko, spec.title_en),
            (spec.summary_en,),
            KIND_BONUS["demo"],
        )


def way_entries(app: Any, lang: str, go_home: Callable[[], None]) -> Iterator[Entry]:
    """The ways between screens."""
    screens: list[tuple[str, Callable[[], Any], tuple[str, ...]]] = [
        ("home", go_home, ()),
        ("review_all", partial(app.open_review, None), ("review_all",)),
        ("learn_new", partial(app.open_review, None, "new"), ("learn_new",)),
        ("quiz", partial(app.open_quiz_setup, None), ("quiz",)),
        ("notebook", app.open_notebook, ("notebook",)),
        ("custom", partial(app.open_custom_study, None), ("custom_study",)),
        ("browse", app.open_browse, ("browse",)),
        ("stats", app.open_stats, ("stats",)),
        ("demos", app.open_gallery, ("demos",)),
        ("settings", app.action_settings, ("settings", "app.settings")),
        ("help", app.action_help, ("help", "app.help")),
        ("lang", app.action_cycle_lang, ("cycle_lang", "app.cycle_lang")),
    ]
    for key, run, covers in screens:
        yield Entry(
            say(f"finder.nav.{key}", lang),
            say(f"finder.nav.{key}_help", lang),
            run,
            _both(f"finder.nav.{key}"),
            _both(f"finder.nav.{key}_help"),
            KIND_BONUS["screen"],
            frozenset(covers),
        )


def setting_entries(app: Any, lang: str) -> Iterator[Entry]:
    """Each setting, which opens Settings at it."""
    settings = _both("finder.settings")
    for key, widget_id in (("retention", "retention"), ("new_per_day", "new-per-day"),
                           ("lang", "lang"), ("directions", "directions")):
        yield Entry(
            f"{say('finder.settings', lang)}: {say(f'finder.setting.{key}', lang)}",
            say("finder.nav.settings_help", lang),
            partial(open_setting, app, widget_id),
            _both(f"finder.setting.{key}") + settings,
            (),
            KIND_BONUS["setting"],
        )


async def open_setting(app: Any, widget_id: str) -> None:
    from studytui.tui.screens.settings import SettingsScreen

    if not isinstance(app.screen, SettingsScreen):
        await app.push_screen(SettingsScreen())
    app.screen.query_one(f"#{widget_id}").focus()
