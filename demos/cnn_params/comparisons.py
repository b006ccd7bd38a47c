"""The named lessons of cnn-params (`--compare NAME`): stacks side by side.
Pure data, no torch; compute counts each stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from demos.cnn_params.spec import LayerSpec, Shape, parse_layers


@dataclass(frozen=True)
class Stack:
    label_ko: str
    label_en: str
    input: Shape
    text: str  # the stack in the custom grammar, or a description
    specs: list[LayerSpec] = field(default_factory=list)
    dense: tuple[int, int] | None = None  # (layers, growth): a DenseNet block


@dataclass(frozen=True)
class Lesson:
    title_ko: str
    title_en: str
    lesson_ko: str
    lesson_en: str
    stacks: tuple[Stack, ...]
    facts: dict[str, Any] = field(default_factory=dict)


def _stack(label_ko: str, label_en: str, shape: Shape, text: str) -> Stack:
    return Stack(label_ko, label_en, shape, text, parse_layers(text))


# VGG16's fc6 rewritten as a convolution: a 7x7 kernel over the whole 7x7 map,
# no padding (the grammar's K//2 would keep the map 7x7), one output position.
_FC6_AS_CONV = Stack("7x7 합성곱으로 바꾼 fc6", "fc6 as a 7x7 convolution", (512, 7, 7),
                     "conv7x7:4096 (padding 0)", [LayerSpec("conv", 7, 4096, padding=0)])

_DENSE_LAYERS, _GROWTH, _DENSE_IN = 6, 32, 64
_DENSE_CHANNELS = [_DENSE_IN + i * _GROWTH for i in range(_DENSE_LAYERS + 1)]

COMPARISONS: dict[str, Lesson] = {
    "3x3-vs-5x5": Lesson(
        "3x3 두 번 vs 5x5 한 번", "Two 3x3 vs one 5x5",
        "3x3 합성곱 두 층은 5x5 한 층과 수용 영역(5x5)이 같지만 파라미터가 더 적고, "
        "사이에 비선형(ReLU)이 하나 더 들어간다 (VGG의 설계).",
        "Two stacked 3x3 convolutions see the same 5x5 receptive field as one 5x5, "
        "with fewer parameters and one more non-linearity between them (VGG's design).",
        (
            _stack("3x3 두 번", "two 3x3", (64, 56, 56), "conv3x3:64,relu,conv3x3:64"),
            _stack("5x5 한 번", "one 5x5", (64, 56, 56), "conv5x5:64"),
        ),
        {"receptive_field": "5x5"},
    ),
    "inception-bottleneck": Lesson(
        "1x1 병목: 인셉션 3a의 5x5 가지", "1x1 bottleneck: Inception 3a's 5x5 branch",
        "192채널 입력에 바로 5x5를 쓰는 대신 1x1로 16채널까지 줄인 뒤 5x5를 쓰면, "
        "출력 모양은 같고 파라미터는 약 10분의 1이다.",
        "Squeezing the 192 input channels to 16 with a 1x1 convolution before the 5x5 "
        "gives the same output shape with about a tenth of the parameters.",
        (
            _stack("5x5 바로", "5x5 directly", (192, 28, 28), "conv5x5:32"),
            _stack("1x1 병목 후 5x5", "1x1 bottleneck, then 5x5", (192, 28, 28),
                   "conv1x1:16,relu,conv5x5:32"),
        ),
    ),
    "resnet-bottleneck": Lesson(
        "ResNet 병목 블록", "ResNet bottleneck block",
        "256채널에서 3x3 두 층 대신 1x1(64로 축소) - 3x3 - 1x1(256으로 복원)을 쓰면 "
        "깊이는 늘고 파라미터는 크게 준다 (ResNet-50 이상).",
        "At 256 channels, 1x1 (reduce to 64) - 3x3 - 1x1 (restore to 256) instead of two "
        "3x3 layers is deeper and far cheaper (ResNet-50 and up).",
        (
            _stack("3x3 두 층 (256채널)", "two 3x3 at 256 channels", (256, 56, 56),
                   "conv3x3:256,relu,conv3x3:256"),
            _stack("병목 1x1-3x3-1x1", "bottleneck 1x1-3x3-1x1", (256, 56, 56),
                   "conv1x1:64,relu,conv3x3:64,relu,conv1x1:256"),
        ),
    ),
    "convolutionalization": Lesson(
        "합성곱화: VGG16의 fc6", "Convolutionalization: VGG16's fc6",
        "7x7x512 맵 위의 완전연결층 fc6은 7x7 합성곱(4096채널)과 파라미터 수가 같다. "
        "합성곱으로 바꾸면 더 큰 입력에서는 위치마다 점수를 내는 맵이 나온다 (FCN).",
        "The dense layer fc6 over the 7x7x512 map has exactly the parameters of a 7x7 "
        "convolution to 4096 channels; as a convolution it slides over larger inputs and "
        "yields a score map (FCN).",
        (_stack("완전연결 fc6", "dense fc6", (512, 7, 7), "fc:4096"), _FC6_AS_CONV),
    ),
    "densenet-growth": Lesson(
        "DenseNet: 연결로 자라는 채널", "DenseNet: growth by concatenation",
        f"DenseNet-121의 첫 dense block: 층마다 {_GROWTH}채널(성장률 k)을 만들어 입력에 "
        "이어 붙이므로 채널이 k씩 늘고, 전이층(1x1 합성곱 + 2x2 평균 풀링)이 채널과 크기를 "
        "절반으로 줄인다.",
        f"DenseNet-121's first dense block: each layer makes {_GROWTH} channels (growth "
        "rate k) and concatenates them to its input, so channels grow by k per layer; the "
        "transition (1x1 convolution + 2x2 average pool) halves channels and size.",
        (Stack("dense block 1 + 전이층 1", "dense block 1 + transition 1", (_DENSE_IN, 56, 56),
               f"{_DENSE_LAYERS} dense layers, growth {_GROWTH}, then a transition",
               dense=(_DENSE_LAYERS, _GROWTH)),),
        {"growth": _GROWTH,
         "channels": _DENSE_CHANNELS + [_DENSE_CHANNELS[-1] // 2]},
    ),
}
