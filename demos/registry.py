"""The registered demos. Importing this module never imports torch: the
loader checks card `demo:` links against it at start-up, and the TUI lists it.
"""

from __future__ import annotations

from demos.checks import check_attention, check_cnn_params
from demos.optimizer_race.optimizers import WITH_MOMENTUM
from demos.params import DemoSpec, Param, ParamError
from demos.registry_generative import SPECS as GENERATIVE_SPECS
from demos.registry_mlp_conv_lstm import SPECS as LECTURE_2_4_7
from studytui.words import say

OPTIMIZERS = ("sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop", "adam")
FUNCTIONS = ("rosenbrock", "beale", "rastrigin", "saddle", "valley")
ARCHS = (
    "alexnet",
    "vgg11",
    "vgg16",
    "vgg19",
    "resnet18",
    "resnet50",
    "googlenet",
    "densenet121",
)
COMPARISONS = (
    "3x3-vs-5x5",
    "inception-bottleneck",
    "resnet-bottleneck",
    "convolutionalization",
    "densenet-growth",
)

DEMOS: dict[str, DemoSpec] = {
    spec.name: spec
    for spec in (
        DemoSpec(
            name="optimizer-race",
            title_ko="옵티마이저 경주",
            title_en="Optimizer race",
            lecture=3,
            summary_en="torch.optim optimizers race down a 2-D test function.",
            compute="demos.optimizer_race.compute:run",
            render="demos.optimizer_race.render:render",
            params=(
                Param(
                    "function", "choice", "rosenbrock", "the surface to descend", options=FUNCTIONS
                ),
                Param(
                    "optimizers", "choices", OPTIMIZERS, "which optimizers race", options=OPTIMIZERS
                ),
                Param(
                    "lr",
                    "floatmap",
                    {},
                    "learning-rate overrides, e.g. adam=0.05",
                    low=1e-6,
                    high=10.0,
                    options=OPTIMIZERS,
                ),
                Param(
                    "start",
                    "point",
                    None,
                    "start point x,y (default: the function's own)",
                    low=-10.0,
                    high=10.0,
                    nullable=True,
                ),
                Param("steps", "int", None, "optimizer steps per runner (default: the "
                      "function's own, 1000 on rosenbrock, 300 elsewhere)", low=1, high=2000,
                      nullable=True),
                Param(
                    "focus",
                    "choice",
                    None,
                    "the optimizer to put in front",
                    options=OPTIMIZERS,
                    nullable=True,
                ),
                Param("momentum", "floatmap", {}, "momentum overrides, e.g. nesterov=0.5",
                      low=0.0, high=0.99, options=WITH_MOMENTUM,
                      help_ko="모멘텀 바꾸기, 예: nesterov=0.5"),
            ),
            live="demos.optimizer_race.live:LIVE",
        ),
        DemoSpec(
            name="cnn-params",
            title_ko="CNN 파라미터 계산기",
            title_en="CNN parameter counter",
            lecture=4,
            summary_en="Counts a network's parameters layer by layer, formula beside torch.",
            compute="demos.cnn_params.compute:run",
            render="demos.cnn_params.render:render",
            params=(
                Param(
                    "arch", "choice", None, "a built-in architecture", options=ARCHS, nullable=True
                ),
                Param(
                    "layers",
                    "str",
                    None,
                    'a custom stack, e.g. "conv3x3:64,pool,fc:10"',
                    high=500,
                    nullable=True,
                ),
                Param(
                    "input", "str", None, "input shape CxHxW, e.g. 3x32x32", high=40, nullable=True
                ),
                Param(
                    "compare", "choice", None, "a named lesson", options=COMPARISONS, nullable=True
                ),
            ),
            check=check_cnn_params,
        ),
        DemoSpec(
            name="attention",
            title_ko="어텐션 미니 예제",
            title_en="Attention toy",
            lecture=8,
            summary_en="Scaled dot-product and multi-head attention, step by step.",
            compute="demos.attention.compute:run",
            render="demos.attention.render:render",
            params=(
                Param(
                    "sentence",
                    "str",
                    "나는 오늘 어텐션을 배운다",
                    "tokens, split on whitespace",
                    high=200,
                ),
                Param(
                    "seed",
                    "int",
                    0,
                    "seed of the random embeddings and weights",
                    low=0,
                    high=2**31 - 1,
                ),
                Param("d_model", "int", 8, "embedding size", low=2, high=64),
                Param("heads", "int", 2, "attention heads (must divide d_model)", low=1, high=8),
                Param("causal", "bool", False, "mask future positions (decoder)"),
                Param("positional", "bool", True, "add sinusoidal positional encoding"),
            ),
            check=check_attention,
            live="demos.attention.pages:LIVE",
        ),
        *LECTURE_2_4_7,
    )
}

DEMOS.update((spec.name, spec) for spec in GENERATIVE_SPECS)  # lectures 6, 9, 10


def get_demo(name: str) -> DemoSpec:
    """The demo called `name`, or ParamError naming the valid ones."""
    try:
        return DEMOS[name]
    except KeyError:
        ko, en = (say("demo_params.unknown_demo", lang, shown=repr(name), valid=", ".join(DEMOS))
                  for lang in ("ko", "en"))
        raise ParamError("demo", en, ko) from None
