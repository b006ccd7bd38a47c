"""Demo parameters: their kinds, bounds and parsing. No torch here.

One `Param` parses a value written in a lecture file (already typed by YAML)
or typed on the command line (always a string) into the one form the demo's
compute function receives. Every parameter is bounded, so no input can make a
demo exhaust memory or run for minutes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from studytui.printable import shorten_digits
from studytui.words import BOTH_SEP, has, pick, say

Kind = Literal["int", "float", "bool", "str", "choice", "choices", "point", "floatmap"]


class ParamError(ValueError):
    """A parameter value that does not fit its `Param`. The message names the
    parameter and what it accepts, so it can be shown as it is."""

    def __init__(self, param: str, message: str, ko: str | None = None):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.detail = message
        self.detail_ko = ko  # None: the message has no Korean yet (English is shown)

    def say(self, lang: str, sep: str = BOTH_SEP) -> str:
        """The message in the learner's language, naming the parameter."""
        return pick(lang, f"{self.param}: {self.detail_ko or self.detail}", str(self), sep)


def _error(p: Param, key: str, **values: object) -> ParamError:
    """ParamError in both languages from the catalogue entry `demo_params.<key>`,
    whose `{accepts}` is the parameter's `accepts()` in that language."""
    ko, en = (say(f"demo_params.{key}", lang, accepts=p.accepts(lang), **values)
              for lang in ("ko", "en"))
    return ParamError(p.name, en, ko)


@dataclass(frozen=True)
class Param:
    name: str
    kind: Kind
    default: Any
    help: str
    low: float | None = None  # int/float bounds, inclusive; str: max length is `high`
    high: float | None = None
    options: tuple[str, ...] = ()  # for choice, choices, and floatmap keys
    nullable: bool = False  # None ("none" on the command line) is a valid value
    # The help in Korean, for a demo whose words are not in the catalogue
    # (`demos.<demo>.param.<name>` there wins; see DemoSpec.help_of).
    help_ko: str = ""

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    def accepts(self, lang: str = "en") -> str:
        """A short statement of the valid values, for error messages and help."""
        if self.kind in ("int", "float", "point"):
            return say(f"demo_params.accepts.{'point' if self.kind == 'point' else 'number'}",
                       lang, low=_num(self.low), high=_num(self.high))
        if self.kind == "str":
            return say("demo_params.accepts.str", lang, n=int(self.high or 0))
        if self.kind == "floatmap":
            return say("demo_params.accepts.floatmap", lang, names=", ".join(self.options),
                       low=_num(self.low), high=_num(self.high))
        return say(f"demo_params.accepts.{self.kind}", lang, options=", ".join(self.options))

    def typed(self, value: Any) -> str:
        """`value` written as a learner would type it (`parse` reads it back):
        `none`, `true`, `adam,sgd`, `1.5,-2`, `adam=0.05`, never `{}` or `None`."""
        if value is None:
            return "none"
        if self.kind == "bool":
            return "true" if value else "false"
        if self.kind == "choices":
            return ",".join(value)
        if self.kind == "point":
            return f"{value[0]:g},{value[1]:g}"
        if self.kind == "floatmap":
            return ",".join(f"{k}={v:g}" for k, v in value.items())
        return str(value)

    def parse(self, value: Any) -> Any:
        """`value` as this parameter's canonical form, or ParamError."""
        if value is None or (isinstance(value, str) and value.strip().lower() == "none"):
            if self.nullable:
                return None
            raise _error(self, "required")
        try:
            return _PARSERS[self.kind](self, value)
        except ParamError:
            raise
        except (TypeError, ValueError, OverflowError):
            shown = shorten_digits(repr(value))  # `--steps 9999…(4301 digits)`
            raise _error(self, "invalid", shown=shown) from None


def _num(x: float | None) -> str:
    return "?" if x is None else (str(int(x)) if float(x).is_integer() else str(x))


def _bounded(p: Param, x: float) -> float:
    if (
        not math.isfinite(x)
        or (p.low is not None and x < p.low)
        or (p.high is not None and x > p.high)
    ):
        raise _error(p, "out_of_range", shown=_num(x) if math.isfinite(x) else x)
    return x


def _parse_int(p: Param, v: Any) -> int:
    if isinstance(v, bool) or isinstance(v, float) and not v.is_integer():
        raise ValueError(v)
    n = int(v.strip()) if isinstance(v, str) else int(v)
    return int(_bounded(p, n))


