"""Demo screen: runs in a worker, shows the output, animates, survives a failing demo."""

from __future__ import annotations

from rich.text import Text

import demos.runner
from studytui.tui.screens.demo import DemoScreen
from studytui.tui.screens.home import HomeScreen
from tests.tui.conftest import plain


class Boom(RuntimeError):
    pass


async def wait_for_worker(pilot, screen) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_a_failing_demo_shows_the_error_and_the_app_keeps_running(make_app, monkeypatch):
    def explode(name, params):
        raise Boom("tensor shapes do not match")

    monkeypatch.setattr(demos.runner, "run_demo", explode)
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


async def test_a_demo_shows_its_rendered_output_and_animates_step_by_step(
        make_app, monkeypatch):
    steps_drawn: list[int | None] = []

    def fake_run(name, params):
        return {"steps": 10, "params": params}

    def fake_render(name, result, lang="both", step=None):
        steps_drawn.append(step)
        return Text(f"race at step {step if step is not None else 'end'} lang={lang}")

    monkeypatch.setattr(demos.runner, "run_demo", fake_run)
    monkeypatch.setattr(demos.runner, "render_demo", fake_render)
    monkeypatch.setattr(demos.runner, "animation_steps", lambda name, result: result["steps"])
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_demo("optimizer-race", {"steps": 10, "focus": "adam"})
        await pilot.pause()
        screen = app.screen
        await wait_for_worker(pilot, screen)
        assert steps_drawn[-1] is None and steps_drawn[:3] == [1, 2, 3]
        assert "race at step end lang=en" in plain(screen.query_one("#demo-output"))
        assert screen.result["params"]["focus"] == "adam"


async def test_parameters_can_be_edited_and_the_demo_runs_again(make_app, monkeypatch):
    calls: list[dict] = []

    def fake_run(name, params):
        calls.append(params)
        return {"seen": params["d_model"]}

    monkeypatch.setattr(demos.runner, "run_demo", fake_run)
    monkeypatch.setattr(demos.runner, "render_demo",
                        lambda name, result, lang="both", step=None: Text(f"d={result['seen']}"))
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
    monkeypatch.setattr(demos.runner, "run_demo", lambda name, params: {"steps": 1})
    monkeypatch.setattr(demos.runner, "render_demo",
                        lambda name, result, lang="both", step=None: Text("ok"))
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
