"""Home and its lecture table, and the time words screens share."""

WORDS = {
    "home.today": ("오늘", "Today"),
    "home.due_now": ("복습할 카드 [b]{n}[/b]", "due now [b]{n}[/b]"),
    "home.reviewed_today": ("오늘 복습 [b]{n}[/b]", "reviewed today [b]{n}[/b]"),
    "table.cards": ("카드", "Cards"),
    "table.new": ("새 카드", "New"),
    "table.due": ("복습", "Due"),
    "table.learning": ("학습 중", "Lrn"),
    "table.reviews": ("복습 수", "Revs"),
    "time.now": ("지금", "now"),
    "time.in": ("{interval} 후", "in {interval}"),
    "time.sec": ("{s}초", "{s}s"),
    "time.min_sec": ("{m}분 {s}초", "{m}m {s}s"),
}
