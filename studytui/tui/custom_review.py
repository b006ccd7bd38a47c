"""Opening a review session from any way in (Home, the palette, the command
line, custom study), and what a session says about itself.

When a session would be empty only because today's new-card limit holds the
cards back, the learner is told so and offered the ways on (more new cards
today, cram, custom study) instead of a bare "nothing due".
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from studytui.study.custom_study import StudyPlan
from studytui.study.directions import FORWARD, studied
from studytui.words import say

if TYPE_CHECKING:
    from studytui.config import Config
    from studytui.study.review_session import ReviewSession
    from studytui.tui.app import StudyApp


def plain_plan(config: Config, lectures: list[int] | None, mode: str) -> StudyPlan:
    """The plain session: the lectures, in the directions turned on in Settings,
    and what is due in any direction studied."""
    return StudyPlan(None if lectures is None else tuple(lectures),
                     directions=studied(config.directions),
                     mode=mode, due_everywhere=True)  # type: ignore[arg-type]


def make_session(app: StudyApp, plan: StudyPlan) -> ReviewSession:
    from studytui.study.review_session import ReviewSession

    return ReviewSession(app.deck, app.store, app.scheduler, app.config, plan=plan,
                         now=app.now)


def open_review(app: StudyApp, lectures: list[int] | None, mode: str,
                plan: StudyPlan | None) -> None:
    from studytui.tui.screens.flashcards import FlashcardScreen

    plan = plan or plain_plan(app.config, lectures, mode)
    session = make_session(app, plan)
    if session.current is not None:
        app.push_screen(FlashcardScreen(session))
    elif session.held_back:
        offer_ways_on(app, plan, session.held_back)
    elif plan.custom:
        app.notify(say("custom.nothing", app.lang), timeout=3)
    else:
        app.notify(say("app.no_new" if plan.mode == "new" else "app.no_due", app.lang),
                   timeout=3)


def more_today(app: StudyApp, held: int) -> int:
    """How many the "+N more today" offer adds: a day's worth, at most what waits."""
    return min(held, app.config.new_per_day or 10)


def offer_ways_on(app: StudyApp, plan: StudyPlan, held: int) -> None:
    from studytui.tui.screens.new_limit import NewLimitDialog

    more = more_today(app, held)

    def chosen(way: str | None) -> None:
        if way == "more":
            open_review(app, None, plan.mode, replace(plan, extra_new=more))
        elif way == "cram":
            cram = replace(plan, cram=True, ahead_days=None, weak=False, mode="mixed")
            open_review(app, None, plan.mode, cram)
        elif way == "custom":
            app.open_custom_study(None if plan.lectures is None else list(plan.lectures))

    app.push_screen(NewLimitDialog(app.config.new_per_day, held, more), chosen)


def session_note(session: ReviewSession, lang: str) -> str:
    """After the lecture on a card: the direction it is asked in, and practice."""
    notes = []
    if session.direction not in (None, FORWARD):
        notes.append(say(f"custom.asks.{session.direction}", lang))
    if session.plan.practice:
        notes.append(say("custom.practice_tag", lang))
    return "".join(f"  ·  {note}" for note in notes)
