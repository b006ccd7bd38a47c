"""Words of the inside-the-LSTM demo (lecture 7): its picture, lessons,
summary and parameters."""

WORDS = {
    "demos.lstm.title": ("LSTM 들여다보기", "Inside the LSTM"),
    "demos.lstm.equations": ("PyTorch 문서의 식과 게이트 순서 (σ = 시그모이드, ⊙ = 원소별 곱)",
                             "PyTorch's equations and gate order (σ = sigmoid, ⊙ = elementwise)"),
    "demos.lstm.step": ("단계 {t}: 입력 {token}", "step {t}: input {token}"),
    "demos.lstm.memory": ("시간에 따른 기억: 마지막 출력의 기울기가 앞선 입력 {n}개에 닿는 크기",
                          "Memory over time: the gradient of the last output at each of "
                          "{n:~input}"),
    "demos.lstm.memory_axes": ("가로: 입력 단계 1…{n}, 세로: log10 ‖∂h_{n}/∂x_t‖",
                               "across: input step 1…{n}; up: log10 ‖∂h_{n}/∂x_t‖"),
    "demos.lstm.lesson.forget": (
        "망각 게이트 f의 평균은 {f}입니다: 매 단계 셀 상태의 그만큼을 간직합니다.",
        "The forget gate f averages {f}: each step keeps that share of the cell state."),
    "demos.lstm.lesson.update": (
        "업데이트 게이트 z의 평균은 {z}입니다: 매 단계 이전 은닉 상태의 그만큼을 그대로 둡니다.",
        "The update gate z averages {z}: each step keeps that share of the old hidden state."),
    "demos.lstm.lesson.reach": (
        "{cell}: 첫 입력에 닿는 기울기는 마지막 입력의 {ratio}배입니다 ({n}단계).",
        "{cell}: the gradient reaching the first input is {ratio} times the last one's "
        "({n:~step})."),
    "demos.lstm.lesson.further": (
        "{cell}은 기본 RNN보다 기울기를 {times}배 더 멀리 전달합니다: 기울기 소실이 덜합니다.",
        "{cell} carries the gradient {times} times further back than the plain RNN: it "
        "vanishes less."),
    "demos.lstm.summary": (
        "RNN, LSTM, GRU를 단계별로 봅니다: 게이트, 상태, 그리고 기울기 소실.",
        "RNN, LSTM and GRU step by step: gates, states, and vanishing gradients."),
    "demos.lstm.param.cell": ("순환 셀", "the recurrent cell"),
    "demos.lstm.param.hidden": ("은닉 상태 크기", "hidden size"),
    "demos.lstm.param.sequence": ('입력 숫자, 예: "1, 0.5, -1"',
                                  'input numbers, e.g. "1, 0.5, -1"'),
    "demos.lstm.param.sentence": ("토큰마다 무작위 임베딩을 받는 문장",
                                  "a sentence whose tokens get random embeddings"),
    "demos.lstm.param.features": ("문장 임베딩 크기", "embedding size for a sentence"),
    "demos.lstm.param.length": ("시간에 따른 기억을 볼 수열의 길이",
                                "steps of the memory-over-time sequence"),
    "demos.lstm.param.animate": ("한 단계씩 천천히 보여 주기 (TUI)",
                                 "hand the steps out slowly, to watch them (TUI)"),
    "demos.lstm.param.seed": ("가중치와 입력의 시드", "seed of the weights and inputs"),
}
