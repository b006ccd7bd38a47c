"""cnn-params: published totals, formula vs torch, the custom grammar against
a torch Sequential built here, and the named comparisons."""

from __future__ import annotations

import subprocess
import sys

import pytest
import torch
from torch import nn

from demos.cnn_params.compute import DEFAULT_ARCH, run
from demos.cnn_params.spec import check_spec
from demos.params import ParamError
from demos.registry import get_demo

# torchvision's published parameter counts (the list).
PUBLISHED = {
    "alexnet": 61_100_840, "vgg11": 132_863_336, "vgg16": 138_357_544,
    "vgg19": 143_667_240, "resnet18": 11_689_512, "resnet50": 25_557_032,
    "googlenet": 6_624_904, "densenet121": 7_978_856,
}


@pytest.mark.parametrize("arch", list(PUBLISHED))
def test_builtin_total_equals_torchvisions_published_count(arch):
    result = run(arch=arch)
    assert result["total_params"] == PUBLISHED[arch]
    assert result["trainable_params"] == PUBLISHED[arch]


@pytest.mark.parametrize("arch", list(PUBLISHED))
def test_formula_count_and_torch_numel_agree_layer_by_layer(arch):
    result = run(arch=arch)
    assert result["formula_total"] == result["torch_total"] == PUBLISHED[arch]
    assert result["agree"]
    for row in result["layers"]:
        assert row["params"] == row["torch_params"], row["name"]
        if row["params"]:
            assert row["formula"].endswith(f"= {row['params']:,}")


def test_conv_row_writes_its_formula_with_numbers():
    rows = run(arch="vgg16")["layers"]
    second_conv = [r for r in rows if r["type"] == "Conv2d"][1]
    assert second_conv["formula"] == "3x3x64x64 + 64 = 36,928"
    assert (second_conv["in_channels"], second_conv["out_channels"]) == (64, 64)
    assert second_conv["output_shape"] == [64, 224, 224]


def test_default_without_arch_layers_or_compare_is_vgg16():
    assert DEFAULT_ARCH == "vgg16"
    assert run()["arch"] == "vgg16"
    assert run()["total_params"] == PUBLISHED["vgg16"]


def test_counting_vgg19_allocates_no_weights():
    # On the meta device VGG19's 143M float32 weights (575 MB) never exist.
    code = (
        "import resource, torch\n"
        "from demos.cnn_params.compute import run\n"
        "run(arch='vgg11')\n"  # warm torch's lazy imports first
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "assert run(arch='vgg19')['total_params'] == 143667240\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)\n"
    )
    grown_kb = int(subprocess.check_output([sys.executable, "-c", code], text=True))
    assert grown_kb < 100_000


def _reference(model: nn.Sequential, shape: tuple[int, ...]):
    """Per-module parameter counts and real output shapes, from torch alone."""
    counts, shapes = [], []
    x = torch.zeros(2, *shape)
    model.eval()
    for module in model:
        x = module(x)
        counts.append(sum(p.numel() for p in module.parameters()))
        shapes.append(list(x.shape[1:]))
    return counts, shapes


@pytest.mark.parametrize(("spec", "shape", "reference"), [
    ("conv3x3:64,conv3x3:64,pool,conv1x1:32,fc:10", (3, 32, 32), lambda: nn.Sequential(
        nn.Conv2d(3, 64, 3, padding=1), nn.Conv2d(64, 64, 3, padding=1), nn.MaxPool2d(2),
        nn.Conv2d(64, 32, 1), nn.Flatten(), nn.Linear(32 * 16 * 16, 10))),
    ("conv5x5:16,bn,relu,pool,conv3x3:8,fc:100,bn,relu,fc:10", (1, 28, 28),
     lambda: nn.Sequential(
        nn.Conv2d(1, 16, 5, padding=2), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 8, 3, padding=1), nn.Flatten(), nn.Linear(8 * 14 * 14, 100),
        nn.BatchNorm1d(100), nn.ReLU(), nn.Linear(100, 10))),
    ("conv4x4:6,pool", (3, 9, 9), lambda: nn.Sequential(
        nn.Conv2d(3, 6, 4, padding=2), nn.MaxPool2d(2))),
])
def test_custom_stack_matches_a_torch_sequential_built_by_hand(spec, shape, reference):
    result = run(layers=spec, input="x".join(map(str, shape)))
    counts, shapes = _reference(reference(), shape)
    assert [r["params"] for r in result["layers"]] == counts
    assert [r["output_shape"] for r in result["layers"]] == shapes
    assert result["total_params"] == sum(counts)
    assert result["input"] == list(shape)


