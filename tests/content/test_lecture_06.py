"""Lecture 6 (computer-vision applications): coverage contract, demo links, and
every numeric answer recomputed with torch, so a wrong number in the YAML fails CI."""

from __future__ import annotations

import re
from fractions import Fraction

import torch
import torch.nn.functional as F
from torch import nn

from demos.registry import get_demo
from studytui.content.model import BiText, Lecture, Question
from tests.content.conftest import (
    VGG16,
    assert_answer_is,
    card,
    distractors,
    keyed_choice,
    numbers_in,
    params,
    question,
    vgg_features,
)

FILE = "06-cv-applications.yaml"

# The concepts lecture 6 must teach: the notes' terms plus what the lecture needs,
# down to each step of R-CNN and of Fast R-CNN.
REQUIRED_CARDS = {
    "semantic-segmentation",
    "fully-convolutional-network",
    "convolutionalization",
    "fcn-heat-map",
    "transposed-convolution",
    "fcn-skip-architecture",
    "object-detection",
    "bounding-box",
    "intersection-over-union",
    "non-maximum-suppression",
    "region-proposal",
    "r-cnn",
    "selective-search",  # R-CNN step 2: ~2,000 proposals
    "rcnn-warping",  # ... each warped to a fixed size
    "rcnn-cnn-features",  # step 3: CNN (AlexNet) features
    "rcnn-svm-classification",  # step 4: linear SVMs
    "bounding-box-regression",
    "sppnet",
    "spatial-pyramid-pooling",
    "fast-r-cnn",
    "fast-rcnn-input",  # step 1
    "fast-rcnn-feature-map",  # step 2
    "roi-pooling",  # step 3
    "fast-rcnn-heads",  # step 4
    "faster-r-cnn",
    "region-proposal-network",
    "anchor-box",
    "yolo",
    "yolo-grid-prediction",
    "one-stage-vs-two-stage",
}

CONVOLUTIONALIZATION_CARDS = {"fully-convolutional-network", "convolutionalization",
                              "fcn-heat-map"}


def keyed(q: Question) -> str:
    assert isinstance(q.answer, int)
    return q.choices[q.answer - 1].en or ""


def assert_size_answer_is(q: Question, side: int) -> None:
    """The keyed choice is "NxN" for the side torch measured, and no distractor is."""
    sizes = [c.en for c in q.choices]
    assert keyed(q) == f"{side}x{side}", f"{q.id}: keyed {keyed(q)}, torch {side}x{side}"
    assert sizes.count(f"{side}x{side}") == 1


