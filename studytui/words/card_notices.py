"""Notices about a card shown where a key did nothing visible: no demo for `d`."""

WORDS = {
    "card.no_demo": ("이 카드에는 데모가 없습니다 (데모 모음: 홈에서 {key})",
                     "This card has no demo (the demo gallery: {key} on Home)"),
}
WORDS.update({
    # a card's page (Browse -> Enter): its marks toggle, each said as on the review screen
    "keys.card.bury": ("내일로 미루기/해제", "Bury/unbury"),
    "keys.card.bury.tip": ("이 카드를 내일까지 빼거나 다시 넣습니다",
                           "Keep this card out until tomorrow, or let it back in"),
    "keys.card.undo": ("되돌리기", "Undo"),
    "keys.card.undo.tip": ("이 쪽에서 한 마지막 표시를 되돌립니다",
                           "Take back the last mark made on this page"),
    "mark.unsuspend": ("일시 중지를 풀었습니다: 다시 세션에 나옵니다",
                       "Card unsuspended: it is back in sessions"),
    "mark.unbury": ("내일로 미루기를 풀었습니다: 오늘 다시 나옵니다",
                    "Card unburied: it is back today"),
})