def test_custom_stack_defaults_to_a_3x32x32_input():
    result = run(layers="conv3x3:8,fc:10")
    assert result["input"] == [3, 32, 32]
    assert result["layers"][-1]["params"] == 8 * 32 * 32 * 10 + 10


@pytest.mark.parametrize(("layers", "shape", "param", "fragment"), [
    ("conv3x5:64", None, "layers", "only square kernels"),
    ("conv3x3:64,dropout", None, "layers", "item 2 'dropout' is not one of"),
    ("conv13x13:8", None, "layers", "kernel 13 is out of range: from 1 to 11"),
    ("conv3x3:5000", None, "layers", "channels 5000 is out of range"),
    ("fc:10,conv3x3:4", None, "layers", "put fc layers last"),
    ("pool", "3x1x1", "layers", "needs at least 2x2"),
    ("", None, "layers", "is empty"),
    ("conv3x3:4", "3x32", "input", "is not CxHxW"),
    ("conv3x3:4", "3x2000x32", "input", "height 2000 is out of range"),
    (None, "1x224x224", "input", "3xHxW"),
])
def test_bad_stack_or_input_is_rejected_naming_the_parameter(layers, shape, param, fragment):
    with pytest.raises(ParamError) as error:
        check_spec(layers, shape)
    assert error.value.param == param
    assert fragment in str(error.value)


def test_registry_runs_the_grammar_check_without_torch_work():
    with pytest.raises(ParamError) as error:
        get_demo("cnn-params").resolve({"layers": "conv3x3:4,bogus"})
    assert error.value.param == "layers"


def _totals(name: str) -> list[int]:
    return [stack["total_params"] for stack in run(compare=name)["stacks"]]


def test_two_3x3_have_fewer_parameters_than_one_5x5():
    c = 64
    assert _totals("3x3-vs-5x5") == [2 * (3 * 3 * c * c + c), 5 * 5 * c * c + c]


def test_inception_bottleneck_cuts_the_5x5_branch():
    direct, squeezed = _totals("inception-bottleneck")
    assert direct == 5 * 5 * 192 * 32 + 32
    assert squeezed == (192 * 16 + 16) + (5 * 5 * 16 * 32 + 32)


def test_resnet_bottleneck_is_cheaper_than_two_3x3():
    plain, bottleneck = _totals("resnet-bottleneck")
    assert plain == 2 * (3 * 3 * 256 * 256 + 256)
    assert bottleneck == (256 * 64 + 64) + (3 * 3 * 64 * 64 + 64) + (64 * 256 + 256)


def test_convolutionalized_fc6_has_the_dense_layers_parameters():
    result = run(compare="convolutionalization")
    dense, conv = result["stacks"]
    assert dense["total_params"] == conv["total_params"] == 512 * 7 * 7 * 4096 + 4096
    assert conv["layers"][-1]["output_shape"] == [4096, 1, 1]


def test_densenet_block_grows_by_concatenation_then_transition_halves():
    result = run(compare="densenet-growth")
    (stack,) = result["stacks"]
    first_norms = [r for r in stack["layers"] if r["name"].endswith("norm1")]
    assert [r["in_channels"] for r in first_norms] == [64 + 32 * i for i in range(6)]
    assert result["facts"]["channels"] == [64 + 32 * i for i in range(7)] + [128]
    assert stack["layers"][-1]["output_shape"] == [128, 28, 28]