def convolutionalized_vgg16(width: int) -> nn.Sequential:
    """VGG16 with fc6-fc8 as convolutions; channels divided by `width` (same geometry)."""
    layers = list(vgg_features(VGG16, width=width))
    channels = 512 // width
    fc = 4096 // width
    layers += [nn.Conv2d(channels, fc, 7), nn.ReLU(), nn.Conv2d(fc, fc, 1), nn.ReLU(),
               nn.Conv2d(fc, 1000 // width, 1)]
    return nn.Sequential(*layers)


def test_every_required_concept_has_a_card(lecture: Lecture) -> None:
    missing = REQUIRED_CARDS - {c.id for c in lecture.cards}
    assert not missing, f"lecture 6 lacks cards: {sorted(missing)}"


def test_fcn_cards_open_the_convolutionalization_lesson(lecture: Lecture) -> None:
    cards = {c.id: c for c in lecture.cards}
    for cid in CONVOLUTIONALIZATION_CARDS:
        demo = cards[cid].demo
        assert demo is not None and demo.name == "cnn-params", cid
        assert get_demo(demo.name).resolve(demo.params)["compare"] == "convolutionalization"


def test_fc6_as_convolution_answer(lecture: Lecture) -> None:
    dense = nn.Linear(7 * 7 * 512, 4096, device="meta")
    conv = nn.Conv2d(512, 4096, 7, device="meta")
    assert params(dense) == params(conv)
    q = question(lecture, "q6-fc6-params")
    assert_answer_is(q, params(conv))
    the_card = card(lecture, "convolutionalization")
    assert the_card.formula is not None and f"{params(conv):,}" in the_card.formula


def test_fc6_as_convolution_computes_the_same_thing() -> None:
    # The card says the convolution "computes the same result", not only the same count.
    dense, conv = nn.Linear(7 * 7 * 4, 8), nn.Conv2d(4, 8, 7)
    with torch.no_grad():
        conv.weight.copy_(dense.weight.view(8, 4, 7, 7))
        conv.bias.copy_(dense.bias)
    x = torch.randn(2, 4, 7, 7)
    assert torch.allclose(dense(x.flatten(1)), conv(x).flatten(1), atol=1e-5)


def test_fc6_kernel_answer(lecture: Lecture) -> None:
    # On the meta device: shapes are computed, fc6's 411 MB of weights never exist.
    conv = nn.Conv2d(512, 4096, 7, device="meta")
    assert conv(torch.randn(1, 512, 7, 7, device="meta")).shape[-2:] == (1, 1)  # as fc6
    answer = question(lecture, "q6-fc6-kernel").answer
    assert isinstance(answer, BiText) and answer.en == "x".join(map(str, conv.kernel_size))


def test_heat_map_size_answer(lecture: Lecture) -> None:
    net = convolutionalized_vgg16(width=32)
    with torch.no_grad():
        side = net(torch.randn(1, 3, 384, 384)).shape[-1]
        assert net(torch.randn(1, 3, 224, 224)).shape[-2:] == (1, 1)
    assert_size_answer_is(question(lecture, "q6-heatmap-size"), side)


def test_transposed_convolution_answer(lecture: Lecture) -> None:
    up = nn.ConvTranspose2d(8, 8, kernel_size=4, stride=2, padding=1)
    side = up(torch.randn(1, 8, 14, 14)).shape[-1]
    assert_size_answer_is(question(lecture, "q6-transposed-output"), side)


def test_transposed_convolution_is_not_an_inverse(lecture: Lecture) -> None:
    torch.manual_seed(0)
    x = torch.randn(1, 1, 8, 8)
    w = torch.randn(1, 1, 3, 3)
    y = F.conv2d(x, w, stride=2, padding=1)
    back = F.conv_transpose2d(y, w, stride=2, padding=1, output_padding=1)
    assert back.shape == x.shape  # the shape comes back ...
    recovers = bool(torch.allclose(back, x, atol=1e-4))  # ... the values do not
    assert question(lecture, "q6-deconv-inverse").answer is recovers


def test_iou_answer(lecture: Lecture) -> None:
    a = torch.tensor([0.0, 0.0, 4.0, 4.0])
    b = torch.tensor([2.0, 2.0, 6.0, 6.0])
    lt, rb = torch.maximum(a[:2], b[:2]), torch.minimum(a[2:], b[2:])
    inter = (rb - lt).clamp(min=0).prod()
    union = (a[2:] - a[:2]).prod() + (b[2:] - b[:2]).prod() - inter
    iou = Fraction(int(inter), int(union))
    q = question(lecture, "q6-iou")
    assert Fraction(keyed(q)) == iou
    assert [Fraction(c.en or "") for c in q.choices].count(iou) == 1


def test_spatial_pyramid_pooling_answer(lecture: Lecture) -> None:
    def spp(x: torch.Tensor) -> torch.Tensor:
        return torch.cat([F.adaptive_max_pool2d(x, n).flatten(1) for n in (4, 2, 1)], dim=1)

    lengths = {spp(torch.randn(1, 256, h, w)).shape[1] for h, w in [(13, 13), (20, 31), (7, 9)]}
    assert len(lengths) == 1  # the same length for every map size
    assert_answer_is(question(lecture, "q6-spp-length"), lengths.pop())


def test_roi_pooling_answer(lecture: Lecture) -> None:
    feature_map = torch.randn(1, 512, 38, 50)
    lengths = set()
    for x0, y0, x1, y1 in [(0, 0, 10, 10), (5, 3, 40, 30), (20, 10, 27, 37)]:
        region = feature_map[:, :, y0:y1, x0:x1]
        lengths.add(F.adaptive_max_pool2d(region, 7).flatten(1).shape[1])
    assert len(lengths) == 1
    length = lengths.pop()
    assert length == nn.Linear(512 * 7 * 7, 4096, device="meta").in_features  # fits fc6
    assert_answer_is(question(lecture, "q6-roi-length"), length)


def test_fast_rcnn_output_sizes_answer(lecture: Lecture) -> None:
    k = 20
    cls_score, bbox_pred = nn.Linear(4096, k + 1), nn.Linear(4096, 4 * k)
    feature = torch.randn(3, 4096)
    sizes = (cls_score(feature).shape[1], bbox_pred(feature).shape[1])
    text = keyed(question(lecture, "q6-fast-rcnn-outputs"))
    assert tuple(int(n) for n in re.findall(r"\d+", text)) == sizes


def test_rpn_output_layer_answer(lecture: Lecture) -> None:
    k = 9
    cls = nn.Conv2d(512, 2 * k, 1, bias=False)
    reg = nn.Conv2d(512, 4 * k, 1, bias=False)
    q = question(lecture, "q6-rpn-output-params")
    assert_answer_is(q, params(cls, reg))
    # The distractors the explanation names: no anchors, 3x3 kernels, regression only.
    assert {512 * 6, params(nn.Conv2d(512, 6 * k, 3, bias=False)), params(reg)} == set(
        distractors(q))


def test_anchor_count_answer(lecture: Lecture) -> None:
    scales, ratios = torch.tensor([128.0, 256.0, 512.0]), torch.tensor([0.5, 1.0, 2.0])
    shapes = torch.cartesian_prod(scales, ratios)  # one anchor shape per (scale, ratio)
    ys, xs = torch.meshgrid(torch.arange(40), torch.arange(60), indexing="ij")
    positions = torch.stack([xs.flatten(), ys.flatten()], dim=1)
    anchors = positions.shape[0] * shapes.shape[0]
    assert_answer_is(question(lecture, "q6-anchor-count"), anchors)


def test_yolo_tensor_answer(lecture: Lecture) -> None:
    s, b, c = 7, 2, 20
    head = nn.Linear(4096, s * s * (b * 5 + c))
    out = head(torch.randn(1, 4096)).view(1, s, s, b * 5 + c)
    assert_answer_is(question(lecture, "q6-yolo-tensor"), out[0].numel())
    the_card = card(lecture, "yolo-grid-prediction")
    assert the_card.formula is not None and the_card.formula.endswith(f"= 7 × 7 × {out.shape[-1]}")
    # The distractor the explanation derives: class probabilities per box, 2·(5 + 20) per cell.
    per_box = s * s * b * (5 + c)
    assert per_box in distractors(question(lecture, "q6-yolo-tensor"))
    explanation = question(lecture, "q6-yolo-tensor").explanation.en or ""
    assert f"{per_box:,} = 7·7·{b * (5 + c)}" in explanation


def test_feature_map_coordinates_answer(lecture: Lecture) -> None:
    conv5 = convolutionalized_vgg16(width=32)[:30]  # up to conv5_3's ReLU, before pool5
    assert isinstance(conv5[-1], nn.ReLU) and isinstance(conv5[30 - 2], nn.Conv2d)
    with torch.no_grad():
        stride = 224 // conv5(torch.randn(1, 3, 224, 224)).shape[-1]
    q = question(lecture, "q6-feature-map-coords")
    assert [int(n) for n in re.findall(r"\d+", keyed(q))] == [160 // stride, 480 // stride]


def test_box_centre_format_answer(lecture: Lecture) -> None:
    q = question(lecture, "q6-box-center-format")
    x_min, y_min, x_max, y_max = numbers_in(q.prompt.en or "")
    boxes = torch.tensor([[x_min, y_min, x_max, y_max]])
    centre = (boxes[:, :2] + boxes[:, 2:]) / 2
    size = boxes[:, 2:] - boxes[:, :2]
    assert keyed_choice(q) == torch.cat([centre, size], 1)[0].tolist()
