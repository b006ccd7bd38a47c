"""Flashcards: rating commits to the store, undo restores it, buttons show intervals."""

from __future__ import annotations

from studytui.study.review_session import ReviewSession
from studytui.tui.screens.flashcards import FlashcardScreen
from studytui.tui.screens.session_summary import SessionSummaryScreen
from studytui.tui.widgets.card_view import CardView
from studytui.tui.widgets.rating_bar import RatingBar
from tests.tui.conftest import plain


def shown_text(app) -> str:
    return plain(app.screen.query_one(CardView))


async def test_rating_a_card_writes_a_review_row_and_shows_the_next_card(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        screen = app.screen
        assert isinstance(screen, FlashcardScreen)
        first = screen.session.current.id
        await pilot.press("space", "3")
        rows = store.review_rows()
        assert [(r.card_id, r.rating) for r in rows] == [(first, 3)]
        assert screen.session.current.id != first
        assert screen.session.current.term.ko in shown_text(app)


async def test_undo_takes_the_rating_back_from_the_store_and_the_screen(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        first = app.screen.session.current
        await pilot.press("space", "1")
        assert len(store.review_rows()) == 1
        assert store.state_of(first.id) is not None
        await pilot.press("u")
        assert store.review_rows() == []
        assert store.state_of(first.id) is None  # a new card again
        assert app.screen.session.current.id == first.id
        assert first.term.ko in shown_text(app)


async def test_the_four_buttons_show_the_interval_each_rating_would_give(
        make_app, deck, store, clock):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        bar = app.screen.query_one(RatingBar)
        expected = app.screen.session.intervals()
        assert set(expected) == {1, 2, 3, 4}
        for rating, name in ((1, "Again"), (2, "Hard"), (3, "Good"), (4, "Easy")):
            assert bar.label_of(rating) == f"{rating} {name} ({expected[rating]})"
        # A new card: Again comes back within minutes, Easy in days.
        assert expected[1].endswith("m") and expected[4].endswith("d")


async def test_flipping_shows_the_definition_and_the_language_key_cycles(make_app):
    app = make_app(lang="ko")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        card = app.screen.session.current
        assert card.definition.ko not in shown_text(app)
        await pilot.press("space")
        assert card.definition.ko in shown_text(app)
        assert card.definition.en not in shown_text(app)
        await pilot.press("l")  # ko -> en
        assert app.lang == "en"
        assert card.definition.en in shown_text(app)
        await pilot.press("l")  # en -> both
        assert card.definition.ko in shown_text(app) and card.definition.en in shown_text(app)


async def test_clicking_a_rating_button_rates_like_the_key(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "space")  # the buttons come with the answer
        first = app.screen.session.current.id
        await pilot.click("#rate-4")
        assert [(r.card_id, r.rating) for r in store.review_rows()] == [(first, 4)]


async def test_finishing_a_lecture_shows_the_summary(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_review([4])  # lecture 4 has one card
        await pilot.pause()
        await pilot.press("space", "4")  # Easy: due in days, so the session ends
        await pilot.pause()
        assert isinstance(app.screen, SessionSummaryScreen)
        summary = app.screen.summary
        assert summary.reviewed == 1 and summary.again == 0
        text = plain(app.screen.query_one("#summary-numbers"))
        assert "Reviewed" in text and "in " in text  # next due: "in 3d" or so
        await pilot.press("u")  # undo from the summary brings the card back
        await pilot.pause()
        assert isinstance(app.screen, FlashcardScreen)
        assert store.review_rows() == []


async def test_review_of_one_lecture_only_shows_its_cards(make_app, deck, store, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "enter")  # the second row: lecture 3
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FlashcardScreen)
        ids = set()
        while screen.session.current is not None and len(ids) < 10:
            ids.add(screen.session.current.id)
            await pilot.press("space", "4")
        assert ids == {c.id for c in deck.lecture(3).cards}


def test_a_fresh_session_matches_what_the_screen_would_rate(deck, store, clock):
    # Guard for the tests above: the fixture deck gives every card as new at T0.
    from studytui.config import Config
    from studytui.study.scheduler import StudyScheduler

    s = ReviewSession(deck, store, StudyScheduler(Config()), Config(), now=clock)
    assert s.progress == (0, len(deck.cards))


async def test_a_rating_key_on_the_front_rates_nothing_until_the_answer_shows(make_app, store):
    """Anki's rule: a card is rated on its answer. 1-4 on the front do nothing,
    the rating buttons (with their intervals) appear with the back."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        screen = app.screen
        first = screen.session.current.id
        await pilot.press("1", "2", "3", "4")
        assert store.review_rows() == [] and screen.session.current.id == first
        assert not screen.query_one("#ratings").display and not screen.flipped
        await pilot.press("space")
        assert screen.query_one("#ratings").display
        await pilot.press("3")
        assert [(r.card_id, r.rating) for r in store.review_rows()] == [(first, 3)]
        assert not screen.flipped and not screen.query_one("#ratings").display  # next front


async def test_the_buttons_intervals_are_in_korean_for_a_korean_learner(make_app, deck, store,
                                                                        clock):
    app = make_app(lang="ko")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "space")
        bar = app.screen.query_one(RatingBar)
        assert bar.label_of(1).endswith("분)") and bar.label_of(4).endswith("일)")
