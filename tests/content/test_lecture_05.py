"""Lecture 5 (modern CNNs): coverage contract, demo links, and every numeric
answer recomputed with torch, so a wrong number in the YAML fails CI."""

from __future__ import annotations

import re

import torch
from torch import nn

from demos.registry import get_demo
from studytui.content.model import BiText, Lecture
from tests.content.conftest import (
    VGG16,
    assert_answer_is,
    card,
    distractors,
    params,
    question,
    short_number,
    vgg_features,
)

FILE = "05-modern-cnn.yaml"

# The concepts lecture 5 must teach: the notes' terms plus what the lecture needs.
REQUIRED_CARDS = {
    "ilsvrc",
    "alexnet",
    "alexnet-relu",
    "alexnet-two-gpus",
    "local-response-normalization",
    "overlapping-pooling",
    "alexnet-data-augmentation",
    "alexnet-dropout",
    "vggnet",
    "vgg-3x3-stacking",
    "vgg16-vgg19",
    "vgg-dropout",
    "network-in-network",
    "global-average-pooling",
    "googlenet",
    "inception-block",
    "one-by-one-bottleneck",
    "auxiliary-classifier",
    "resnet",
    "degradation-problem",
    "skip-connection",
    "residual-learning",
    "projection-shortcut",
    "bottleneck-block",
    "densenet",
    "dense-concatenation",
    "dense-block",
    "growth-rate",
    "transition-layer",
}

# Cards whose lesson is one of cnn-params' named comparisons.
COMPARE_DEMOS = {
    "vgg-3x3-stacking": "3x3-vs-5x5",
    "inception-block": "inception-bottleneck",
    "one-by-one-bottleneck": "inception-bottleneck",
    "bottleneck-block": "resnet-bottleneck",
    "growth-rate": "densenet-growth",
    "transition-layer": "densenet-growth",
}
ARCH_DEMOS = {
    "alexnet": "alexnet",
    "vggnet": "vgg16",
    "googlenet": "googlenet",
    "resnet": "resnet18",
    "densenet": "densenet121",
}


def test_every_required_concept_has_a_card(lecture: Lecture) -> None:
    missing = REQUIRED_CARDS - {c.id for c in lecture.cards}
    assert not missing, f"lecture 5 lacks cards: {sorted(missing)}"


def test_architecture_and_comparison_cards_open_the_parameter_counter(lecture: Lecture) -> None:
    cards = {c.id: c for c in lecture.cards}
    for cid, lesson in COMPARE_DEMOS.items():
        demo = cards[cid].demo
        assert demo is not None and demo.name == "cnn-params", cid
        assert get_demo(demo.name).resolve(demo.params)["compare"] == lesson, cid
    for cid, arch in ARCH_DEMOS.items():
        demo = cards[cid].demo
        assert demo is not None and demo.name == "cnn-params", cid
        assert get_demo(demo.name).resolve(demo.params)["arch"] == arch, cid


def test_two_3x3_vs_one_5x5_answer() -> None:
    # Needs no lecture: the claim of the card's formula, 18C² < 25C².
    c = 64
    two_3x3 = params(nn.Conv2d(c, c, 3, bias=False), nn.Conv2d(c, c, 3, bias=False))
    one_5x5 = params(nn.Conv2d(c, c, 5, bias=False))
    assert (two_3x3, one_5x5) == (18 * c * c, 25 * c * c)


def test_3x3_vs_5x5_question(lecture: Lecture) -> None:
    q = question(lecture, "q5-3x3-vs-5x5-params")
    two_3x3 = params(nn.Conv2d(64, 64, 3, bias=False), nn.Conv2d(64, 64, 3, bias=False))
    assert_answer_is(q, two_3x3)
    # The tempting distractor is the 5x5 layer's count, as the explanation says.
    assert params(nn.Conv2d(64, 64, 5, bias=False)) in distractors(q)


def receptive_field(layers: int) -> int:
    """Side of the input region that reaches one output of `layers` stacked 3x3 convs."""
    net = nn.Sequential(*[nn.Conv2d(1, 1, 3, padding=1, bias=False) for _ in range(layers)])
    for conv in net:
        nn.init.constant_(conv.weight, 1.0)
    x = torch.zeros(1, 1, 21, 21, requires_grad=True)
    net(x)[0, 0, 10, 10].backward()
    assert x.grad is not None
    rows = x.grad[0, 0].abs().sum(dim=1).nonzero()
    return int(rows.max() - rows.min() + 1)


