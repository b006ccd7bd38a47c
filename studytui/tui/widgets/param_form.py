"""A form built from a demo's Param specs (demos/registry.py): one field a parameter.

The form hands back raw text (and booleans); `DemoSpec.resolve` parses and
bounds it, so the TUI and the command line accept exactly the same values.
Labels, help and what a field accepts are in the learner's language; values
are written as a learner types them (`Param.typed`), an absent one as an
empty field whose placeholder says so.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Switch

from demos.params import DemoSpec, Param
from studytui.words import say


def as_text(param: Param, value: Any) -> str:
    """A value as the field shows it: typed as on the command line; none is empty."""
    return "" if value is None else param.typed(value)


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
        lang = self.lang
        for p in self.spec.params:
            value = self.values.get(p.name, p.default)
            yield Label(self._label(p, lang), markup=False, id=f"label-{p.name}")
            field_id = f"param-{p.name}"
            accepts = p.accepts(lang)
            if p.kind == "bool":
                yield Switch(value=bool(value), id=field_id, tooltip=accepts)
            elif p.kind == "choice":
                yield Select(
                    [(o, o) for o in p.options],
                    value=_choice(p, value),
                    allow_blank=_blank_allowed(p),
                    prompt=say("demo.none", lang),
                    id=field_id,
                    tooltip=accepts,
                )
            else:
                yield Input(as_text(p, value), placeholder=self._placeholder(p, lang),
                            id=field_id, tooltip=accepts)

    def _label(self, p: Param, lang: str) -> str:
        return f"{p.name}: {self.spec.help_of(p, lang)}"

    def _placeholder(self, p: Param, lang: str) -> str:
        empty = say("demo.empty_means", lang) if p.nullable or p.kind == "floatmap" else ""
        return f"{empty}{p.accepts(lang)}"

    def relabel(self, lang: str) -> None:
        """The form's words in `lang` (the learner pressed l); what is typed stays."""
        self.lang = lang
        for p in self.spec.params:
            self.query_one(f"#label-{p.name}", Label).update(self._label(p, lang))
            field = self.query_one(f"#param-{p.name}")
            field.tooltip = p.accepts(lang)
            if isinstance(field, Input):
                field.placeholder = self._placeholder(p, lang)

    def focus_first(self) -> None:
        fields = list(self.query("Input, Select, Switch"))
        if fields:
            fields[0].focus()

    def show_values(self, values: dict[str, Any]) -> None:
        """The fields set to `values` (a knob turned outside the form)."""
        for p in self.spec.params:
            widget = self.query_one(f"#param-{p.name}")
            value = values.get(p.name, p.default)
            if isinstance(widget, Switch):
                widget.value = bool(value)
            elif isinstance(widget, Select):
                widget.value = _choice(p, value)
            elif isinstance(widget, Input):
                widget.value = as_text(p, value)

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


def _blank_allowed(p: Param) -> bool:
    # A choice whose options name "none" (the MLP's activation) shows that option
    # for no value: a blank "(none)" beside "none" would say it twice.
    return p.nullable and "none" not in p.options


def _choice(p: Param, value: Any) -> Any:
    if value is not None:
        return value
    return "none" if "none" in p.options else Select.NULL
