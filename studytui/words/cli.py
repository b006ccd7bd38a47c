"""The command line's words: `studytui stats` and the checks on its options."""

WORDS = {
    "cli.stats_title": ("studytui 통계", "studytui stats"),
    "cli.orphaned": ("덱에서 사라진 카드의 복습", "reviews of cards no longer in the deck"),
    "cli.orphaned_count": ("{n}회 (보관 중, 합계에 포함; `doctor`가 카드를 알려 줍니다)",
                           "{n} (kept, in the total; `doctor` names them)"),
    "cli.true_retention": ("실제 기억률", "true retention"),
    "cli.reviews_per_day": ("일별 복습 (최근 14일)", "reviews per day (last 14 days)"),
    "cli.due_next": ("앞으로 14일 복습 예정", "due in the next 14 days"),
    "cli.none_yet": ("아직 없음", "none yet"),
    "cli.nothing_due": ("예정 없음", "nothing due"),
    "cli.warning": ("경고", "warning"),
    "cli.no_lecture": ("그런 강의가 없습니다 (강의: {numbers})",
                       "no such lecture (lectures: {numbers})"),
    "cli.count_range": ("1에서 500 사이의 수를 주세요", "give a number from 1 to 500"),
}
