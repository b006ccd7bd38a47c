"""A card with several demos offers each: a list to pick from (Enter opens
the highlighted one, Esc opens none); a card with one demo opens it at once."""

from __future__ import annotations

from rich.text import Text

from studytui.content.model import BiText, Card, DemoLink
from studytui.tui.screens.demo import DemoScreen
from studytui.tui.screens.demo_choice import DemoChoice, open_card_demos
from tests.tui.demo_fakes import fake_demo


def _card(*links: DemoLink) -> Card:
    return Card("receptive-field", BiText("수용 영역", "Receptive field"),
                BiText("입력 영역", "The input region"), demos=list(links))


LINKS = (DemoLink("cnn-params", {"compare": "3x3-vs-5x5"}),
         DemoLink("convolution", {"stack": "3x3,3x3"}))


async def test_several_demos_are_offered_and_the_chosen_one_opens(make_app, monkeypatch):
    fake_demo(monkeypatch, lambda name, params: {}, lambda *a, **k: Text("picture"))
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        open_card_demos(app, _card(*LINKS))
        await pilot.pause()
        assert isinstance(app.screen, DemoChoice)
        await pilot.press("down", "enter")  # the first is highlighted on opening
        await pilot.pause()
        assert isinstance(app.screen, DemoScreen)
        assert app.screen.demo_name == "convolution"
        assert app.screen.values["stack"] == "3x3,3x3"


async def test_escape_from_the_list_opens_no_demo(make_app, monkeypatch):
    fake_demo(monkeypatch, lambda name, params: {}, lambda *a, **k: Text("picture"))
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        before = type(app.screen)
        open_card_demos(app, _card(*LINKS))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen) is before


async def test_a_single_demo_opens_without_asking(make_app, monkeypatch):
    fake_demo(monkeypatch, lambda name, params: {}, lambda *a, **k: Text("picture"))
    app = make_app(lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        open_card_demos(app, _card(LINKS[1]))
        await pilot.pause()
        assert isinstance(app.screen, DemoScreen) and app.screen.demo_name == "convolution"


def test_a_links_values_read_as_the_command_line_writes_them():
    from studytui.content.model import DemoLink
    from studytui.tui.screens.demo_choice import _label

    text = _label(DemoLink("lstm", {"animate": True, "cell": "rnn"}), "en").plain
    assert "animate=true" in text and "True" not in text
