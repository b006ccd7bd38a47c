"""Demo screen: runs in a worker, draws its frames at the pane's size, redraws
on resize, survives a failing demo."""

from __future__ import annotations

from rich.text import Text

from studytui.tui.screens.demo import DemoPane, DemoScreen
from studytui.tui.screens.home import HomeScreen
from tests.tui.conftest import plain
from tests.tui.demo_fakes import fake_demo


class Boom(RuntimeError):
    pass


async def wait_for_worker(pilot, screen) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_a_failing_demo_shows_the_error_and_the_app_keeps_running(make_app, monkeypatch):
    def explode(name, params):
        raise Boom("tensor shapes do not match")

    fake_demo(monkeypatch, explode, lambda *a, **k: Text("never"))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_demo("attention", {})
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DemoScreen)
        await wait_for_worker(pilot, screen)
        error = plain(screen.query_one("#demo-error"))
        assert "Boom: tensor shapes do not match" in error
        assert not screen.query_one("#demo-loading").display
        assert app.is_running
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_frames_are_drawn_at_the_pane_size_ending_with_the_finished_one(
        make_app, monkeypatch):
    drawn: list[tuple] = []

    def render(name, data, lang="both", width=None, height=None, **options):
        drawn.append((data.get("step"), width, height))
        return Text(f"race at {data.get('step', 'end')} lang={lang}")

    fake_demo(monkeypatch, lambda name, params: {"params": params}, render, steps=10)
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_demo("optimizer-race", {"steps": 10, "focus": "adam"})
        await pilot.pause()
        screen = app.screen
        await wait_for_worker(pilot, screen)
        region = screen.query_one(DemoPane).scrollable_content_region
        assert drawn[-1] == (None, region.width, region.height)
        assert region.width >= 90 and region.height >= 20  # the pane, not a fixed size
        assert "race at end lang=en" in plain(screen.query_one("#demo-output"))
        assert screen.result["params"]["focus"] == "adam"


async def test_a_resize_redraws_the_picture_at_the_new_size(make_app, monkeypatch):
    sizes: list[tuple[int, int]] = []

    def render(name, data, width=None, height=None, **options):
        sizes.append((width, height))
        return Text("picture")

    fake_demo(monkeypatch, lambda name, params: {}, render)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_demo("cnn-params", {})
        await wait_for_worker(pilot, app.screen)
        before = sizes[-1]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        region = app.screen.query_one(DemoPane).scrollable_content_region
        assert sizes[-1] == (region.width, region.height)
        assert sizes[-1][0] == before[0] + 20 and sizes[-1][1] > before[1]


async def test_parameters_can_be_edited_and_the_demo_runs_again(make_app, monkeypatch):
    calls: list[dict] = []

    def fake_run(name, params):
        calls.append(params)
        return {"seen": params["d_model"]}

    fake_demo(monkeypatch, fake_run, lambda name, result, **k: Text(f"d={result['seen']}"))
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:  # wide: the form is shown
        app.open_demo("attention", {})
        await pilot.pause()
        screen = app.screen
        await wait_for_worker(pilot, screen)
        field = screen.query_one("#param-d_model")
        field.value = "16"
        await pilot.press("p", "p")  # hide and show the form again
        screen.action_run()
        await wait_for_worker(pilot, screen)
        assert [c["d_model"] for c in calls] == [8, 16]
        assert "d=16" in plain(screen.query_one("#demo-output"))
        field.value = "999"  # out of range: refused before running, shown on screen
        screen.action_run()
        await pilot.pause()
        assert len(calls) == 2
        assert "d_model" in plain(screen.query_one("#demo-error"))


async def test_d_on_a_card_with_a_demo_opens_it(make_app, monkeypatch):
    fake_demo(monkeypatch, lambda name, params: {"steps": 1}, lambda *a, **k: Text("ok"))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_card("adam")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DemoScreen)
        assert app.screen.demo_name == "optimizer-race"
        assert app.screen.values["focus"] == "adam"
        await wait_for_worker(pilot, app.screen)


async def test_the_form_follows_the_language_and_shows_no_value_once(make_app, monkeypatch):
    from textual.widgets import Label, Select

    fake_demo(monkeypatch, lambda name, params: {"x": 1}, lambda name, result, **k: Text("pic"))
    app = make_app(lang="ko")
    async with app.run_test(size=(160, 40)) as pilot:
        app.open_demo("mlp-playground", {"activation": "none"})
        await pilot.pause()
        screen = app.screen
        await wait_for_worker(pilot, screen)
        label = screen.query_one("#label-hidden", Label)
        korean = str(label.render())
        await pilot.press("l")  # ko -> en
        await pilot.pause()
        assert app.lang == "en"
        english = str(label.render())
        assert english != korean and "hidden" in english and not any(
            "가" <= ch <= "힣" for ch in english.split(":", 1)[1])
        assert "⏎" in str(screen.query_one("#demo-run").label)
        # "none" is an option of the activation: no blank "(none)" beside it.
        activation = screen.query_one("#param-activation", Select)
        assert activation.value == "none" and not activation._allow_blank


async def test_running_from_the_form_on_a_narrow_screen_gives_the_picture_back(
        make_app, monkeypatch):
    fake_demo(monkeypatch, lambda name, params: {"seen": params["d_model"]},
              lambda name, result, **k: Text(f"d={result['seen']}"))
    app = make_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_demo("attention", {})
        await pilot.pause()
        screen = app.screen
        await wait_for_worker(pilot, screen)
        await pilot.press("p")
        assert screen.query_one("#demo-side").display
        screen.query_one("#param-d_model").value = "16"
        await pilot.press("enter")
        await wait_for_worker(pilot, screen)
        assert not screen.query_one("#demo-side").display  # the picture has the room
        assert "d=16" in plain(screen.query_one("#demo-output"))
