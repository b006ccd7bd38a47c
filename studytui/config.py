"""The learner's settings: a small TOML file in the user config directory.

Three settings and a `[keys]` table (binding id -> keys, checked against
the screens' bindings by studytui.tui.keymap). A bad file is reported as `path:line: message` so the
learner can fix it in an editor; a missing file means the defaults.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studytui.errors import Said, UserError
from studytui.files import UnreadableFile, read_regular

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

LANG_CHOICES = ("ko", "en", "both")
RETENTION_RANGE = (0.70, 0.99)
NEW_PER_DAY_RANGE = (0, 9999)
MAX_CONFIG_BYTES = 64 * 1024  # three settings fit in a hundred bytes
SETTINGS = ("desired_retention", "new_per_day", "lang", "generated_questions", "directions")
# Directions studied besides forward (studytui.study.directions.CHOICES).
DIRECTION_CHOICES = ("reverse", "cross")
KEYS_TABLE = "keys"


class ConfigError(UserError):
    """A config file that cannot be used; the message is one line: path:line: why."""


@dataclass(frozen=True)
class Config:
    desired_retention: float = 0.9
    new_per_day: int = 20
    lang: str = "both"
    # quizzes add generated term/definition questions after the hand-written ones
    generated_questions: bool = True
    directions: tuple[str, ...] = ()
    # binding id -> keys ("f" or "f,space"), as written in the [keys] table
    keys: dict[str, str] = field(default_factory=dict)
    # Where the file said it, for the keymap check's path:line errors.
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    source: Path | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Constructing a Config in code gets the same checks as reading one.
        for name in SETTINGS:
            problem = _value_problem(name, getattr(self, name))
            if problem:
                raise ValueError(f"{name}: {problem}")


def config_path() -> Path:
    """The default config file (platformdirs user config dir), as `studytui.paths` says."""
    from studytui.paths import default_config_path

    return default_config_path()


def _value_problem(name: str, value: Any) -> Said | None:
    if name == "desired_retention":
        lo, hi = RETENTION_RANGE
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return Said("config.number", lo=lo, hi=hi)
        if not lo <= value <= hi:
            return Said("config.range", lo=lo, hi=hi, value=value)
    elif name == "new_per_day":
        lo, hi = NEW_PER_DAY_RANGE
        if isinstance(value, bool) or not isinstance(value, int):
            return Said("config.whole_number", lo=lo, hi=hi)
        if not lo <= value <= hi:
            return Said("config.range", lo=lo, hi=hi, value=value)
    elif name == "generated_questions":
        if not isinstance(value, bool):
            return Said("config.true_false")
    elif name == "directions":
        if (not isinstance(value, (list, tuple)) or len(set(value)) != len(value)
                or not all(v in DIRECTION_CHOICES for v in value)):
            return Said("config.list_of", choices=", ".join(f'"{c}"' for c in DIRECTION_CHOICES))
    elif name == "lang":
        if value not in LANG_CHOICES:
            return Said("config.one_of", choices=", ".join(f'"{c}"' for c in LANG_CHOICES))
    return None


def _line_of(text: str, key: str) -> int:
    """The line on which `key` is assigned (1 when not found), for error messages."""
    pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _keys_problem(value: Any) -> Said | None:
    """Why a [keys] value is not keys: a string of key names, commas between."""
    if isinstance(value, dict):  # "cards.flip" unquoted is a table cards with a key flip
        return Said("config.keys_quotes")
    if not isinstance(value, str):
        return Said("config.keys_string")
    if not all(part.strip() and " " not in part.strip() for part in value.split(",")):
        return Said("config.keys_list", value=repr(value))
    return None


def _read_keys(text: str, path: Path, table: Any) -> tuple[dict[str, str], dict[str, int]]:
    start = re.search(rf"^[ \t]*\[[ \t]*{KEYS_TABLE}[ \t]*\]", text, re.MULTILINE)
    offset = start.start() if start else 0
    table_line = text.count("\n", 0, offset) + 1
    if not isinstance(table, dict):
        raise ConfigError(Said("config.keys_table", where=f"{path}:{_line_of(text, KEYS_TABLE)}"))
    keys: dict[str, str] = {}
    lines: dict[str, int] = {}
    for binding_id, value in table.items():
        found = re.compile(rf"""^[ \t]*["']?{re.escape(binding_id)}["']?[ \t]*=""",
                           re.MULTILINE).search(text, offset)
        lines[binding_id] = text.count("\n", 0, found.start()) + 1 if found else table_line
        problem = _keys_problem(value)
        if problem:
            raise ConfigError(Said("config.bad_key", where=f"{path}:{lines[binding_id]}",
                                   id=repr(binding_id), problem=problem))
        keys[binding_id] = ",".join(part.strip() for part in value.split(","))
    return keys, lines


def load_config(path: Path | None = None) -> Config:
    """The config at `path` (default: `config_path()`); defaults when it does not exist."""
    path = path or config_path()
    try:
        # A BOM is accepted, as in lecture files (Windows editors write one).
        text = read_regular(path, MAX_CONFIG_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        return Config()
    except UnreadableFile as exc:
        raise ConfigError(Said("config.unreadable", where=path, reason=exc.reason)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(Said("config.not_utf8", where=path, byte=exc.start)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        where = line.group(1) if line else "1"
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(Said("config.not_toml", where=f"{path}:{where}", reason=reason)) from None
    except ValueError:  # tomllib lets Python's 4,300-digit limit through
        raise ConfigError(Said("config.long_number", where=path)) from None
    known = set(SETTINGS)
    values: dict[str, Any] = {"source": path}
    for key, value in data.items():
        if key == KEYS_TABLE:
            values["keys"], values["key_lines"] = _read_keys(text, path, value)
            continue
        if key not in known:
            raise ConfigError(Said("config.unknown", where=f"{path}:{_line_of(text, key)}", key=key,
                                   known=", ".join(sorted([*known, f"[{KEYS_TABLE}]"]))))
        problem = _value_problem(key, value)
        if problem:
            raise ConfigError(Said("config.bad_value", where=f"{path}:{_line_of(text, key)}",
                                   key=key, problem=problem))
        values[key] = (float(value) if key == "desired_retention"
                       else tuple(value) if key == "directions" else value)
    return Config(**values)


def save_config(config: Config, path: Path | None = None) -> Path:
    """Write `config` as TOML (atomically: a crash never leaves half a file)."""
    path = path or config_path()
    text = (
        "# studytui settings\n"
        "# share of cards you want to recall when they come due (0.70-0.99)\n"
        f"desired_retention = {config.desired_retention!r}\n"
        "# new cards introduced per day (0-9999)\n"
        f"new_per_day = {config.new_per_day}\n"
        '# language of the cards: "ko", "en" or "both"\n'
        f'lang = "{config.lang}"\n'
        "# quizzes add generated term/definition questions after the hand-written ones\n"
        f"generated_questions = {'true' if config.generated_questions else 'false'}\n"
    )
    if config.directions:
        text += ('# directions studied besides term -> definition: "reverse", "cross"\n'
                 f"directions = {json.dumps(list(config.directions))}\n")
    if config.keys:  # the learner's own keys survive a save from the Settings screen
        text += "\n# binding id = keys (see the README)\n[keys]\n" + "".join(
            f"{json.dumps(binding_id)} = {json.dumps(keys)}\n"
            for binding_id, keys in config.keys.items())
    from studytui.paths import private_dirs, private_file

    private_dirs(path.parent)  # the learner's settings: 0700 folders, a 0600 file
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    private_file(tmp)
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
