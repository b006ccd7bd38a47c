"""Browse, a card's page, the stats screen, the settings screen."""

WORDS = {
    "browse.search_placeholder": ("/ 검색 (한국어나 영어)", "/ search (Korean or English)"),
    "browse.all_lectures": ("모든 강의", "All lectures"),
    "browse.all_tags": ("모든 태그", "All tags"),
    "browse.col.lecture": ("강의", "Lec"),
    "browse.col.term": ("용어", "Term"),
    "browse.col.tags": ("태그", "Tags"),
    "browse.col.demo": ("데모", "Demo"),
    "browse.count": ("카드 {n}/{total}장", "{n} of {total:~card}"),
    "browse.nothing": ("찾는 카드가 없습니다", "No card matches"),
    # stats
    "stats.heatmap": ("일별 복습 (12주)", "Reviews per day (12 weeks)"),
    "stats.retention": ("실제 기억률", "True retention"),
    "stats.forecast": ("앞으로 14일 복습 예보", "Due in the next 14 days"),
    "stats.recalled": ("복습 때 기억함 (어려움/알맞음/쉬움)", "recalled when due (Hard/Good/Easy)"),
    # True retention counts reviews of cards already in the review state (not a
    # new card's first ratings): say so, or "no reviews" contradicts the count beside it.
    "stats.no_reviews_due": ("복습 단계 카드를 아직 복습하지 않았습니다: 실제 기억률은 "
                             "그 복습만 셉니다",
                             "no review of a card in the review state yet: true retention "
                             "counts only those"),
    "stats.reviews_12w": ("최근 12주 복습 {n}회", "{n:~review} in the last 12 weeks"),
    "stats.today": ("오늘 {n}", "today {n}"),
    "stats.tomorrow": ("내일 {n}", "tomorrow {n}"),
    "stats.days": ("{d}일 {n}", "{d:~day} {n}"),
    "heatmap.none": ("아직 복습 기록이 없습니다", "no reviews yet"),
    "heatmap.less": ("적음", "less"),
    "heatmap.more": ("많음", "more"),
    **{f"month.{m}": (f"{m}월", name) for m, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)},
    "heatmap.mon": ("월", "Mon"),
    "heatmap.wed": ("수", "Wed"),
    "heatmap.fri": ("금", "Fri"),
    "heatmap.sun": ("일", "Sun"),
    # settings
    "settings.retention": ("목표 기억률 ({lo}-{hi})", "Desired retention ({lo}-{hi})"),
    "settings.new_per_day": ("하루 새 카드 수 ({lo}-{hi})", "New cards per day ({lo}-{hi})"),
    "settings.lang": ("언어", "Language"),
    "settings.save": ("저장", "Save"),
    "settings.file": ("설정 파일: {path}", "Config file: {path}"),
    "settings.not_saved": ("저장하지 못했습니다: {why}", "Not saved: {why}"),
    "browse.first_listed": ("앞의 {limit}장만 보입니다: 검색어로 좁혀 보세요",
                            "the first {limit} listed: search to narrow"),
    "settings.not_saved_cancelled": ("저장하지 않았습니다", "Not saved"),
    "settings.saved_to": ("저장했습니다: {path}", "Saved: {path}"),
    "settings.saved": ("설정을 저장했습니다", "Settings saved"),
}
