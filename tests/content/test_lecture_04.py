"""Lecture 4 (CNN): coverage contract, parameter-counter demo links, and every
numeric answer (parameter counts, output sizes, receptive fields) recomputed
with torch, so a wrong number in the YAML fails CI."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from studytui.content.model import Lecture
from tests.content.conftest import card, keyed_choice, numbers_in, params, question, short_number

FILE = "04-cnn.yaml"

# The notes' lecture-4 terms (conv/pooling/FC layers, feature extraction vs
# decision making, parameter counting) plus what the lecture needs.
REQUIRED_CARDS = {
    "convolutional-neural-network",
    "convolution",
    "cross-correlation",
    "conv-kernel",
    "feature-map",
    "conv-channels",
    "stride",
    "padding",
    "conv-output-size",
    "conv-parameter-count",
    "pooling",
    "fully-connected-layer",
    "feature-extraction",
    "receptive-field",
    "1x1-convolution",
    "local-connectivity",
    "parameter-sharing",
}

# Cards that open the CNN parameter counter, and with which lesson when it is
# a named comparison rather than a custom stack.
CNN_DEMO_CARDS = {
    "convolutional-neural-network": None,
    "conv-kernel": None,
    "conv-channels": None,
    "conv-parameter-count": None,
    "pooling": None,
    "fully-connected-layer": None,
    "feature-extraction": None,
    "parameter-sharing": None,
    "receptive-field": "3x3-vs-5x5",
    "1x1-convolution": "inception-bottleneck",
}


def width_after(layer: nn.Module, size: int, channels: int = 1) -> int:
    with torch.no_grad():
        return layer(torch.zeros(1, channels, size, size)).shape[-1]


def receptive_field(layers: nn.Sequential, size: int = 21) -> int:
    """Width of the input region that moves the centre output (by autograd)."""
    x = torch.zeros(1, 1, size, size, requires_grad=True)
    out = layers(x)
    out[0, 0, out.shape[2] // 2, out.shape[3] // 2].backward()
    assert x.grad is not None
    cols = (x.grad[0, 0] != 0).any(dim=0).nonzero()
    return int(cols.max() - cols.min() + 1)


def ones_conv(c_in: int, k: int, padding: int = 0) -> nn.Conv2d:
    conv = nn.Conv2d(c_in, 1, k, padding=padding)
    nn.init.ones_(conv.weight)  # all-positive weights: no accidental cancellation
    return conv


def test_every_required_concept_has_a_card(lecture: Lecture) -> None:
    missing = REQUIRED_CARDS - {c.id for c in lecture.cards}
    assert not missing, f"lecture 4 lacks cards: {sorted(missing)}"


@pytest.mark.parametrize("card_id, compare", sorted(CNN_DEMO_CARDS.items()))
def test_cnn_cards_open_the_parameter_counter(
    lecture: Lecture, card_id: str, compare: str | None
) -> None:
    demo = card(lecture, card_id).demo
    assert demo is not None and demo.name == "cnn-params"
    if compare is None:
        assert demo.params["layers"] and demo.params["input"] == "3x32x32"
    else:
        assert demo.params == {"compare": compare}


def test_param_count_formula_matches_torch() -> None:
    # The card's formula K·K·C_in·C_out + C_out, checked on a few shapes.
    for k, c_in, c_out in [(3, 128, 64), (5, 3, 64), (1, 256, 64), (7, 16, 32)]:
        assert params(nn.Conv2d(c_in, c_out, k)) == k * k * c_in * c_out + c_out


def test_conv_params_match_torch(lecture: Lecture) -> None:
    assert keyed_choice(question(lecture, "q4-conv-params")) == [params(nn.Conv2d(128, 64, 3))]


def test_rgb_conv_params_match_torch(lecture: Lecture) -> None:
    q = question(lecture, "q4-conv-rgb-params")
    assert "nn.Conv2d(3, 64, kernel_size=5)" in (q.prompt.en or "")
    assert short_number(q) == params(nn.Conv2d(3, 64, kernel_size=5))


def test_kernel_shape_matches_torch_weight(lecture: Lecture) -> None:
    weight = nn.Conv2d(3, 64, 5).weight  # (C_out, C_in, K, K)
    assert keyed_choice(question(lecture, "q4-kernel-depth")) == list(weight.shape[1:])


def test_output_size_no_padding_matches_torch(lecture: Lecture) -> None:
    q = question(lecture, "q4-output-size-basic")
    assert short_number(q) == width_after(nn.Conv2d(1, 1, 5, stride=1, padding=0), 32)


def test_output_size_alexnet_matches_torch(lecture: Lecture) -> None:
    (keyed,) = keyed_choice(question(lecture, "q4-output-size-alexnet"))
    assert keyed == width_after(nn.Conv2d(3, 1, 11, stride=4, padding=0), 227, channels=3)


def test_output_size_with_floor_matches_torch(lecture: Lecture) -> None:
    (keyed,) = keyed_choice(question(lecture, "q4-output-size-floor"))
    assert keyed == width_after(nn.Conv2d(1, 1, 3, stride=2, padding=1), 7)


def test_same_padding_keeps_size_in_torch(lecture: Lecture) -> None:
    p = short_number(question(lecture, "q4-same-padding"))
    assert p == int(p), "padding must be a whole number"
    assert width_after(nn.Conv2d(1, 1, 5, stride=1, padding=int(p)), 32) == 32


def test_stride_does_not_change_param_count(lecture: Lecture) -> None:
    assert question(lecture, "q4-stride-params").answer is False
    assert params(nn.Conv2d(16, 32, 3, stride=1)) == params(nn.Conv2d(16, 32, 3, stride=2))


def test_pooling_params_and_shape_match_torch(lecture: Lecture) -> None:
    pool = nn.MaxPool2d(2)
    assert short_number(question(lecture, "q4-pool-params")) == params(pool)
    shape = list(pool(torch.zeros(1, 64, 32, 32)).shape[1:])
    assert keyed_choice(question(lecture, "q4-pool-shape")) == shape


def test_stacked_3x3_with_a_stride_2_layer_receptive_field_matches_autograd(
    lecture: Lecture,
) -> None:
    strided = ones_conv(1, 3, padding=1)
    strided.stride = (2, 2)
    stack = nn.Sequential(ones_conv(1, 3, padding=1), strided, ones_conv(1, 3, padding=1))
    rf = receptive_field(stack)
    assert keyed_choice(question(lecture, "q4-receptive-field-stack")) == [rf, rf]
    # The distractor that ignores the stride is what three stride-1 layers give.
    plain = receptive_field(nn.Sequential(*(ones_conv(1, 3, padding=1) for _ in range(3))))
    assert [plain, plain] in [numbers_in(c.en or "") for c in question(
        lecture, "q4-receptive-field-stack").choices]


def test_alexnet_first_layer_note_matches_torch(lecture: Lecture) -> None:
    # 227 without padding, or 224 with padding 2, gives 55; 224 without padding does not divide.
    notes = card(lecture, "conv-output-size").notes.en or ""
    assert "(224 − 11)/4 + 1 is not an integer" in notes and (224 - 11) % 4 != 0
    assert width_after(nn.Conv2d(1, 1, 11, stride=4), 227) == 55
    assert width_after(nn.Conv2d(1, 1, 11, stride=4, padding=2), 224) == 55


def test_output_channels_match_torch(lecture: Lecture) -> None:
    q = question(lecture, "q4-channels-out")
    assert "nn.Conv2d(3, 16, kernel_size=3, padding=1)" in (q.prompt.en or "")
    out = nn.Conv2d(3, 16, kernel_size=3, padding=1)(torch.zeros(1, 3, 32, 32))
    assert short_number(q) == out.shape[1] and out.shape[-1] == 32


def test_convolution_is_translation_equivariant_as_the_card_says(lecture: Lecture) -> None:
    # Circular padding removes boundary effects: shifting then convolving equals
    # convolving then shifting; max pooling only approximately absorbs the shift.
    assert question(lecture, "q4-equivariance-cloze").answer.en == "equivariant"  # type: ignore[union-attr]
    torch.manual_seed(0)
    conv = nn.Conv2d(1, 1, 3, padding=1, padding_mode="circular")
    x = torch.randn(1, 1, 12, 12)
    with torch.no_grad():
        assert torch.allclose(conv(x.roll(2, -1)), conv(x).roll(2, -1), atol=1e-6)


def test_3x3_twice_vs_5x5_weights_match_torch(lecture: Lecture) -> None:
    c = 64
    twice_3x3 = nn.Sequential(nn.Conv2d(c, c, 3, bias=False), nn.Conv2d(c, c, 3, bias=False))
    once_5x5 = nn.Conv2d(c, c, 5, bias=False)
    ones = nn.Sequential(ones_conv(1, 3), ones_conv(1, 3))
    assert receptive_field(ones) == receptive_field(nn.Sequential(ones_conv(1, 5)))
    keyed = keyed_choice(question(lecture, "q4-receptive-field-params"))
    assert keyed[:2] == [params(twice_3x3) // c**2, params(once_5x5) // c**2]


def test_1x1_conv_params_and_shape_match_torch(lecture: Lecture) -> None:
    conv = nn.Conv2d(256, 64, 1)
    assert keyed_choice(question(lecture, "q4-1x1-params")) == [params(conv)]
    assert question(lecture, "q4-1x1-spatial").answer is True
    assert conv(torch.zeros(1, 256, 14, 14)).shape[-2:] == (14, 14)


def test_dense_vs_conv_params_match_torch(lecture: Lecture) -> None:
    q = question(lecture, "q4-conv-vs-dense")
    conv = nn.Conv2d(3, 64, 3, padding=1)
    assert f"{params(conv):,}" in (q.prompt.en or "")
    dense = nn.Linear(3 * 32 * 32, 64 * 32 * 32, device="meta")  # counted, never allocated
    assert keyed_choice(q) == [params(dense)]


def test_local_connectivity_count_matches_autograd(lecture: Lecture) -> None:
    conv = ones_conv(3, 3)
    x = torch.zeros(1, 3, 8, 8, requires_grad=True)
    conv(x)[0, 0, 3, 3].backward()
    assert x.grad is not None
    assert short_number(question(lecture, "q4-local-connectivity")) == int((x.grad != 0).sum())


def test_worked_numbers_in_card_notes_match_torch(lecture: Lecture) -> None:
    cards = {c.id: c for c in lecture.cards}
    dense = params(nn.Linear(3 * 32 * 32, 64 * 32 * 32, device="meta"))
    fc = params(nn.Linear(64 * 32 * 32, 10))
    bottleneck = params(nn.Conv2d(256, 64, 1, bias=False)) + params(
        nn.Conv2d(64, 64, 3, bias=False)
    )
    expected = {
        "parameter-sharing": [params(nn.Conv2d(3, 64, 3)), dense],
        "fully-connected-layer": [fc, params(nn.Conv2d(3, 64, 3))],
        "1x1-convolution": [
            params(nn.Conv2d(256, 64, 1)),
            params(nn.Conv2d(256, 64, 3, bias=False)),
            bottleneck,
        ],
        "conv-parameter-count": [params(nn.Conv2d(128, 64, 3))],
    }
    for card_id, figures in expected.items():
        notes = cards[card_id].notes
        assert notes is not None
        for lang in ("ko", "en"):
            found = numbers_in(getattr(notes, lang))
            for figure in figures:
                assert figure in found, f"{card_id} notes.{lang} lack {figure:,}"
