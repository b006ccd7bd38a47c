"""Words of the MLP playground (lecture 2): its picture, lessons, summary
and parameters."""

WORDS = {
    "demos.mlp.title": ("MLP 놀이터", "MLP playground"),
    "demos.mlp.class": ("클래스 {k}", "class {k}"),
    "demos.mlp.colour": ("배경색 = 클래스 1일 확률", "colour = p(class 1)"),
    "demos.mlp.loss": ("손실 (단계별)", "loss per step"),
    "demos.mlp.accuracy": ("정확도 {acc} (단계 {step}/{steps})",
                           "accuracy {acc} (step {step}/{steps})"),
    "demos.mlp.params": ("층별 파라미터 = 입력·출력 + 편향",
                         "parameters per layer = in·out + bias"),
    "demos.mlp.total": ("합계 {total}", "total {total}"),
    "demos.mlp.lesson.affine": (
        "활성화 함수가 없으면 층을 아무리 쌓아도 하나의 아핀 변환입니다: 경계는 직선입니다.",
        "Without an activation the stack is one affine map: the boundary is a straight line."),
    "demos.mlp.lesson.xor_unsolved": (
        "그래서 XOR은 풀리지 않습니다: 정확도 {acc}. 직선 하나로는 XOR을 나눌 수 없습니다.",
        "So XOR stays unsolved: accuracy {acc}; no straight line splits XOR."),
    "demos.mlp.lesson.solved": (
        "{activation} 비선형성 덕분에 층이 경계를 구부려 문제를 풉니다: 정확도 {acc}.",
        "The {activation} nonlinearity lets the layers bend the boundary: solved, accuracy {acc}."),
    "demos.mlp.lesson.not_yet": (
        "아직 다 풀지 못했습니다 (정확도 {acc}): 단계를 늘리거나, 학습률을 바꾸거나, "
        "층을 넓혀 보세요.",
        "Not solved yet (accuracy {acc}): try more steps, another learning rate or a wider net."),
    "demos.mlp.lesson.bends": (
        "경계가 휘어 있습니다: 가장 잘 맞는 직선도 격자의 {pct}%에서 이 경계와 다릅니다.",
        "The boundary bends: the best straight line disagrees with it on {pct}% of the grid."),
    "demos.mlp.lesson.capacity": (
        "은닉층 {n}개, 파라미터 {total}개: 더 넓거나 깊은 망일수록 경계를 더 많이 "
        "구부릴 수 있습니다.",
        "{n:~hidden layer}, {total:~parameter}: a wider or deeper net can bend the boundary more."),
    "demos.mlp-playground.summary": (
        "작은 MLP가 2차원 예제 데이터를 실시간으로 학습합니다: 결정 경계, 손실, 파라미터 수.",
        "A small MLP learns a 2-D toy set live: decision surface, loss, parameters."),
    "demos.mlp-playground.param.dataset": ("2차원 예제 데이터", "the 2-D toy set"),
    "demos.mlp-playground.param.hidden": ('은닉층 크기, 예: "8,8" (없으면 "")',
                                          'hidden layer sizes, e.g. "8,8" ("" for none)'),
    "demos.mlp-playground.param.activation": ("층 사이의 활성화 함수",
                                              "the nonlinearity between layers"),
    "demos.mlp-playground.param.lr": ("Adam의 학습률", "Adam's learning rate"),
    "demos.mlp-playground.param.steps": ("전체 배치 학습 단계 수", "full-batch training steps"),
    "demos.mlp-playground.param.seed": ("데이터와 가중치의 시드",
                                        "seed of the data and weights"),
    "demos.mlp-playground.param.noise": ("점에 더하는 잡음", "noise added to the points"),
    "demos.mlp-playground.param.points": ("점의 개수", "how many points"),
}
