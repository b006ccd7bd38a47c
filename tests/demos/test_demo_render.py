"""Demo renders: fixed-width text snapshots, language, width and animation.

Snapshots are plain text (no colour) at width 100; review a changed one with
`pytest tests/demos/test_demo_render.py --snapshot-update` and read the diff.
"""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from demos.optimizer_race.render import RACERS, contour_map
from demos.runner import render_demo, run_demo


def _text(renderable, width: int = 100) -> str:
    console = Console(record=True, width=width, color_system=None, file=_Null())
    console.print(renderable)
    return console.export_text()


class _Null:
    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        pass


CASES = {
    "race-rosenbrock-both": ("optimizer-race", {}, "both", None),
    "race-valley-en-focus-step40": (
        "optimizer-race", {"function": "valley", "focus": "sgd"}, "en", 40),
    "race-saddle-ko": ("optimizer-race", {"function": "saddle"}, "ko", None),
    "cnn-vgg16-both": ("cnn-params", {}, "both", None),
    "cnn-custom-en": ("cnn-params", {"layers": "conv3x3:16,bn,relu,pool,fc:10",
                                     "input": "3x32x32"}, "en", None),
    "cnn-compare-inception-ko": ("cnn-params", {"compare": "inception-bottleneck"}, "ko", None),
    "attention-causal-both": ("attention", {"causal": True}, "both", None),
}


@pytest.mark.parametrize("case", list(CASES))
def test_render_matches_its_snapshot(case, snapshot):
    name, params, lang, step = CASES[case]
    assert _text(render_demo(name, run_demo(name, params), lang=lang, step=step)) == snapshot


@pytest.mark.parametrize("params", [
    {"arch": "vgg16"}, {"arch": "densenet121"}, {"arch": "googlenet"},
    {"compare": "convolutionalization"},
])
@pytest.mark.parametrize("lang", ["ko", "en", "both"])
def test_cnn_render_at_96_columns_shows_every_formula_uncut(params, lang):
    result = run_demo("cnn-params", params)
    text = _text(render_demo("cnn-params", result, lang=lang), width=96)
    for stack in result.get("stacks", [result]):
        for row in stack["layers"]:
            if row["params"]:
                formula, _, count = row["formula"].rpartition(" = ")
                # The count stands in the next column: "3x3x64x64 + 64   = 36,928".
                assert re.search(re.escape(formula) + r" +" + re.escape(f"= {count}"), text)


@pytest.mark.parametrize("function", ["rosenbrock", "beale", "valley"])
@pytest.mark.parametrize("lang", ["ko", "en", "both"])
def test_race_map_and_leaderboard_fit_96_columns_unwrapped(function, lang):
    result = run_demo("optimizer-race", {"function": function})
    text = _text(render_demo("optimizer-race", result, lang=lang), width=96)
    for line in contour_map(result, None, 62, 21).plain.split("\n"):
        assert line in text
    for racer in result["runs"]:
        assert f"{racer['final_loss']:.3g}" in text


def test_attention_rows_stay_aligned_with_korean_tokens():
    result = run_demo("attention", {"sentence": "나는 오늘 어텐션을 배운다 a"})
    lines = _text(render_demo("attention", result, lang="en")).splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("0. X"))
    rows = lines[top + 3: top + 3 + len(result["tokens"])]
    assert [row.split()[0] for row in rows] == result["tokens"]
    # Right-justified numbers: every row ends at the same display cell.
    assert len({cell_len(row.rstrip()) for row in rows}) == 1


@pytest.mark.parametrize(("lang", "present", "absent"), [
    ("ko", "옵티마이저 경주", "Optimizer race"),
    ("en", "Optimizer race", "옵티마이저 경주"),
])
def test_titles_follow_the_language(lang, present, absent):
    text = _text(render_demo("optimizer-race", run_demo("optimizer-race", {"steps": 5}),
                             lang=lang))
    assert present in text and absent not in text


def _path_letters(result, step):
    letters = {letter for letter, _ in RACERS.values()}  # no focus: all lower case
    text = contour_map(result, step, 62, 21).plain
    return sum(ch in letters for ch in text)


def test_race_paths_grow_step_by_step():
    result = run_demo("optimizer-race", {"function": "valley"})
    counts = [_path_letters(result, step) for step in (0, 5, 30, 300)]
    assert counts[0] == 0  # only the start is drawn
    assert counts == sorted(counts) and counts[-1] > counts[1] > 0


def test_focus_path_is_drawn_in_capitals_and_listed_first():
    result = run_demo("optimizer-race", {"function": "valley", "focus": "adam"})
    assert "A" in contour_map(result, None, 62, 21).plain
    text = _text(render_demo("optimizer-race", result, lang="en"))
    board = text[text.index("Leaderboard"):]
    assert board.index("adam") < board.index("sgd")


def test_unknown_language_is_rejected():
    result = run_demo("attention", {})
    with pytest.raises(ValueError, match="lang"):
        render_demo("attention", result, lang="fr")
