"""Notices about a card shown where a key did nothing visible: no demo for `d`."""

WORDS = {
    "card.no_demo": ("이 카드에는 데모가 없습니다 (데모 모음: 홈에서 {key})",
                     "This card has no demo (the demo gallery: {key} on Home)"),
}
