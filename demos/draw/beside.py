"""Two pictures side by side (a map and its legend), line by line: lighter
than a Rich table, which measures and re-wraps every cell on every frame."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment


class Beside:
    def __init__(self, left: RenderableType, left_width: int, right: RenderableType,
                 gap: int = 2) -> None:
        self.left, self.left_width, self.right, self.gap = left, left_width, right, gap

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        left = console.render_lines(self.left, options.update_width(self.left_width), pad=True)
        room = options.max_width - self.left_width - self.gap
        right = (console.render_lines(self.right, options.update_width(room), pad=False)
                 if room > 0 else [])
        for i in range(max(len(left), len(right))):
            yield from left[i] if i < len(left) else [Segment(" " * self.left_width)]
            if i < len(right):
                yield Segment(" " * self.gap)
                yield from right[i]
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        right = Measurement.get(console, options, self.right)
        return Measurement(self.left_width + self.gap + right.minimum,
                           self.left_width + self.gap + right.maximum)
