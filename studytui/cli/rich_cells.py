"""Korean text that Rich cut short where it wraps.

Rich 15 wraps a line at a space and then drops the space if the line is one
cell too long, but it measures that in characters (`Text.rstrip_end` uses
`len`), not cells; a Hangul syllable is one character and two cells, so on a
line with Korean the space stays, the line is one cell too long, and the
table cell's ellipsis eats the word's last syllable ("전달되 …" for 전달되기)
or, on a line that mixes Korean and English, an English letter ("an…" for
and). Seen in the quiz's choices at 71 and 78 columns.

The fix measures the width in cells, as every other step of the wrap does.
Installed once by the command line's entry and the TUI app, before anything
is drawn.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text

_TRAILING_SPACE = re.compile(r"\s+$")


def _rstrip_end(self: Text, size: int) -> None:
    """Remove whitespace beyond `size` cells at the end of the text."""
    excess = cell_len(self.plain) - size
    if excess > 0 and (space := _TRAILING_SPACE.search(self.plain)) is not None:
        self.right_crop(min(len(space.group(0)), excess))


def wrap_by_cells() -> None:
    """Install the cell-measured `rstrip_end` on Rich's Text (idempotent)."""
    Text.rstrip_end = _rstrip_end  # type: ignore[method-assign]
