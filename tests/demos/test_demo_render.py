"""Demo pictures: text snapshots at 80x24 and 160x48, and the promises every
picture keeps at any size (no line wider than given, numbers whole, a notice
below the minimum size).

Snapshots are plain text (no colour); review a changed one with
`pytest tests/demos/test_demo_render.py --snapshot-update` and read the diff.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from demos.optimizer_race.render import MINIMUM, RACERS, START, leaderboard, race_map
from demos.runner import render_demo, run_demo

SIZES = [(80, 24), (160, 48)]


def _text(renderable, width: int) -> str:
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
RESULTS: dict[str, dict] = {}


def result_of(name: str, params: dict) -> dict:
    key = f"{name}{sorted(params.items())}"
    if key not in RESULTS:
        RESULTS[key] = run_demo(name, params)
    return RESULTS[key]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("case", list(CASES))
def test_render_matches_its_snapshot(case, size, snapshot):
    name, params, lang, step = CASES[case]
    width, height = size
    picture = render_demo(name, result_of(name, params), lang=lang, step=step, width=width,
                          height=height, color=False)
    assert _text(picture, width) == snapshot


DEMOS = [("optimizer-race", {}), ("optimizer-race", {"function": "beale", "focus": "adam"}),
         ("cnn-params", {}), ("cnn-params", {"arch": "densenet121"}),
         ("cnn-params", {"compare": "convolutionalization"}),
         ("attention", {"sentence": " ".join(["트랜스포머의", "핵심은", "어텐션이다"] * 5),
                        "d_model": 64, "heads": 8, "causal": True})]
MINIMUM_WIDTH = {"optimizer-race": 60, "cnn-params": 48, "attention": 40}


def numbers_that_must_stay_whole(name: str, result: dict) -> list[str]:
    if name == "cnn-params":
        return [f"{row['params']:,}" for stack in result.get("stacks", [result])
                for row in stack["layers"] if row["params"]]
    if name == "optimizer-race":
        return [f"{run['final_loss']:.3g}" for run in result["runs"]]
    return result["tokens"]  # attention: every token whole


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(demo=st.sampled_from(DEMOS), width=st.integers(30, 260), height=st.integers(8, 80),
       lang=st.sampled_from(["ko", "en", "both"]), color=st.booleans())
def test_no_line_is_wider_than_given_and_numbers_stay_whole(demo, width, height, lang, color):
    name, params = demo
    result = result_of(name, params)
    text = _text(render_demo(name, result, lang=lang, width=width, height=height, color=color),
                 width)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    flat = " ".join(text.split())
    notice = "needs at least" in flat or "필요합니다" in flat  # too small, or too narrow
    if width < MINIMUM_WIDTH[name] or (name == "optimizer-race" and height < 14):
        assert notice
        return
    if notice:  # a table too wide for this width: allowed only below 80 columns
        assert width < 80
        return
    for number in numbers_that_must_stay_whole(name, result):
        assert f" {number} " in f" {flat} ", number


@pytest.mark.parametrize("size", [(60, 16), (80, 24), (130, 30), (160, 48), (220, 60)])
def test_race_picture_fills_the_height_and_width_it_is_given(size):
    width, height = size
    result = result_of("optimizer-race", {})
    lines = _text(render_demo("optimizer-race", result, lang="en", width=width,
                              height=height, color=False), width).splitlines()
    caption = next(i for i, line in enumerate(lines) if line.startswith("step 1000/1000"))
    assert caption + 1 == height  # title, map, legend and caption: exactly the height
    axis = next(line for line in lines if "└" in line)
    map_right = width if width < 110 else axis.rstrip().__len__()
    assert cell_len(axis.rstrip()) == map_right
    assert cell_len(axis.rstrip()) >= width * 0.7  # the map takes most of the width


def test_markers_never_collide():
    marks = [m for m, _ in RACERS.values()] + [START, MINIMUM]
    assert len({m.lower() for m in marks}) == len(marks)
    assert len({c for _, c in RACERS.values()}) == len(RACERS)


def _braille_cells(result, step):
    canvas = race_map(result, step, 80, 20, color=False).canvas
    return len(canvas.dots)


def test_race_paths_grow_step_by_step():
    result = result_of("optimizer-race", {"function": "valley"})
    counts = [_braille_cells(result, step) for step in (0, 5, 30, 300)]
    assert counts[0] == 0  # only the start is drawn
    assert counts == sorted(counts) and counts[-1] > counts[1] > 0


def test_without_colour_every_runner_still_has_its_marker_on_the_map():
    result = result_of("optimizer-race", {"function": "rastrigin"})
    axes = race_map(result, None, 100, 30, color=False)
    for segments in axes.canvas.lines():
        assert all(s.style is None or s.style.color is None and s.style.bgcolor is None
                   for s in segments)
    ends: dict[tuple, set] = {}
    for run in result["runs"]:
        cell = axes.to_cell(*run["trajectory"][-1])
        if cell is not None:
            ends.setdefault(cell, set()).add(RACERS[run["name"]][0])
    assert len(ends) >= 2  # rastrigin's runners stop in different local minima
    for (col, row), markers in ends.items():
        assert axes.canvas.marks[(row, col)][0] in markers  # who is there, by letter
    start = axes.to_cell(*result["start"])
    assert axes.canvas.marks[(start[1], start[0])][0] == START


def test_leaderboard_is_ordered_by_rank_and_the_focus_is_highlighted_in_place():
    result = result_of("optimizer-race", {"function": "beale", "focus": "adadelta"})
    console = Console(width=120, color_system="truecolor", file=_Null())
    table = leaderboard(result, None, "en", color=True)
    rows = [("".join(s.text for s in line), line)
            for line in console.render_lines(table, console.options)]
    named = [(name, line) for text, line in rows for name in RACERS
             if re.search(rf"\b{name}\b", text)]
    finals = {run["name"]: (run["diverged"], run["final_loss"]) for run in result["runs"]}
    assert [name for name, _ in named] == sorted(finals, key=finals.get)
    assert named[0][0] != "adadelta"  # the focus is not moved above the winner
    for name, line in named:
        reverse = any(s.style is not None and s.style.reverse for s in line)
        assert reverse == (name == "adadelta")


@pytest.mark.parametrize("causal", [False, True])
def test_attention_steps_are_numbered_without_gaps_and_titled_readably(causal):
    result = result_of("attention", {"causal": causal})
    text = _text(render_demo("attention", result, lang="en", width=100), 100)
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", text, flags=re.M)]
    assert numbers == list(range(len(numbers))) and len(numbers) == (10 if causal else 9)
    assert "scale by 1/√d_k = 1/2" in text  # d_k = 8 / 2 heads = 4


def test_attention_shows_every_column_of_a_wide_matrix_in_blocks():
    tokens = ["트랜스포머의", "핵심은", "어텐션이다", "a", "b", "c", "d", "e", "f", "g", "h",
              "i", "j", "k", "l", "m"]
    result = result_of("attention", {"sentence": " ".join(tokens), "d_model": 64, "heads": 8})
    text = _text(render_demo("attention", result, lang="en", width=80), 80)
    assert not re.search(r"\+\d+\b", text) and "…" not in text
    assert "(columns 1-" in text and "of 64)" in text
    for token in tokens[:3]:  # whole as a row label and as a column header
        assert text.count(token) >= 2 * 1 + 1


@pytest.mark.parametrize("size", [(56, 14), (70, 10)], ids=["narrow", "short"])
def test_a_race_too_small_for_its_map_still_shows_its_leaderboard(size):
    width, height = size
    result = result_of("optimizer-race", {})
    flat = " ".join(_text(render_demo("optimizer-race", result, lang="en", width=width,
                                      height=height, color=False), width).split())
    assert "needs at least" in flat and "Leaderboard" in flat
    for run in result["runs"]:
        assert f" {run['final_loss']:.3g} " in f" {flat} "
