"""`studytui demo list` and `studytui demo NAME [--param value ...] [--json]
[--lang ko|en|both] [--width N] [--height N]`. The flags come from the registry's Param
specs (`d_model` is `--d-model`); a bool flag alone means true and
`--no-FLAG` means false. Any bad input exits 2 with one line on stderr.
"""

from __future__ import annotations

import sys
from typing import Any

from demos.lang import LANGS
from demos.params import DemoSpec, ParamError
from demos.registry import DEMOS, get_demo

USAGE = ("usage: studytui demo list | studytui demo NAME [--param value ...] [--json] "
         "[--lang ko|en|both] [--width N] [--height N] [--tui]")
WIDTH = (40, 300)
HEIGHT = (10, 200)  # rows the picture may fill (tables follow it); default: the terminal's


class UsageError(Exception):
    pass


def _fail(message: str) -> int:
    from studytui.printable import for_terminal

    sys.stderr.write(for_terminal(f"studytui demo: {message}", one_line=True) + "\n")
    return 2


# studytui's global options, which the README lets come after `demo` too:
# `--db` and `--content` mean nothing to a demo and are dropped; `--lang` is
# the demo's own option as well and is kept.
_GLOBAL_WITH_VALUE = ("--db", "--content")


def split_command(args: list[str], lang: str | None = None) -> tuple[str | None, list[str]]:
    """(the demo's name, or `list`; the other arguments), wherever the name
    stands among the options: `demo --db X list`, `demo list --lang en`."""
    name: str | None = None
    rest: list[str] = [] if lang is None else ["--lang", lang]
    i = 0
    while i < len(args):
        arg = args[i]
        flag, eq, _ = arg.partition("=")
        i += 1
        if flag in _GLOBAL_WITH_VALUE:
            i += 0 if eq else 1
        elif name is None and not arg.startswith("-"):
            name = arg
        elif name is None and flag in ("--lang", "--width") and not eq:
            rest += [arg, *args[i:i + 1]]
            i += 1
        else:
            rest.append(arg)
    return name, rest


