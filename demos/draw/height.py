"""How many lines a renderable takes at a width: for pictures that share
their height with text and tables above them and take the rest."""

from __future__ import annotations

from rich.console import RenderableType

from demos.draw.fit import _console


def height_of(renderables: list[RenderableType], width: int) -> int:
    console = _console(width)
    options = console.options.update_width(width)
    return sum(len(console.render_lines(r, options, pad=False)) for r in renderables)
