"""A legend whose entries flow whole onto lines: an entry never breaks in
the middle; it moves to the next line when it does not fit. Only an entry
wider than the whole width folds (the picture's minimum size prevents that).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

GAP = 3  # columns between entries on one line


class Legend:
    def __init__(self, entries: list[Text], stacked: bool = False,
                 notes: list[Text] | None = None) -> None:
        # Notes (a scale's caption) come last and may fold; they never set the width.
        self.entries, self.notes = entries, notes or []
        # One entry a line (beside a picture) or flowing (under it). Not called
        # `vertical`: Rich reads that attribute as a table cell's alignment.
        self.stacked = stacked

    def flow(self, width: int) -> list[Text]:
        """The entries laid out in lines of at most `width` cells."""
        if self.stacked:
            return [entry.copy() for entry in self.entries + self.notes]
        lines: list[Text] = []
        line = Text()
        for entry in self.entries + self.notes:
            need = entry.cell_len + (GAP if line.cell_len else 0)
            if line.cell_len and line.cell_len + need > width:
                lines.append(line)
                line = Text()
            if line.cell_len:
                line.append(" " * GAP)
            line.append_text(entry)
        if line.cell_len or not lines:
            lines.append(line)
        return lines

    def height(self, width: int) -> int:
        return sum(max(1, -(-line.cell_len // max(1, width))) for line in self.flow(width))

    @property
    def widest(self) -> int:
        return max((cell_len(e.plain) for e in self.entries), default=0)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.flow(options.max_width):
            line.overflow = "fold"
            line.no_wrap = False
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        if self.stacked:
            return Measurement(self.widest, self.widest)
        total = sum(e.cell_len for e in self.entries) + GAP * max(0, len(self.entries) - 1)
        return Measurement(min(self.widest, options.max_width), total)
