"""Words of `studytui optimize`, `studytui reschedule` and the retention preview."""

WORDS = {
    "optimize.reading": ("복습 기록을 읽는 중: {path}", "Reading the review log: {path}"),
    "optimize.too_short": (
        "복습 {reviews}건 중 카드를 마지막으로 본 지 하루 이상 지나서 한 복습은 "
        "{judged}건입니다. "
        "매개변수를 맞추려면 이런 복습이 {min}건 필요하니 {needed}건 더 쌓인 뒤 다시 실행하세요. "
        "그때까지는 기본 매개변수를 씁니다.",
        "{reviews:~review}, {judged} of them a day or more after the card's previous review; "
        "fitting needs {min} such reviews: {needed} more. The default parameters stay in use."),
    "optimize.counts": (
        "복습 {reviews}건, 그중 평가에 쓴 복습 {judged}건 "
        "(카드를 마지막으로 본 지 하루 이상 지난 복습)",
        "{reviews:~review}; {judged} judged (a day or more after the card's previous review)"),
    "optimize.table_head": (
        "같은 기록으로 평가 (재현율 예측을 같은 폭 20구간으로 나눈 RMSE)",
        "Judged on the same log (RMSE over 20 equal-width bins of predicted recall)"),
    "optimize.col_set": ("매개변수", "parameters"),
    "optimize.col_loss": ("로그 손실", "log loss"),
    "optimize.col_rmse": ("RMSE(구간)", "RMSE (bins)"),
    "optimize.row_default": ("기본값", "default"),
    "optimize.row_current": ("지금 쓰는 값", "in use"),
    "optimize.row_fitted": ("새로 맞춘 값", "fitted now"),
    "optimize.kept_new": ("새로 맞춘 매개변수로 바꿉니다 (로그 손실이 더 낮음).",
                          "The fitted parameters replace the ones in use (lower log loss)."),
    "optimize.kept_old": ("지금 쓰는 매개변수를 그대로 둡니다 (새 값의 로그 손실이 더 낮지 않음).",
                          "The parameters in use stay (the fitted ones' log loss is not lower)."),
    "optimize.suggested": (
        "추천 목표 기억률: {suggested:.2f} (기억하는 카드 하나당 공부 시간이 가장 짧음, "
        "지금 설정: {current:.2f})",
        "Suggested desired retention: {suggested:.2f} (least study time per card remembered; "
        "yours: {current:.2f})"),
    "optimize.recorded": ("기록함: {path}", "Recorded in {path}"),
    "optimize.workload": (
        "앞으로 {days}일 하루 평균 복습: 지금 {before:.1f}건 → 바꾼 뒤 {after:.1f}건 "
        "(카드 {cards}장의 예정일이 바뀜)",
        "Reviews per day over the next {days} days: {before:.1f} now -> {after:.1f} after "
        "(a new due date for {cards:~card})"),
    "optimize.ask": ("카드 예정일을 다시 잡을까요? [y/N] ", "Reschedule these cards now? [y/N] "),
    "optimize.rescheduled": ("카드 {cards}장의 예정일을 다시 잡았습니다.",
                             "{cards:~card} rescheduled."),
    "optimize.not_rescheduled": (
        "예정일은 그대로입니다. 나중에 바꾸려면: studytui reschedule --yes",
        "Due dates unchanged. To reschedule later: studytui reschedule --yes"),
    "optimize.nothing_to_move": ("예정일이 바뀌는 카드가 없습니다.",
                                 "No card's due date would change."),
    "optimize.retention_saved": ("목표 기억률 {retention:.2f}을 설정 파일에 저장했습니다.",
                                 "Desired retention {retention:.2f} saved to the config file."),
    "reschedule.title": ("목표 기억률 {old:.2f} → {new:.2f}",
                         "Desired retention {old:.2f} -> {new:.2f}"),
    "reschedule.days": ("날짜", "days"),
    "reschedule.now": ("지금", "now"),
    "reschedule.after": ("바꾼 뒤", "after"),
    "reschedule.yes": ("예정일 다시 잡기 (y)", "Reschedule (y)"),
    "reschedule.no": ("예정일 그대로 (n)", "Keep due dates (n)"),
    "reschedule.suggested": ("추천 목표 기억률: {suggested:.2f} (studytui optimize로 계산)",
                             "Suggested for you: {suggested:.2f} (from studytui optimize)"),
    "reschedule.previewing": ("예정일 변화를 계산하는 중…", "Working out the new due dates…"),
}