def test_receptive_field_answer(lecture: Lecture) -> None:
    side = receptive_field(3)
    q = question(lecture, "q5-receptive-field")
    assert isinstance(q.answer, BiText) and q.answer.en == f"{side}x{side}"
    assert receptive_field(2) == 5  # two 3x3 see what one 5x5 sees, as the card says


def test_vgg_block_answer(lecture: Lecture) -> None:
    block = [nn.Conv2d(256, 512, 3, padding=1), nn.Conv2d(512, 512, 3, padding=1),
             nn.Conv2d(512, 512, 3, padding=1)]
    q = question(lecture, "q5-vgg-block-params")
    assert_answer_is(q, params(*block))
    no_bias = sum(m.weight.numel() for m in block)
    assert no_bias in distractors(q)  # the "forgot the biases" trap


def test_vgg16_layer_count_answer(lecture: Lecture) -> None:
    convs = sum(isinstance(m, nn.Conv2d) for m in vgg_features(VGG16, device="meta"))
    dense = 3  # fc6, fc7, fc8
    q = question(lecture, "q5-vgg16-count")
    assert isinstance(q.answer, int)
    keyed = q.choices[q.answer - 1].en or ""
    assert re.findall(r"\d+", keyed) == [str(convs), str(dense)]
    assert convs + dense == 16


def test_vgg16_dense_layers_hold_most_parameters(lecture: Lecture) -> None:
    # The vggnet card: ~138 million in all, ~124 million of them dense.
    convs = params(vgg_features(VGG16, device="meta"))
    dense = params(nn.Linear(512 * 7 * 7, 4096, device="meta"),
                   nn.Linear(4096, 4096, device="meta"), nn.Linear(4096, 1000, device="meta"))
    assert round((convs + dense) / 1e6) == 138 and round(dense / 1e6) == 124
    notes = card(lecture, "vggnet").notes
    assert notes is not None and "138" in (notes.en or "") and "124" in (notes.en or "")


def test_gap_answer(lecture: Lecture) -> None:
    gap = nn.AdaptiveAvgPool2d(1)
    out = gap(torch.randn(1, 512, 7, 7)).flatten(1)
    q = question(lecture, "q5-gap-output")
    assert isinstance(q.answer, int)
    keyed = q.choices[q.answer - 1].en or ""
    assert [int(n) for n in re.findall(r"\d+", keyed)] == [out.shape[1], params(gap)]


def test_one_by_one_bottleneck_answer(lecture: Lecture) -> None:
    direct = params(nn.Conv2d(128, 128, 3, bias=False))
    squeezed = [nn.Conv2d(128, 32, 1, bias=False), nn.Conv2d(32, 128, 3, padding=1, bias=False)]
    q = question(lecture, "q5-1x1-params")
    assert str(f"{direct:,}") in (q.prompt.en or "")
    assert_answer_is(q, params(*squeezed))
    x = torch.randn(1, 128, 14, 14)
    assert nn.Sequential(*squeezed)(x).shape == x.shape  # same output shape, as explained


def test_one_by_one_keeps_spatial_size(lecture: Lecture) -> None:
    x = torch.randn(1, 64, 17, 23)
    keeps = nn.Conv2d(64, 16, 1)(x).shape[-2:] == x.shape[-2:]
    assert question(lecture, "q5-1x1-spatial").answer is (not keeps)


def test_projection_shortcut_answer(lecture: Lecture) -> None:
    proj = nn.Conv2d(64, 128, 1, stride=2, bias=False)
    assert proj(torch.randn(1, 64, 56, 56)).shape == (1, 128, 28, 28)
    assert_answer_is(question(lecture, "q5-projection-params"), params(proj))


def test_bottleneck_answer(lecture: Lecture) -> None:
    def bottleneck(bias: bool) -> list[nn.Module]:
        return [nn.Conv2d(256, 64, 1, bias=bias), nn.Conv2d(64, 64, 3, padding=1, bias=bias),
                nn.Conv2d(64, 256, 1, bias=bias)]

    two_3x3 = params(nn.Conv2d(256, 256, 3, bias=False), nn.Conv2d(256, 256, 3, bias=False))
    q = question(lecture, "q5-bottleneck-params")
    assert f"{two_3x3:,}" in (q.prompt.en or "")
    assert_answer_is(q, params(*bottleneck(False)))
    assert params(*bottleneck(True)) in distractors(q)  # the "counted biases" trap
    formula = card(lecture, "bottleneck-block").formula
    assert formula == (f"256·64 + 3·3·64·64 + 64·256 = {params(*bottleneck(False)):,}  vs  "
                       f"2·3·3·256·256 = {two_3x3:,}")