def parse_args(spec: DemoSpec, args: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(demo parameters as given, options json/lang/width/help)."""
    flags = {p.flag: p for p in spec.params}
    options: dict[str, Any] = {"json": False, "lang": "both", "width": None, "height": None,
                               "help": False}
    given: dict[str, Any] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        flag, eq, inline = arg.partition("=")
        if flag in ("-h", "--help"):
            options["help"] = True
            continue
        if flag == "--json":
            options["json"] = True
            continue
        takes_value = flag in ("--lang", "--width", "--height") or (
            flag in flags and flags[flag].kind != "bool")
        if flag.startswith("--no-") and "--" + flag[5:] in flags and not eq:
            param = flags["--" + flag[5:]]
            if param.kind == "bool":
                given[param.name] = False
                continue
        if flag in flags and flags[flag].kind == "bool" and eq:  # --causal=true
            given[flags[flag].name] = inline
            continue
        if flag in flags and flags[flag].kind == "bool" and not eq:
            nxt = args[i].lower() if i < len(args) else ""
            if nxt in ("true", "false", "yes", "no", "on", "off", "1", "0"):
                given[flags[flag].name] = nxt
                i += 1
            else:
                given[flags[flag].name] = True
            continue
        if not takes_value:
            raise UsageError(f"{spec.name}: unknown option {arg!r}; valid: "
                             + ", ".join([*flags, "--json", "--lang", "--width", "--height"]))
        if eq:
            value = inline
        elif i < len(args):
            value = args[i]
            i += 1
        else:
            raise UsageError(f"{flag} needs a value")
        if flag == "--lang":
            if value not in LANGS:
                raise UsageError(f"lang: unknown value {value!r}: one of {', '.join(LANGS)}")
            options["lang"] = value
        elif flag == "--width":
            # ASCII digits, few of them: int() refuses '²' and 4,301 digits.
            plain = value.isascii() and value.isdigit() and len(value) <= 4
            if not plain or not WIDTH[0] <= int(value) <= WIDTH[1]:
                raise UsageError(f"width: {value!r} is not valid: a number from "
                                 f"{WIDTH[0]} to {WIDTH[1]}")
            options["width"] = int(value)
        elif flag == "--height":
            if not value.isdigit() or not HEIGHT[0] <= int(value) <= HEIGHT[1]:
                raise UsageError(f"height: {value!r} is not valid: a number from "
                                 f"{HEIGHT[0]} to {HEIGHT[1]}")
            options["height"] = int(value)
        else:
            given[flags[flag].name] = value
    return given, options


def _console(width: int | None):
    from rich.console import Console

    return Console(width=width, highlight=False)


def print_picture(name: str, result: dict[str, Any], options: dict[str, Any]) -> None:
    """The finished frame drawn in --width x --height (default: the terminal's
    size), without colour when the output has none (NO_COLOR, a pipe)."""
    import shutil

    from demos.runner import render_demo

    columns, lines = shutil.get_terminal_size()
    width, height = options["width"] or columns, options["height"] or lines
    console = _console(width)
    color = console.color_system is not None and not console.no_color
    console.print(render_demo(name, result, lang=options["lang"], width=width, height=height,
                              color=color))


def list_demos(lang: str, width: int | None) -> int:
    from rich.table import Table

    from studytui.words import pick, say

    table = Table(title=say("demos.cli.demos", lang))
    table.add_column(say("demos.cli.name", lang), no_wrap=True)
    table.add_column(say("demos.cli.lecture", lang), justify="right")
    # Fold, never crop with an ellipsis: a Korean word cut short reads as a typo.
    table.add_column(say("demos.cli.title", lang), overflow="fold")
    table.add_column(say("demos.cli.parameters", lang), overflow="fold")
    for spec in sorted(DEMOS.values(), key=lambda spec: spec.lecture):
        table.add_row(spec.name, ", ".join(map(str, spec.lectures)),
                      pick(lang, spec.title_ko, spec.title_en),
                      " ".join(p.flag for p in spec.params))
    _console(width).print(table)
    return 0


def demo_help(spec: DemoSpec, width: int | None, lang: str = "both") -> int:
    from rich.markup import escape
    from rich.table import Table

    from studytui.words import pick, say

    title = (f"{spec.name}: {pick(lang, spec.title_ko, spec.title_en)} "
             f"({spec.summary_in(lang)})")
    table = Table(title=escape(title), title_justify="left")
    table.add_column(say("demos.help.flag", lang), no_wrap=True)
    table.add_column(say("demos.help.default", lang), overflow="fold")
    table.add_column(say("demos.help.accepts", lang), overflow="fold")
    table.add_column(say("demos.help.help", lang), overflow="fold")
    for p in spec.params:
        typed = p.typed(p.default)  # as the learner would type it: none, false, adam,sgd
        table.add_row(p.flag, escape(typed) if typed else say("demo.none", lang),
                      escape(p.accepts(lang)), escape(spec.help_of(p, lang)))
    _console(width).print(table)
    return 0


def list_json() -> int:
    import json

    demos = [
        {"name": spec.name, "lecture": spec.lecture,
         "lectures": list(spec.lectures), "title": {"ko": spec.title_ko,
         "en": spec.title_en}, "summary": spec.summary_en,
         "parameters": [{"name": p.name, "flag": p.flag, "kind": p.kind,
                         "default": list(p.default) if isinstance(p.default, tuple)
                         else p.default, "accepts": p.accepts(), "help": p.help}
                        for p in spec.params]}
        for spec in DEMOS.values()
    ]
    from studytui.printable import holds_korean

    ascii_only = not holds_korean(sys.stdout)
    sys.stdout.write(json.dumps(demos, indent=2, ensure_ascii=ascii_only) + "\n")
    return 0


def tui_target(argv: list[str], lang: str | None = None) -> tuple[str, dict[str, Any]]:
    """(the demo, its parameters as given) of `demo NAME --tui [--param value ...]`,
    checked before the TUI takes the terminal; UsageError or ParamError."""
    name, rest = split_command([a for a in argv if a != "--tui"], lang)
    if name is None or name == "list":
        raise UsageError("--tui needs a demo's name: " + USAGE)
    spec = get_demo(name)
    given, _options = parse_args(spec, rest)
    spec.resolve(given)
    return name, given


def error_text(error: Exception, lang: str | None) -> str:
    """A refused value in the learner's language (English without one)."""
    if isinstance(error, ParamError) and lang is not None:
        return error.say(lang)
    return str(error)


def main(argv: list[str], lang: str | None = None) -> int:
    """`lang`: the global --lang given before `demo`, a default the demo's own
    --lang overrides."""
    args = list(argv)
    if args and args[0] == "demo":  # tolerate being handed the whole command line
        args = args[1:]
    name, rest = split_command(args, lang)
    if name is None:
        if any(a in ("-h", "--help") for a in rest):
            print(USAGE)
            return 0
        return _fail("name a demo, or `list`: " + USAGE)
    options: dict[str, Any] = {}
    try:
        if name == "list":
            _, options = parse_args(DemoSpec("list", "", "", 0, "", "", ""), rest)
            if options["json"]:
                return list_json()
            return list_demos(options["lang"], options["width"])
        spec = get_demo(name)
        given, options = parse_args(spec, rest)
        if options["help"]:
            return demo_help(spec, options["width"], options["lang"])
        from demos.runner import run_demo, to_json

        result = run_demo(name, given)
    except (ParamError, UsageError) as error:
        return _fail(error_text(error, options.get("lang", lang)))
    if options["json"]:
        sys.stdout.write(to_json(result) + "\n")
    else:
        print_picture(name, result, options)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
