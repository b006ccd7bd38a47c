"""Keys as data: config.toml's [keys] table remaps bindings by id (Textual's
keymap); the key bar, Help and Home show the new keys; an unknown id or a
conflict is a config.toml:LINE error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studytui.config import ConfigError, load_config
from studytui.tui.keymap import binding_ids, check_keymap, screens
from studytui.tui.screens.flashcards import FlashcardScreen
from studytui.tui.screens.help import HelpScreen
from studytui.tui.widgets.footer import StudyFooter
from studytui.words import has
from tests.tui.conftest import plain

ROOT = Path(__file__).parents[2]


def config_file(tmp_path: Path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


async def test_flip_remapped_to_f_flips_and_help_and_key_bar_say_f(make_app, tmp_path):
    config = config_file(tmp_path, 'lang = "en"\n[keys]\n"cards.flip" = "f"\n')
    app = make_app(config=config, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        screen = app.screen
        assert isinstance(screen, FlashcardScreen) and not screen.flipped
        await pilot.press("space")  # no longer the flip key
        assert not screen.flipped
        await pilot.press("f")
        assert screen.flipped
        bar = screen.query_one(StudyFooter).render().plain
        assert " f Flip " in bar and "space" not in bar
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = plain(app.screen.query_one("#help-keys")).splitlines()
        flip = next(line for line in lines if "Flip" in line)
        keys = flip.split("Flip")[0].replace("/", " ").split()
        assert "f" in keys and "space" not in keys  # Enter flips too, as before


async def test_home_line_of_ways_shows_a_remapped_key(make_app, tmp_path):
    config = config_file(tmp_path, '[keys]\n"home.browse" = "o"\n')
    app = make_app(config=config, lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        ways = plain(app.screen.query_one("#ways"))
        assert "o Browse" in ways and "b Browse" not in ways
        await pilot.press("o")
        assert type(app.screen).__name__ == "BrowseScreen"


@pytest.mark.parametrize("text, line, fragment", [
    ('lang = "en"\n\n[keys]\n"cards.flip" = "f"\n"cards.flop" = "g"\n', 5,
     "'cards.flop': no key has this id"),
    ('[keys]\n"cards.flip" = "u"\n', 2, "'u' is already 'cards.undo' on FlashcardScreen"),
    ('[keys]\n"cards.flip" = "f"\n"cards.undo" = "f"\n', 3, "'f' is already"),
    ('[keys]\n"home.quiz" = "l"\n', 2, "'l' is already 'app.lang' on HomeScreen"),
    ('[keys]\n"cards.flip" = 3\n', 2, "must be a string of keys"),
    ('[keys]\n"cards.flip" = "f, ,g"\n', 2, "is not a list of keys"),
])
def test_unknown_id_or_conflict_is_a_config_line_error(tmp_path, text, line, fragment):
    with pytest.raises(ConfigError) as caught:
        check_keymap(config_file(tmp_path, text))
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'config.toml'}:{line}: ") and fragment in message
    assert "\n" not in message


def test_a_bad_keys_table_through_the_command_is_one_line_exit_2(tmp_path, monkeypatch, capsys):
    from studytui.cli import main

    (tmp_path / "cfg" / "studytui").mkdir(parents=True)
    (tmp_path / "cfg" / "studytui" / "config.toml").write_text('[keys]\n"nope" = "x"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert main(["--db", str(tmp_path / "s.db")]) == 2
    err = capsys.readouterr().err.strip()
    assert re.fullmatch(r"studytui: .*config\.toml:2: \[keys\] 'nope': no key has this id", err)


def test_keys_survive_a_save_from_settings(tmp_path):
    from studytui.config import save_config

    config = config_file(tmp_path, '[keys]\n"cards.flip" = "f"\n')
    save_config(config, tmp_path / "again.toml")
    assert load_config(tmp_path / "again.toml").keys == {"cards.flip": "f"}


def test_the_readme_keys_example_is_accepted(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```toml\n(.*?)```", readme, flags=re.S)
    config = config_file(tmp_path, example)
    check_keymap(config)
    assert config.keys["cards.flip"] == "f"


def test_every_binding_of_every_screen_has_an_id_and_words():
    from textual.binding import BindingsMap

    from studytui.tui.app import StudyApp

    ours = {base for _, cls, _ in screens() for base in cls.__mro__
            if base.__module__.startswith("studytui") and "BINDINGS" in base.__dict__}
    ours.add(StudyApp)
    for cls in ours:  # Textual's own (focus, copy) are left out of the bar and Help
        for bindings in BindingsMap(cls.__dict__["BINDINGS"]).key_to_bindings.values():
            for b in bindings:
                assert b.id, (cls.__name__, b)
    for binding_id in binding_ids():
        assert has(f"keys.{binding_id}") and has(f"keys.{binding_id}.tip"), binding_id
