"""Rich wraps Korean without losing a syllable (studytui/cli/rich_cells.py): a
line one cell too long only because of the space it broke at loses the
space, not the last letter of its last word to an ellipsis."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from studytui.cli.rich_cells import wrap_by_cells

wrap_by_cells()

WORD = st.text(alphabet="가나다라마바사아자차abcdefgh", min_size=1, max_size=6)


def _wrapped(words: list[str], width: int) -> list[str]:
    text = Text(" ".join(words))
    return [line.plain for line in text.wrap(Console(width=width), width, overflow="ellipsis")]


def test_the_quiz_choice_that_lost_its_syllable_keeps_it():
    words = "양수 구간에서 미분값이 1이라 포화되지 않아 그래디언트가 잘 전달되기 때문에".split()
    for width in (67, 74):  # the choice's column at 71 and 78 columns
        lines = _wrapped(words, width)
        assert " ".join(line.strip() for line in lines).split() == words, lines


@given(st.lists(WORD, min_size=1, max_size=30), st.integers(12, 80))
def test_every_word_that_fits_a_line_comes_out_whole(words, width):
    lines = _wrapped(words, width)
    assert all(cell_len(line) <= width for line in lines)
    assert " ".join(line.strip() for line in lines).split() == words
