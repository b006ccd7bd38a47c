"""Words of the convolution demo (lectures 4 and 6): its picture, lessons,
summary and parameters."""

WORDS = {
    "demos.lessons": ("이 실행에서 배울 점", "What this run shows"),
    "demos.convolution.title": ("합성곱 들여다보기", "Convolution at work"),
    "demos.convolution.input": ("입력 {h}x{w}", "input {h}x{w}"),
    "demos.convolution.kernel": ("커널", "kernel"),
    "demos.convolution.output": ("출력 {h}x{w}", "output {h}x{w}"),
    "demos.convolution.cell": ("출력[{r},{c}]", "out[{r},{c}]"),
    "demos.convolution.scatter": (
        "전치 합성곱: 입력 칸마다 커널에 그 값을 곱해 출력에 흩뿌리고 겹치는 곳은 더합니다.",
        "transposed: every input cell spreads the kernel times its value into the output; "
        "overlaps add up."),
    "demos.convolution.size": ("출력 크기 공식", "output size"),
    "demos.convolution.field": ("수용 영역 (출력 한 칸이 보는 입력)",
                                "receptive field (the input one output cell sees)"),
    "demos.convolution.field_row": (
        "{name}: 커널 {k}, 스트라이드 {s} → 수용 영역 {r}x{r}, 칸 간격 {jump}",
        "{name}: kernel {k}, stride {s} → field {r}x{r}, step {jump}"),
    "demos.convolution.field_cut": ("(그림은 {side}x{side}칸까지만 그립니다)",
                                    "(drawn up to {side}x{side} cells)"),
    "demos.convolution.lesson.sum_zero": (
        "커널 가중치의 합이 0입니다: 값이 고른 영역은 0이 되고 경계에서만 반응합니다.",
        "The kernel's weights sum to 0: a flat region gives 0, only edges respond."),
    "demos.convolution.lesson.sum_one": (
        "커널 가중치의 합이 1입니다: 값이 고른 영역은 값이 그대로 유지됩니다.",
        "The kernel's weights sum to 1: a flat region keeps its value."),
    "demos.convolution.lesson.same": (
        "패딩 {p}로 가장자리까지 커널이 놓여 출력 크기가 입력과 같습니다 ({h}x{w}).",
        "Padding {p} lets the kernel sit on the border: the output keeps the input's size "
        "({h}x{w})."),
    "demos.convolution.lesson.shrinks": (
        "패딩이 없으면 출력이 줄어듭니다: {h}x{w} → {oh}x{ow}. 커널이 가장자리 칸을 중심에 둘 수 "
        "없기 때문입니다.",
        "Without padding the output shrinks: {h}x{w} → {oh}x{ow}; the kernel cannot centre on "
        "the border cells."),
    "demos.convolution.lesson.stride": (
        "스트라이드 {s}는 {s}칸씩 건너뛰며 계산하므로 출력이 약 1/{s}로 작아집니다 ({oh}x{ow}).",
        "Stride {s} skips positions: the output is about 1/{s} as wide ({oh}x{ow})."),
    "demos.convolution.lesson.dilation": (
        "팽창(dilation) {d}은 커널을 벌려 놓습니다: {kh}x{kw} 커널이 {sh}x{sw} 영역을 봅니다.",
        "Dilation {d} spreads the kernel: a {kh}x{kw} kernel spans {sh}x{sw} cells."),
    "demos.convolution.lesson.transposed": (
        "전치 합성곱은 크기를 키웁니다: 스트라이드 {s}로 {h}x{w} 입력이 {oh}x{ow} 출력이 됩니다.",
        "A transposed convolution upsamples: with stride {s}, {h}x{w} becomes {oh}x{ow}."),
    "demos.convolution.lesson.field": (
        "층 {n}개를 쌓으면 출력 한 칸이 입력 {r}x{r}칸을 봅니다.",
        "Stacking {n} layers, one output cell sees {r}x{r} input cells."),
    "demos.convolution.summary": (
        "커널이 입력 위를 미끄러지며 곱하고 더하는 과정, 출력 크기 공식, 수용 영역을 봅니다.",
        "A kernel slides over an input: the multiply-adds, the output size formula and the "
        "receptive field."),
    "demos.convolution.param.pattern": ("입력 그림 (시드로 만든 모양)", "the input picture"),
    "demos.convolution.param.size": ("입력 그림의 한 변 칸 수", "side of the input picture"),
    "demos.convolution.param.seed": ("noise 그림의 시드", "seed of the noise picture"),
    "demos.convolution.param.input": ('직접 준 입력, 예: "0 1 0; 1 1 1; 0 1 0"',
                                      'an input given as rows, e.g. "0 1 0; 1 1 1; 0 1 0"'),
    "demos.convolution.param.kernel": ('커널 이름 또는 행, 예: "0 1 0; 1 -4 1; 0 1 0"',
                                       'a named kernel or rows, e.g. "0 1 0; 1 -4 1; 0 1 0"'),
    "demos.convolution.param.stride": ("스트라이드", "stride"),
    "demos.convolution.param.padding": ("제로 패딩", "zero padding"),
    "demos.convolution.param.dilation": ("팽창 (커널 칸 사이 간격)",
                                         "dilation (spacing of the kernel's taps)"),
    "demos.convolution.param.transposed": ("전치 합성곱 (업샘플링)",
                                           "transposed convolution (upsampling)"),
    "demos.convolution.param.cell": ("곱셈과 덧셈을 풀어 쓸 출력 칸, 행,열 "
                                     "(0부터; 기본값: 가장 강하게 반응한 칸)",
                                     "the output cell to write out, row,col (from 0; default: "
                                     "the strongest)"),
    "demos.convolution.param.animate": ("한 칸씩 천천히 보여 주기 (TUI)",
                                        "hand the steps out slowly, to watch them (TUI)"),
    "demos.convolution.param.stack": ('수용 영역을 볼 층, 예: "3x3,3x3,pool"',
                                      'layers for the receptive field, e.g. "3x3,3x3,pool"'),
}
