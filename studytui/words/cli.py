"""The command line's words: `studytui stats` and the checks on its options."""

WORDS = {
    "cli.stats_title": ("studytui 통계", "studytui stats"),
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
