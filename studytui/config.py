"""The learner's settings: a small TOML file in the user config directory.

Only three keys exist. A bad file is reported as `path:line: message` so the
learner can fix it in an editor; a missing file means the defaults.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from studytui.errors import UserError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

LANG_CHOICES = ("ko", "en", "both")
RETENTION_RANGE = (0.70, 0.99)
NEW_PER_DAY_RANGE = (0, 9999)


class ConfigError(UserError):
    """A config file that cannot be used; the message is one line: path:line: why."""


@dataclass(frozen=True)
class Config:
    desired_retention: float = 0.9
    new_per_day: int = 20
    lang: str = "both"

    def __post_init__(self) -> None:
        # Constructing a Config in code gets the same checks as reading one.
        for name in ("desired_retention", "new_per_day", "lang"):
            problem = _value_problem(name, getattr(self, name))
            if problem:
                raise ValueError(f"{name}: {problem}")


def config_path() -> Path:
    """The default config file (platformdirs user config dir), as `studytui.paths` says."""
    from studytui.paths import default_config_path

    return default_config_path()


def _value_problem(name: str, value: Any) -> str | None:
    if name == "desired_retention":
        lo, hi = RETENTION_RANGE
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"must be a number from {lo} to {hi}"
        if not lo <= value <= hi:
            return f"must be from {lo} to {hi}, not {value}"
    elif name == "new_per_day":
        lo, hi = NEW_PER_DAY_RANGE
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be a whole number from {lo} to {hi}"
        if not lo <= value <= hi:
            return f"must be from {lo} to {hi}, not {value}"
    elif name == "lang":
        if value not in LANG_CHOICES:
            return "must be one of " + ", ".join(f'"{c}"' for c in LANG_CHOICES)
    return None


def _line_of(text: str, key: str) -> int:
    """The line on which `key` is assigned (1 when not found), for error messages."""
    pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def load_config(path: Path | None = None) -> Config:
    """The config at `path` (default: `config_path()`); defaults when it does not exist."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}:1: cannot read the config file ({exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        where = line.group(1) if line else "1"
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(f"{path}:{where}: not valid TOML: {reason}") from None
    known = {f.name for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(
                f"{path}:{_line_of(text, key)}: unknown setting '{key}' "
                f"(known: {', '.join(sorted(known))})"
            )
        problem = _value_problem(key, value)
        if problem:
            raise ConfigError(f"{path}:{_line_of(text, key)}: {key} {problem}")
        values[key] = float(value) if key == "desired_retention" else value
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
    )
    from studytui.paths import private_dirs, private_file

    private_dirs(path.parent)  # the learner's settings: 0700 folders, a 0600 file
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    private_file(tmp)
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
