"""config.toml's `directions`: the directions studied besides term -> definition."""

from __future__ import annotations

import pytest

from studytui.config import Config, ConfigError, load_config, save_config


def test_directions_survive_a_save_and_a_load(tmp_path):
    path = save_config(Config(directions=("reverse", "cross")), tmp_path / "config.toml")
    assert load_config(path).directions == ("reverse", "cross")


def test_no_directions_writes_no_line(tmp_path):
    path = save_config(Config(), tmp_path / "config.toml")
    assert "directions" not in path.read_text()
    assert load_config(path).directions == ()


@pytest.mark.parametrize("value", ['["sideways"]', '"reverse"', '["cross", "cross"]'])
def test_a_bad_directions_value_is_one_line_with_its_place(tmp_path, value):
    path = tmp_path / "config.toml"
    path.write_text(f'lang = "en"\ndirections = {value}\n')
    with pytest.raises(ConfigError, match=r"config\.toml:2: directions must be a list of"):
        load_config(path)
