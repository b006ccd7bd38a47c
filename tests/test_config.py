"""The config file: defaults, round trip, and one-line `path:line: message` errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studytui.config import Config, ConfigError, load_config, save_config


def test_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "nope.toml")
    assert config == Config(desired_retention=0.9, new_per_day=20, lang="both")


def test_saved_config_loads_back_equal(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    config = Config(desired_retention=0.85, new_per_day=7, lang="ko")
    save_config(config, path)
    assert load_config(path) == config


def test_partial_file_keeps_defaults_for_missing_keys(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("new_per_day = 5\n", encoding="utf-8")
    assert load_config(path) == Config(new_per_day=5)


def test_integer_retention_is_read_as_float(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("desired_retention = 0.95\nnew_per_day = 0\n", encoding="utf-8")
    config = load_config(path)
    assert config.desired_retention == 0.95 and config.new_per_day == 0


def test_invalid_toml_names_path_and_line(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('lang = "ko"\nnew_per_day = = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(f"{path}:2: not valid TOML")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("lang = 'ko'\ndesired_retention = 1.5\n", 2, "from 0.7 to 0.99"),
        ("desired_retention = 0.5\n", 1, "from 0.7 to 0.99"),
        ("\n\nnew_per_day = -1\n", 3, "from 0 to 9999"),
        ("new_per_day = '20'\n", 1, "whole number"),
        ("new_per_day = 2.5\n", 1, "whole number"),
        ("desired_retention = true\n", 1, "a number"),
        ("lang = 'fr'\n", 1, '"ko", "en", "both"'),
        ("new_per_day = 3\ncolour = 'red'\n", 2, "unknown setting 'colour'"),
    ],
)
def test_bad_value_is_reported_at_its_line(tmp_path: Path, text: str, line: int,
                                           words: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert words in str(err.value)


def test_config_constructor_rejects_out_of_range_values() -> None:
    with pytest.raises(ValueError, match="desired_retention"):
        Config(desired_retention=0.2)
    with pytest.raises(ValueError, match="lang"):
        Config(lang="de")


def test_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(Config(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]


def test_a_config_error_reaches_a_korean_learner_in_korean(tmp_path: Path) -> None:
    """`studytui --lang ko` with a bad setting: the line says where, in Korean."""
    import subprocess
    import sys

    folder = tmp_path / "cfg" / "studytui"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text("new_per_day = 100000\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "studytui", "--lang", "ko", "--db",
                          str(tmp_path / "s.db"), "stats"], capture_output=True, text=True,
                         env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert out.returncode == 2
    assert out.stderr.strip() == (f"studytui: {folder / 'config.toml'}:1: new_per_day 값은 "
                                  "0부터 9999까지여야 합니다(지금은 100000)")
