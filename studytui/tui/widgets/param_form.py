"""A form built from a demo's Param specs (demos/registry.py): one field a parameter.

The form hands back raw text (and booleans); `DemoSpec.resolve` parses and
bounds it, so the TUI and the command line accept exactly the same values.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Switch

from demos.params import DemoSpec, Param
from studytui.words import say


def as_text(param: Param, value: Any) -> str:
    """A parsed value written the way `Param.parse` reads it back."""
    if value is None:
        return ""
    if param.kind == "choices":
        return ",".join(value)
    if param.kind == "point":
        return f"{value[0]:g},{value[1]:g}"
    if param.kind == "floatmap":
        return ",".join(f"{k}={v:g}" for k, v in value.items())
    return str(value)


class ParamForm(VerticalScroll):
    DEFAULT_CSS = """
    ParamForm {
        height: 1fr;
    }
    ParamForm Label {
        width: 1fr;
        margin-top: 1;
        color: $text-muted;
    }
    ParamForm Input, ParamForm Select {
        width: 1fr;
    }
    """

    def __init__(self, spec: DemoSpec, values: dict[str, Any], lang: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = spec
        self.values = values
        self.lang = lang

    def compose(self) -> ComposeResult:
        for p in self.spec.params:
            value = self.values.get(p.name, p.default)
            yield Label(f"{p.name}: {say(f'demos.{self.spec.name}.param.{p.name}', self.lang)}",
                        markup=False)
            field_id = f"param-{p.name}"
            if p.kind == "bool":
                yield Switch(value=bool(value), id=field_id, tooltip=p.accepts())
            elif p.kind == "choice":
                yield Select(
                    [(o, o) for o in p.options],
                    value=value if value is not None else Select.NULL,
                    allow_blank=p.nullable,
                    prompt=say("demo.none", self.lang),
                    id=field_id,
                    tooltip=p.accepts(),
                )
            else:
                yield Input(
                    as_text(p, value), placeholder=p.accepts(), id=field_id, tooltip=p.accepts()
                )

    def raw_values(self) -> dict[str, Any]:
        """Name -> what the learner entered, ready for `DemoSpec.resolve`."""
        out: dict[str, Any] = {}
        for p in self.spec.params:
            widget = self.query_one(f"#param-{p.name}")
            if isinstance(widget, Switch):
                out[p.name] = widget.value
            elif isinstance(widget, Select):
                out[p.name] = "none" if widget.is_blank() else widget.value
            else:
                assert isinstance(widget, Input)
                text = widget.value.strip()
                if text:
                    out[p.name] = text
                elif p.nullable:
                    out[p.name] = "none"
        return out
