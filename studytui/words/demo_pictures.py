"""Words of the demo pictures: the drawing layer, the race, the attention
walk-through and the parameter counter (issue 19)."""

WORDS = {
    "demo_pictures.too_small": (
        "{title}: 그림을 그리려면 적어도 {need_w}x{need_h} 칸이 필요합니다 "
        "(지금 {have_w}x{have_h}).",
        "{title}: the picture needs at least {need_w}x{need_h} cells (this pane is "
        "{have_w}x{have_h}).",
    ),
    "demo_pictures.too_narrow": (
        "{title}: 숫자를 자르지 않고 표를 그리려면 너비가 적어도 {need}칸 필요합니다 "
        "(지금 {have}칸).",
        "{title}: the table needs at least {need} columns to show every number whole "
        "(this pane has {have}).",
    ),
    "demo_pictures.race.step": ("단계 {step}/{steps}", "step {step}/{steps}"),
    "demo_pictures.race.log_loss": ("색 = 손실 (로그 눈금)", "colour = loss (log scale)"),
    "demo_pictures.race.contours": (". = 손실의 등고선 (로그 눈금)",
                                    ". = loss contours (log scale)"),
    "demo_pictures.attention.columns": ("(열 {first}-{last}, 모두 {n}개)",
                                        "(columns {first}-{last} of {n})"),
    "demo_pictures.attention.x": ("X = 임베딩", "X = embedding"),
    "demo_pictures.attention.x_pe": ("X = 임베딩 + 위치 인코딩",
                                     "X = embedding + positional encoding"),
    "demo_pictures.attention.qkv": ("Q = XW_q, K = XW_k, V = XW_v (헤드 1의 열 {d_k}개)",
                                    "Q = XW_q, K = XW_k, V = XW_v (head 1: its {d_k} columns)"),
    "demo_pictures.attention.scores": ("점수 = QKᵀ (행: 쿼리 토큰, 열: 키 토큰)",
                                       "scores = QKᵀ (rows: query tokens, columns: key tokens)"),
    "demo_pictures.attention.scale": ("점수에 1/√d_k = {scale} 곱하기 (크기 맞추기)",
                                      "scale by 1/√d_k = {scale}"),
    "demo_pictures.attention.mask": ("미래 가리기: 대각선 위쪽 = -inf",
                                     "mask the future: above the diagonal = -inf"),
    "demo_pictures.attention.softmax": ("softmax 가중치: 각 행의 합 = 1",
                                        "softmax weights: every row sums to 1"),
    "demo_pictures.attention.weighted_sum": ("가중합 = 가중치 · V",
                                             "weighted sum = weights · V"),
    "demo_pictures.attention.every_head": ("헤드마다 다른 가중치", "the weights of every head"),
    "demo_pictures.attention.head": ("헤드 {i}", "head {i}"),
    "demo_pictures.attention.concat": ("헤드 이어 붙이기: concat(헤드) = {n}x{d}",
                                       "concat(heads) = {n}x{d}"),
    "demo_pictures.attention.output": ("출력 = concat · W_o", "output = concat · W_o"),
}
