"""The demos of lectures 2, 4 (and 6) and 7: the MLP playground, convolution
at work and inside the LSTM. Pure Python, like the registry that lists them:
their checks parse text parameters without torch."""

from __future__ import annotations

from demos.convolution.spec import check as check_convolution
from demos.lstm.spec import check as check_lstm
from demos.mlp_playground.spec import check as check_mlp
from demos.params import DemoSpec, Param

SEED = Param("seed", "int", 0, "seed of the random data and weights", low=0, high=2**31 - 1)


SPECS = (
    DemoSpec(
        name="mlp-playground",
        title_ko="MLP 놀이터",
        title_en="MLP playground",
        lecture=2,
        summary_en="A small MLP learns a 2-D toy set live: decision surface, loss, parameters.",
        compute="demos.mlp_playground.compute:run",
        render="demos.mlp_playground.render:render",
        params=(
            Param("dataset", "choice", "xor", "the 2-D toy set",
                  options=("xor", "circles", "moons", "spiral", "linear")),
            Param("hidden", "str", "8,8", 'hidden layer sizes, e.g. "8,8" ("" for none)',
                  high=40),
            # Nullable: the parser reads "none" as no value, which here means no activation.
            Param("activation", "choice", "tanh", "the nonlinearity between layers",
                  options=("relu", "tanh", "sigmoid", "none"), nullable=True),
            Param("lr", "float", 0.03, "Adam's learning rate", low=1e-5, high=1.0),
            Param("steps", "int", 300, "full-batch training steps", low=1, high=3000),
            SEED,
            Param("noise", "float", 0.1, "noise added to the points", low=0.0, high=1.0),
            Param("points", "int", 200, "how many points", low=8, high=1000),
        ),
        check=check_mlp,
    ),
    DemoSpec(
        name="convolution",
        title_ko="합성곱 들여다보기",
        title_en="Convolution at work",
        lecture=4,
        also=(6,),
        summary_en="A kernel slides over an input: multiply-adds, output size, receptive field.",
        compute="demos.convolution.compute:run",
        render="demos.convolution.render:render",
        params=(
            Param("pattern", "choice", "square", "the input picture",
                  options=("square", "cross", "ring", "diagonal", "seven", "noise")),
            Param("size", "int", 8, "side of the input picture", low=3, high=16),
            SEED,
            Param("input", "str", None, 'an input given as rows, e.g. "0 1 0; 1 1 1; 0 1 0"',
                  high=2000, nullable=True),
            Param("kernel", "str", "edge-v", "edge-h, edge-v, blur, sharpen, identity, or rows",
                  high=400),
            Param("stride", "int", 1, "stride", low=1, high=4),
            Param("padding", "int", 0, "zero padding", low=0, high=4),
            Param("dilation", "int", 1, "spacing of the kernel's taps", low=1, high=4),
            Param("transposed", "bool", False, "transposed convolution (upsampling)"),
            Param("stack", "str", None, 'layers for the receptive field, e.g. "3x3,3x3,pool"',
                  high=200, nullable=True),
            Param("cell", "str", None, "the output cell to write out, row,col (from 0; "
                  "default: the strongest)", high=20, nullable=True),
            Param("animate", "bool", False, "hand the steps out slowly, to watch them (TUI)"),
        ),
        check=check_convolution,
    ),
    DemoSpec(
        name="lstm",
        title_ko="LSTM 들여다보기",
        title_en="Inside the LSTM",
        lecture=7,
        summary_en="RNN, LSTM and GRU step by step: gates, states, and vanishing gradients.",
        compute="demos.lstm.compute:run",
        render="demos.lstm.render:render",
        params=(
            Param("cell", "choice", "lstm", "the recurrent cell", options=("rnn", "lstm", "gru")),
            Param("hidden", "int", 4, "hidden size", low=1, high=16),
            Param("sequence", "str", None, 'input numbers, e.g. "1, 0.5, -1"', high=400,
                  nullable=True),
            Param("sentence", "str", None, "a sentence whose tokens get random embeddings",
                  high=200, nullable=True),
            Param("features", "int", 3, "embedding size for a sentence", low=1, high=8),
            Param("length", "int", 60, "steps of the memory-over-time sequence", low=10,
                  high=200),
            SEED,
            Param("animate", "bool", False, "hand the steps out slowly, to watch them (TUI)"),
        ),
        check=check_lstm,
    ),
)
