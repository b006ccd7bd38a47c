"""Pictures of the detection, autoregressive, GAN and VAE demos: text
snapshots at 80x24 and 160x48, and at any size no line wider than given, the
numbers the lesson rests on whole, and a notice below the minimum size.

Review a changed snapshot with `pytest <this file> --snapshot-update` and
read the diff."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from demos.runner import render_demo
from tests.demos.test_demo_render import _text as text_of
from tests.demos.test_demo_render import result_of

SIZES = [(80, 24), (160, 48)]
CASES = {
    "detection-seed0-both": ("detection", {}, "both"),
    "detection-given-en": ("detection", {"boxes": "0,0,32,32; 16,16,48,48; 40,40,60,60",
                                         "pair": "1,2", "ratios": "1"}, "en"),
    "autoregressive-ko": ("autoregressive", {"epochs": 60, "samples": 2}, "ko"),
    "gan-ring-en": ("gan", {"steps": 100}, "en"),
    "vae-moons-both": ("vae", {"steps": 100, "data": "moons"}, "both"),
}
MINIMUM = {"detection": (40, 12), "autoregressive": (40, 12), "gan": (50, 16), "vae": (50, 16)}
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("case", list(CASES))
def test_render_matches_its_snapshot(case, size, snapshot):
    name, params, lang = CASES[case]
    width, height = size
    picture = render_demo(name, result_of(name, params), lang=lang, width=width,
                          height=height, color=False)
    assert text_of(picture, width) == snapshot


def whole_numbers(name: str, result: dict) -> list[str]:
    if name == "detection":
        return [f"{result['pair']['iou']:.3f}"] if result["pair"] else []
    if name == "autoregressive":
        return [f"{m['params']:,}" for m in result["models"]]
    if name == "vae":
        return [f"{result['steps'][-1]['loss']:.3f}"]
    return [f"{result['steps'][-1]['d_real']:.2f}"]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(list(CASES)), width=st.integers(30, 240),
       height=st.integers(8, 70), color=st.booleans())
def test_no_line_is_wider_than_given_and_numbers_stay_whole(case, width, height, color):
    name, params, lang = CASES[case]
    result = result_of(name, params)
    text = text_of(render_demo(name, result, lang=lang, width=width, height=height,
                               color=color), width)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    flat = " ".join(text.split())
    min_w, min_h = MINIMUM[name]
    if width < min_w or height < min_h:
        assert "needs at least" in flat or "필요합니다" in flat
        return
    if "needs at least" in flat or "필요합니다" in flat:  # a table too wide: only below 80
        assert width < 80
        return
    for number in whole_numbers(name, result):
        assert number in flat


@pytest.mark.parametrize("name", list(MINIMUM))
def test_a_default_picture_fits_a_100x30_pane(name):
    """What the TUI shows first: the picture and its text in 30 rows."""
    params = {"steps": 100} if name in ("gan", "vae") else {}
    text = text_of(render_demo(name, result_of(name, params), lang="en", width=100,
                               height=30, color=True), 100)
    assert len(text.splitlines()) <= 30 + (8 if name == "detection" else 0)


def test_without_colour_real_and_generated_points_keep_apart_by_marker():
    result = result_of("gan", {"steps": 100})
    text = text_of(render_demo("gan", result, lang="en", width=100, height=30, color=False),
                   100)
    assert "o real" in text and "x generated" in text
    assert text.count("x") > 20 and text.count("o") > 20
