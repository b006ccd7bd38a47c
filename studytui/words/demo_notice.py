"""The optimizer race's "what to notice" line (demos/optimizer_race/notice.py):
a sentence on the surface, then who did what in the run shown."""

WORDS = {
    "race_notice.rosenbrock": (
        "최소점 (1,1)은 길고 휘어진 평평한 골짜기 끝에 있어, 골짜기로 내려가기는 쉬워도 "
        "골짜기를 따라가기는 느립니다.",
        "the minimum (1,1) lies at the end of a long, curved, flat valley: reaching the "
        "valley is quick, following it is slow."),
    "race_notice.beale": (
        "가파른 벽과 평평한 고원 사이, (3, 0.5)의 좁은 골에 최소점이 있습니다.",
        "the minimum at (3, 0.5) sits in a narrow trough between steep walls and flat "
        "plateaus."),
    "race_notice.valley": (
        "골짜기를 가로지르는 방향(y)이 따라가는 방향(x)보다 20배 가파릅니다.",
        "the bowl is 20 times steeper across (y) than along (x)."),
    "race_notice.rastrigin": (
        "전역 최소점은 (0,0) 하나이고, 그 둘레에 지역 최솟값이 격자처럼 놓여 있습니다.",
        "one global minimum at (0,0), ringed by a grid of local minima."),
    "race_notice.saddle": (
        "(0,0)은 안장점이라 x로는 오르막, y로는 끝없는 내리막입니다.",
        "(0,0) is a saddle point: uphill along x, downhill without end along y."),
    "race_notice.all_local": (
        "모든 옵티마이저가 (0,0)이 아닌 지역 최솟값 근처에 갇혔습니다.",
        "every optimizer ends trapped around a local minimum, not at (0,0)."),
    "race_notice.local": ("지역 최솟값 근처에 갇힘: {names}",
                          "trapped around a local minimum: {names}"),
    "race_notice.reached": ("손실 {target} 이하 도달: {names}",
                            "reached loss <= {target}: {names}"),
    "race_notice.escaped": ("탈출 (손실 {target} 이하): {names}",
                            "escaped (loss <= {target}): {names}"),
    "race_notice.stuck": ("아직 탈출하지 못함: {names}", "not escaped yet: {names}"),
    "race_notice.moving": ("아직 움직이는 중: {names}", "still moving: {names}"),
    "race_notice.not_yet": ("아직 도달하지 못함: {names}", "not there yet: {names}"),
    "race_notice.diverged": ("발산: {names}", "diverged: {names}"),
    "race_notice.nobody": ("아무도 없음", "nobody"),
    "race_notice.at_step": ("{name} ({step}단계)", "{name} (step {step})"),
}
