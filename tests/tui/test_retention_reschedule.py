"""Settings: a new desired retention shows the workload first, then reschedules."""

from __future__ import annotations

from datetime import timedelta

from studytui.config import load_config
from studytui.study import fitted_params
from studytui.study.scheduler import StudyScheduler
from studytui.tui.screens.reschedule_confirm import RescheduleConfirm
from studytui.tui.screens.settings import SettingsScreen
from tests.tui.conftest import plain


def _review_cards(store, clock, n: int = 5) -> dict[str, str]:
    sched = StudyScheduler(fuzz=False)
    for i in range(n):
        at = clock() - timedelta(days=1, hours=i)
        card = sched.new_card(f"r{i}", at)
        for rating in (3, 3):  # learning, then a Review card due in a few days
            card = sched.review(card, rating, at)
            store.record_review(f"r{i}", rating, at, 4000, card.to_dict())
            at += timedelta(minutes=10)
    return {c: s["due"] for c, s in store.card_states().items()}


async def _change_retention(app, pilot, value: str) -> None:
    await pilot.press("comma")
    assert isinstance(app.screen, SettingsScreen)
    app.screen.query_one("#retention").value = value
    await pilot.press("ctrl+s")
    for _ in range(50):  # the preview is computed in a thread
        await pilot.pause(0.05)
        if isinstance(app.screen, RescheduleConfirm):
            return
    raise AssertionError("no reschedule preview appeared")


async def test_new_retention_previews_the_workload_then_reschedules(make_app, store, clock,
                                                                    tmp_path):
    before = _review_cards(store, clock)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _change_retention(app, pilot, "0.8")
        text = " ".join(plain(app.screen.query_one("#reschedule-preview")).split())
        assert "0.90 -> 0.80" in text and "Reviews per day over the next 30 days" in text
        assert f"(a new due date for {len(before)} cards)" in text
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
    assert load_config(tmp_path / "config.toml").desired_retention == 0.8
    after = {c: s["due"] for c, s in store.card_states().items()}
    assert all(after[c] > before[c] for c in before)  # lower retention: later dues
    change = fitted_params.load(store).retention_changes[-1]
    assert (change.retention, change.cards) == (0.8, len(before))


async def test_settings_reschedule_moves_every_direction_studied(make_app, store, clock):
    sched = StudyScheduler(fuzz=False)
    for direction in ("reverse", "ko->en"):  # studied with --reverse and --cross
        for i in range(3):
            at = clock() - timedelta(days=1, hours=i)
            card = sched.new_card(f"r{i}", at)
            for rating in (3, 3):
                card = sched.review(card, rating, at)
                store.record_review(f"r{i}", rating, at, 4000, card.to_dict(),
                                    direction=direction)
                at += timedelta(minutes=10)
    before = store.states_by_direction()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _change_retention(app, pilot, "0.8")
        assert "(a new due date for 6 cards)" in " ".join(
            plain(app.screen.query_one("#reschedule-preview")).split())
        await pilot.press("y")
        await pilot.pause()
    after = store.states_by_direction()
    assert all(after[key]["due"] > before[key]["due"] for key in before)
    rows = store.state_rows()
    store.rebuild_states()
    assert store.state_rows() == rows


async def test_keep_due_dates_saves_the_retention_only(make_app, store, clock, tmp_path):
    before = _review_cards(store, clock)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _change_retention(app, pilot, "0.8")
        await pilot.press("n")
        await pilot.pause()
    assert load_config(tmp_path / "config.toml").desired_retention == 0.8
    assert {c: s["due"] for c, s in store.card_states().items()} == before
    change = fitted_params.load(store).retention_changes[-1]
    assert (change.retention, change.cards) == (0.8, 0)  # in force now; dates kept


async def test_escape_from_the_preview_saves_nothing(make_app, store, clock, tmp_path):
    before = _review_cards(store, clock)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _change_retention(app, pilot, "0.8")
        await pilot.press("escape")
        await pilot.pause()
        assert "Not saved" in plain(app.screen.query_one("#settings-status"))
    assert not (tmp_path / "config.toml").exists()
    assert {c: s["due"] for c, s in store.card_states().items()} == before


async def test_retention_edited_in_config_toml_is_offered_at_start(make_app, store, clock):
    from studytui.config import Config

    before = _review_cards(store, clock)
    fitted_params.record_retention(store, clock(), 0.9, {})  # the dates were set at 0.9
    app = make_app(config=Config(desired_retention=0.8))  # then config.toml said 0.8
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, RescheduleConfirm):
                break
        assert isinstance(app.screen, RescheduleConfirm)
        await pilot.press("y")
        await pilot.pause()
    assert all(s["due"] > before[c] for c, s in store.card_states().items())
    assert fitted_params.retention_in_force(store) == 0.8


async def test_settings_show_the_suggested_retention(make_app, store, clock):
    fitted_params.record_fit(store, clock(), [0.5] * 21, "old", {}, 0.83)
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("comma")
        assert "Suggested for you: 0.83" in plain(app.screen.query_one("#retention-suggestion"))
