"""wrap_words: lines within the width in terminal cells, words kept whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from studytui.tui.text import wrap_words

WORDS = st.lists(
    st.text(alphabet=st.sampled_from("가나다라마바사아경사하강법abcdefgXYZ/·"), min_size=1,
            max_size=12),
    min_size=0, max_size=12)


@given(WORDS, st.integers(min_value=1, max_value=60))
def test_lines_fit_and_words_stay_whole_when_they_can(words, width):
    lines = wrap_words(" ".join(words), width)
    assert all(cell_len(line) <= max(width, 2) for line in lines)
    if all(cell_len(w) <= max(width, 2) for w in words):
        assert [w for line in lines for w in line.split()] == words  # none cut or lost
    else:  # a word wider than a line is cut, but nothing is lost
        assert "".join(lines).replace(" ", "") == "".join(words)


def test_korean_breaks_at_spaces_and_counts_two_cells_a_syllable():
    assert wrap_words("경사 하강법 / Gradient descent", 12) == [
        "경사 하강법", "/ Gradient", "descent"]
    assert wrap_words("트랜스포머", 4) == ["트랜", "스포", "머"]
