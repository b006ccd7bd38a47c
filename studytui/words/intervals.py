"""How long until a card is due, as the rating buttons and due dates show it."""

WORDS = {
    "interval.under_minute": ("1분 미만", "<1m"),
    "interval.minutes": ("{n}분", "{n}m"),
    "interval.hours": ("{n}시간", "{n}h"),
    "interval.days": ("{n}일", "{n}d"),
    "interval.months": ("{n}개월", "{n}mo"),
    "interval.years": ("{n}년", "{n}y"),
}
