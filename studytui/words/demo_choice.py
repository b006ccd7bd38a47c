"""Words of the list a card with several demos offers them in."""

WORDS = {
    "demo_choice.title": ("이 카드의 데모: 하나를 고르세요 (Enter 열기, Esc 뒤로)",
                          "This card's demos: pick one (Enter opens, Esc goes back)"),
    "card.demos": ("[d] 데모 {n}개: {names}", "[d] {n:~demo}: {names}"),
}