def _parse_float(p: Param, v: Any) -> float:
    if isinstance(v, bool):
        raise ValueError(v)
    return _bounded(p, float(v.strip() if isinstance(v, str) else v))


_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def _parse_bool(p: Param, v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.strip().lower() in _TRUE | _FALSE:
        return v.strip().lower() in _TRUE
    raise ValueError(v)


def _parse_str(p: Param, v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError(v)
    if p.high is not None and len(v) > p.high:
        raise _error(p, "too_long", n=len(v))
    return v


def _parse_choice(p: Param, v: Any) -> str:
    if not isinstance(v, str) or v.strip().lower() not in p.options:
        raise _error(p, "unknown_value", shown=repr(v))
    return v.strip().lower()


def _items(v: Any) -> list[Any]:
    if isinstance(v, str):
        return [part.strip() for part in v.split(",") if part.strip()]
    if isinstance(v, Sequence):
        return list(v)
    raise ValueError(v)


def _parse_choices(p: Param, v: Any) -> tuple[str, ...]:
    names = [_parse_choice(p, item) for item in _items(v)]
    if not names:
        raise _error(p, "empty")
    # Keep the author's order, drop repeats.
    return tuple(dict.fromkeys(names))


def _parse_point(p: Param, v: Any) -> tuple[float, float]:
    parts = _items(v)
    if len(parts) != 2:
        raise ValueError(v)
    x, y = (_parse_float(p, part) for part in parts)
    return (x, y)


def _parse_floatmap(p: Param, v: Any) -> dict[str, float]:
    if isinstance(v, dict):
        pairs = list(v.items())
    else:
        pairs = []
        for item in _items(v):
            if not isinstance(item, str) or "=" not in item:
                raise ValueError(v)
            key, _, num = item.partition("=")
            pairs.append((key, num))
    out: dict[str, float] = {}
    for key, num in pairs:
        name = _parse_choice(p, key)
        out[name] = _parse_float(p, num)
    return out


_PARSERS = {
    "int": _parse_int,
    "float": _parse_float,
    "bool": _parse_bool,
    "str": _parse_str,
    "choice": _parse_choice,
    "choices": _parse_choices,
    "point": _parse_point,
    "floatmap": _parse_floatmap,
}


@dataclass(frozen=True)
class DemoSpec:
    """A registered demo: what it is called, what it teaches, what it takes.

    `compute` and `render` are "module:function" paths, imported only when the
    demo runs, so reading the registry never imports torch.
    """

    name: str
    title_ko: str
    title_en: str
    lecture: int
    summary_en: str
    compute: str
    render: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    # Rules that tie parameters together (d_model divisible by heads, say);
    # raises ParamError. Pure Python, so content validation can run it.
    check: Callable[[dict[str, Any]], None] | None = None
    # Further lectures whose ideas the demo shows (convolution: 4, and 6's
    # transposed convolution); `lectures` lists them all.
    also: tuple[int, ...] = ()

    @property
    def lectures(self) -> tuple[int, ...]:
        return (self.lecture, *self.also)
    # "module:NAME" of the demo's demos.live.Live (no torch): what the screen
    # may turn live (knobs, a subject to pick) and step through (steps, pages).
    live: str | None = None

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        valid = ", ".join(p.name for p in self.params)
        ko, en = (say("demo_params.unknown_param", lang, demo=self.name, valid=valid)
                  for lang in ("ko", "en"))
        raise ParamError(name, en, ko)

    def summary_in(self, lang: str) -> str:
        """What the demo does, in the learner's language (English when the
        catalogue has no `demos.<name>.summary` yet)."""
        key = f"demos.{self.name}.summary"
        return say(key, lang) if has(key) else self.summary_en

    def help_of(self, p: Param, lang: str) -> str:
        """What parameter `p` means, in the learner's language."""
        key = f"demos.{self.name}.param.{p.name}"
        return say(key, lang) if has(key) else pick(lang, p.help_ko or p.help, p.help)

    def resolve(self, given: dict[str, Any]) -> dict[str, Any]:
        """Every parameter's value: `given` parsed, the rest at their defaults."""
        values = {p.name: p.default for p in self.params}
        for name, value in given.items():
            param = self.param(name.replace("-", "_"))
            values[param.name] = param.parse(value)
        if self.check is not None:
            self.check(values)
        return values