def test_growth_rate_answer(lecture: Lecture) -> None:
    k0, k, n_layers = 64, 32, 6
    x = torch.randn(1, k0, 8, 8)
    features = [x]
    for i in range(n_layers):
        layer = nn.Conv2d(k0 + i * k, k, 3, padding=1)
        features.append(layer(torch.cat(features, dim=1)))
    out = torch.cat(features, dim=1)
    assert_answer_is(question(lecture, "q5-growth-channels"), out.shape[1])


def test_lrn_note_matches_torch() -> None:
    # The LRN card: torch's LocalResponseNorm divides alpha by n, so the paper's
    # alpha=1e-4 with n=5 is alpha=5e-4 in torch.
    k, n, alpha, beta = 2.0, 5, 1e-4, 0.75
    a = torch.randn(1, 12, 4, 4) * 10
    sq = a.pow(2)
    denom = torch.stack([sq[:, max(0, i - n // 2):min(12, i + n // 2 + 1)].sum(1)
                         for i in range(12)], dim=1)
    paper = a / (k + alpha * denom).pow(beta)
    torch_lrn = nn.LocalResponseNorm(size=n, alpha=alpha * n, beta=beta, k=k)(a)
    assert torch.allclose(paper, torch_lrn, rtol=1e-5, atol=1e-6)


def test_augmentation_factor_answer(lecture: Lecture) -> None:
    image, crop = torch.zeros(256, 256), 224
    offsets = image.unfold(0, crop, 1).shape[0]  # start rows 0..32
    q = question(lecture, "q5-augment-factor")
    assert_answer_is(q, (offsets - 1) ** 2 * 2)  # the paper's 32·32·2
    assert f"{offsets**2 * 2:,}" in (q.explanation.en or "")  # the strict count is explained


def googlenet_as_published() -> nn.Module:
    """The demo's GoogLeNet rebuilt as the paper's layer table counts it: each
    conv with a bias and no batch norm, and real 5x5 kernels in the branch where
    torchvision (and so the demo) uses 3x3."""
    from demos.cnn_params.archs import Inception, googlenet

    net = googlenet()
    fives = {id(block.branch3[1].conv) for block in net.modules() if isinstance(block, Inception)}
    layers: list[nn.Module] = [
        nn.Conv2d(m.in_channels, m.out_channels, 5 if id(m) in fives else m.kernel_size)
        for m in net.modules() if isinstance(m, nn.Conv2d)
    ]
    return nn.Sequential(*layers, *(m for m in net.modules() if isinstance(m, nn.Linear)))


def test_googlenet_parameter_ratio_in_the_note_matches_torch(lecture: Lecture) -> None:
    from demos.cnn_params.archs import alexnet, googlenet

    paper, demo, big = params(googlenet_as_published()), params(googlenet()), params(alexnet())
    notes = card(lecture, "googlenet").notes.en or ""
    assert "about 7.0 million against about 61 million, roughly 9 times" in notes
    assert "counts about 6.6 million" in notes
    assert round(paper / 1e5) / 10 == 7.0 and round(big / 1e6) == 61 and round(big / paper) == 9
    assert round(demo / 1e5) / 10 == 6.6


def test_resnet_152_layer_count_answer(lecture: Lecture) -> None:
    from demos.cnn_params.archs import Bottleneck, ResNet

    net = ResNet(Bottleneck, [3, 8, 36, 3])
    # The paper's count: convolutions and the linear layer on the main path; the
    # 1x1 projections on the shortcut (the blocks' `downsample`) are not layers.
    shortcut = {id(m) for name, m in net.named_modules() if ".downsample" in name}
    layers = [m for m in net.modules()
              if isinstance(m, (nn.Conv2d, nn.Linear)) and id(m) not in shortcut]
    assert_answer_is(question(lecture, "q5-resnet-depth"), len(layers))


def test_dense_block_output_channels_match_torch(lecture: Lecture) -> None:
    from demos.cnn_params.archs import dense_block

    block = dense_block(128, 12, 32).eval()
    with torch.no_grad():
        out = block(torch.zeros(1, 128, 8, 8))
    assert short_number(question(lecture, "q5-dense-block-channels")) == out.shape[1]


def test_alexnet_input_note_matches_the_demo_architecture(lecture: Lecture) -> None:
    from demos.cnn_params.archs import alexnet

    first = next(m for m in alexnet().modules() if isinstance(m, nn.Conv2d))
    assert (first.kernel_size, first.stride, first.padding) == ((11, 11), (4, 4), (2, 2))
    with torch.no_grad():
        assert first(torch.zeros(1, 3, 224, 224)).shape[-1] == 55
    assert "(224 − 11)/4 + 1 is not an integer" in (card(lecture, "alexnet").notes.en or "")
