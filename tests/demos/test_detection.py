"""Detection boxes: the IoU matrix and NMS's `keep` against references
written here with plain loops (torchvision's `nms` would be the natural
reference, but the torchvision wheel that matches torch 2.13 on PyPI is built
for CUDA torch and fails to load its operators on our CPU torch), the
anchors' shapes and count, and bad parameters refused by name."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from demos.cli import main
from demos.detection.boxes import IMAGE, MAX_BOXES
from demos.params import ParamError
from demos.registry import get_demo
from demos.runner import run_demo


def area(b):
    return (b[2] - b[0]) * (b[3] - b[1])


def reference_iou(a, b) -> float:
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    return w * h / (area(a) + area(b) - w * h)


def reference_nms(boxes, scores, threshold) -> list[int]:
    """Greedy NMS as the lecture states it: best first, drop IoU > threshold."""
    order = sorted(range(len(boxes)), key=lambda i: (-scores[i], i))
    keep = []
    for i in order:
        if all(reference_iou(boxes[i], boxes[k]) <= threshold for k in keep):
            keep.append(i)
    return keep


def text_of(boxes, scores) -> str:
    return "; ".join(",".join(f"{v:g}" for v in b) + f":{s}" for b, s in zip(boxes, scores,
                                                                            strict=True))


@pytest.mark.parametrize("seed", range(6))
def test_seeded_scene_iou_and_keep_match_the_reference(seed):
    result = run_demo("detection", {"seed": seed})
    boxes, scores = result["boxes"], result["scores"]
    for i, a in enumerate(boxes):
        for j, b in enumerate(boxes):
            assert result["iou"][i][j] == pytest.approx(reference_iou(a, b), abs=1e-12)
    assert result["keep"] == reference_nms(boxes, scores, result["iou_threshold"])
    assert len(result["keep"]) < len(boxes)  # the scene gives NMS something to drop


coordinate = st.integers(0, IMAGE)


@st.composite
def scenes(draw):
    n = draw(st.integers(1, MAX_BOXES))
    boxes = []
    for _ in range(n):
        x1, x2 = sorted(draw(st.lists(coordinate, min_size=2, max_size=2, unique=True)))
        y1, y2 = sorted(draw(st.lists(coordinate, min_size=2, max_size=2, unique=True)))
        boxes.append([x1, y1, x2, y2])
    scores = draw(st.lists(st.integers(0, 100), min_size=n, max_size=n))
    return boxes, [s / 100 for s in scores]


@settings(max_examples=40, deadline=None)
@given(scene=scenes(), threshold=st.sampled_from([0.0, 0.3, 0.5, 0.7, 1.0]))
def test_given_boxes_keep_is_greedy_nms_and_iou_the_area_formula(scene, threshold):
    boxes, scores = scene
    result = run_demo("detection", {"boxes": text_of(boxes, scores),
                                    "iou_threshold": threshold})
    assert result["boxes"] == boxes and result["scores"] == scores
    assert result["keep"] == reference_nms(boxes, scores, threshold)
    for i, a in enumerate(boxes):
        for j, b in enumerate(boxes):
            assert result["iou"][i][j] == pytest.approx(reference_iou(a, b), abs=1e-12)


def test_the_pair_shows_the_formula_with_its_numbers():
    result = run_demo("detection", {"boxes": "0,0,32,32; 16,16,48,48", "pair": "1,2"})
    pair = result["pair"]
    assert pair["boxes"] == [0, 1]
    assert (pair["inter"], pair["area_a"], pair["area_b"]) == (256, 1024, 1024)
    assert pair["iou"] == pytest.approx(1 / 7)


def test_each_nms_step_drops_exactly_the_boxes_above_the_threshold():
    result = run_demo("detection", {"seed": 2, "iou_threshold": 0.4})
    seen = set()
    for step in result["nms"]:
        for dropped in step["dropped"]:
            assert dropped["iou"] > 0.4
            assert dropped["iou"] == result["iou"][step["keep"]][dropped["box"]]
        seen |= {step["keep"], *(d["box"] for d in step["dropped"])}
    assert seen == set(range(len(result["boxes"])))


def test_boxes_without_scores_rank_in_the_order_written():
    result = run_demo("detection", {"boxes": "0,0,10,10; 1,1,11,11; 40,40,50,50"})
    assert result["scores"] == [1.0, 0.95, 0.9]
    assert result["keep"] == [0, 2]


def test_anchors_have_the_scale_as_area_root_and_the_ratio_as_shape():
    result = run_demo("detection", {"scales": "8,16,32", "ratios": "0.5,1,2"})
    assert result["anchor_count"] == 9 == len(result["anchors"])
    for anchor in result["anchors"]:
        x1, y1, x2, y2 = anchor["box"]
        assert math.sqrt((x2 - x1) * (y2 - y1)) == pytest.approx(anchor["scale"])
        assert (y2 - y1) / (x2 - x1) == pytest.approx(anchor["ratio"])
        assert ((x1 + x2) / 2, (y1 + y2) / 2) == tuple(result["anchor_centre"])


def test_json_holds_the_contract(capsys):
    assert main(["detection", "--boxes", "0,0,20,20:0.9;2,2,22,22:0.8", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    for key in ("boxes", "scores", "iou_threshold", "iou", "keep", "anchors"):
        assert key in result
    assert result["keep"] == [0]


@pytest.mark.parametrize(("value", "fragment"), [
    ("1,2,3", "needs four numbers"),
    ("1,2,3,x", "'x' is not a number"),
    ("5,5,1,9", "x2 > x1"),
    ("0,0,65,10", "0..64"),
    ("0,0,10,10:1.5", "score must lie in 0..1"),
    ("0,0,10,10:0.5; 1,1,9,9", "every box or to none"),
    ("0,0,1,1;" * 13, "give 1 to 12"),
    (";", "has 0 boxes"),
    ("0,0,nan,4", "finite"),
])
def test_malformed_boxes_exit_2_naming_boxes(capsys, value, fragment):
    assert main(["detection", "--boxes", value]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("studytui demo: boxes: ") and fragment in err


@pytest.mark.parametrize(("given", "param", "fragment"), [
    ({"pair": "1,1"}, "pair", "two different box numbers"),
    ({"pair": "1,99"}, "pair", "from 1 to"),
    ({"pair": "a"}, "pair", "two box numbers"),
    ({"scales": "8,0.5"}, "scales", "out of range"),
    ({"scales": "1,2,3,4,5,6"}, "scales", "give 1 to 5"),
    ({"ratios": "0"}, "ratios", "out of range"),
    ({"ratios": ""}, "ratios", "has 0 values"),
    ({"iou_threshold": 1.5}, "iou_threshold", "from 0 to 1"),
])
def test_bad_parameters_are_refused_naming_the_parameter(given, param, fragment):
    with pytest.raises(ParamError) as error:
        get_demo("detection").resolve(given)
    assert error.value.param == param and fragment in str(error.value)
