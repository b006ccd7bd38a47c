"""The demo screen as a learner drives it: the output has focus and scrolls at
once, the form opens at its first field and Esc closes it before leaving,
knobs re-run the race on the spot, left/right step, space plays, and the
attention toy pages. Real demos, with few steps so torch's work is small."""

from __future__ import annotations

from textual.widgets import Input

from studytui.tui.screens.demo import DemoPane, DemoScreen
from studytui.tui.screens.home import HomeScreen
from tests.tui.conftest import plain


async def opened(pilot, name: str, params: dict) -> DemoScreen:
    pilot.app.open_demo(name, params)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DemoScreen)
    await settled(pilot)
    return screen


async def settled(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_on_open_the_output_has_focus_and_page_down_scrolls_at_once(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, "optimizer-race", {"steps": 40})
        pane = screen.query_one(DemoPane)
        assert screen.focused is pane
        picture_top = plain(screen.query_one("#demo-output")).splitlines()[0]
        assert picture_top.startswith("Optimizer race: Rosenbrock")
        assert pane.scroll_y == 0 and pane.max_scroll_y > 0  # the leaderboard is below
        await pilot.press("pagedown")
        await pilot.pause()
        assert pane.scroll_y > 0


async def test_the_picture_fits_the_pane_and_the_table_follows(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, "optimizer-race", {"steps": 40})
        pane = screen.query_one(DemoPane)
        lines = plain(screen.query_one("#demo-output")).splitlines()
        caption = next(i for i, line in enumerate(lines) if line.startswith("step 40/40"))
        # The whole picture, caption included, is in view without scrolling.
        assert caption < pane.scrollable_content_region.height
        assert any("Leaderboard" in line for line in lines[caption:])


async def test_p_opens_the_form_at_its_first_field_keys_type_esc_closes_then_leaves(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, "attention", {})
        await pilot.press("p")
        await pilot.pause()
        first = screen.query_one("#param-sentence", Input)
        assert screen.focused is first
        first.value = ""
        await pilot.press("p", "r", "q", " ", "x")  # typed, not the screen's keys
        assert first.value == "prq x"
        assert isinstance(app.screen, DemoScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.query_one("#demo-side").display
        assert screen.focused is screen.query_one(DemoPane)
        assert isinstance(app.screen, DemoScreen)  # the demo and its values stay
        await pilot.press("r")  # run with what was typed
        await settled(pilot)
        assert screen.result["tokens"] == ["prq", "x"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_form_labels_help_and_errors_are_in_the_learners_language(make_app):
    app = make_app(lang="ko")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, "attention", {})
        await pilot.press("p")
        labels = " ".join(plain(label) for label in screen.query("ParamForm Label"))
        assert "임베딩 크기" in labels and "embedding size" not in labels
        d_model = screen.query_one("#param-d_model", Input)
        assert "2부터 64까지의 수" in d_model.placeholder
        d_model.value = "999"
        screen.action_run()
        await pilot.pause()
        error = plain(screen.query_one("#demo-error"))
        assert "d_model: 999은(는) 범위를 벗어납니다" in error
        assert "out of range" not in error


async def test_defaults_show_as_a_learner_types_them(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, "optimizer-race", {"steps": 5})
        await pilot.press("p")
        shown = {field.id: field.value for field in screen.query("ParamForm Input")}
        assert shown["param-optimizers"] == "sgd,momentum,nesterov,adagrad,adadelta,rmsprop,adam"
        assert shown["param-lr"] == "" and shown["param-start"] == ""
        assert not any(v in ("{}", "None", "False", "()") for v in shown.values())


async def test_a_knob_reruns_the_picked_optimizer_and_redraws_its_path(make_app, monkeypatch):
    from demos.worker_client import DemoProcess

    handed: list[dict | None] = []  # the previous result each run took to the demo process
    run = DemoProcess.run
    monkeypatch.setattr(DemoProcess, "run", lambda self, name, values, rate=None, previous=None:
                        handed.append(previous) or run(self, name, values, rate, previous))
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, "optimizer-race", {"steps": 30, "focus": "adam"})
        result = screen.result
        before = {run["name"]: run for run in result["runs"]}
        await pilot.press("plus")  # adam's learning rate one step up the grid
        await settled(pilot)
        assert screen.values["lr"] == {"adam": 2.0}
        after = {run["name"]: run for run in screen.result["runs"]}
        assert after["adam"]["kwargs"]["lr"] == 2.0
        assert after["adam"]["trajectory"] != before["adam"]["trajectory"]
        # The others were not run again: the race got the last result to take them
        # from (tests/demos/test_race_live.py shows it takes them as they were).
        assert handed == [None, result] and after["sgd"] == before["sgd"]
        assert "lr=2" in plain(screen.query_one("#demo-live"))
        assert "adam lr=2" in plain(screen.query_one("#demo-output"))  # the legend redrawn
        await pilot.press("right_square_bracket")  # pick the next optimizer
        await settled(pilot)
        assert screen.values["focus"] == "sgd"
        await pilot.press("greater_than_sign")  # sgd's momentum: 0 -> 0.1
        await settled(pilot)
        assert screen.values["momentum"] == {"sgd": 0.1}
        sgd = next(run for run in screen.result["runs"] if run["name"] == "sgd")
        assert sgd["kwargs"] == {"lr": 1e-3, "momentum": 0.1}
        assert "momentum=0.1" in plain(screen.query_one("#demo-live"))


async def test_left_and_right_step_through_the_race_and_space_plays_it(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, "optimizer-race", {"steps": 100})
        assert screen.shown_step() is None  # the whole race
        await pilot.press("left")
        await pilot.pause()
        assert screen.shown_step() == 98  # a stride of steps/50
        assert "step 98/100" in plain(screen.query_one("#demo-output"))
        await pilot.press("right", "right")
        assert screen.shown_step() == 100
        await pilot.press("space")  # from the end, play starts over
        assert screen.playing is not None and screen.shown_step() < 100
        first = screen.shown_step()
        await pilot.pause(0.3)
        assert first < screen.shown_step()
        await pilot.press("space")
        assert screen.playing is None
        paused = screen.shown_step()
        await pilot.pause(0.3)
        assert screen.shown_step() == paused


async def test_the_attention_toy_is_a_pager(make_app):
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await opened(pilot, "attention", {})
        def page() -> tuple[str, str]:
            return plain(screen.query_one("#demo-live")), plain(screen.query_one("#demo-output"))

        live, output = page()
        assert "page 1/9" in live and "0. X = embedding" in output
        assert "1. Q = XW_q" not in output  # one step a page
        await pilot.press("right")
        live, output = page()
        assert "page 2/9" in live and "1. Q = XW_q" in output and "0. X" not in output
        for _ in range(12):
            await pilot.press("right")
        assert "page 9/9" in page()[0] and "8. output" in page()[1]
        await pilot.press("left")
        assert "page 8/9" in page()[0]


async def test_the_gallery_opens_every_demo_with_its_linking_cards(make_app):
    from demos.registry import DEMOS
    from studytui.tui.screens.demo_gallery import DemoGalleryScreen

    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        gallery = app.screen
        assert isinstance(gallery, DemoGalleryScreen)
        linked = gallery.linking_cards()
        assert linked["optimizer-race"]  # the test deck's optimizer cards link the race
        for name in DEMOS:
            gallery.query_one("OptionList").highlighted = next(
                i for i in range(gallery.query_one("OptionList").option_count)
                if gallery.query_one("OptionList").get_option_at_index(i).id == name)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, DemoScreen) and app.screen.demo_name == name
            await settled(pilot)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is gallery


async def test_the_app_opens_the_requested_demo_over_home(make_app):
    app = make_app(lang="en")
    app.start_demo = ("attention", {"causal": "true"})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DemoScreen) and app.screen.values["causal"] is True
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_palette_offers_the_gallery(make_app):
    from studytui.tui.screens.demo_gallery import DemoGalleryScreen

    app = make_app(lang="ko")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"데모 모음")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DemoGalleryScreen)
