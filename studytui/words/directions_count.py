"""How Home, Stats and `studytui stats` name the directions a card is studied
in, when more than one is counted (each direction is a card of its own)."""

WORDS = {
    "dirs.forward": ("용어 → 정의", "term → definition"),
    "dirs.reverse": ("정의 → 용어", "definition → term"),
    "dirs.ko->en": ("한국어 → 영어 용어", "Korean → English term"),
    "dirs.en->ko": ("영어 → 한국어 용어", "English → Korean term"),
    "dirs.title": ("방향별", "By direction"),
    "dirs.note": ("카드는 방향마다 따로 셉니다: 두 방향으로 공부하는 카드는 2장입니다.",
                  "Each direction counts as a card: a card studied both ways is 2."),
    "figures.directions": (
        "방향: 역방향이나 한↔영 방향을 켜거나 공부하면, 카드는 방향마다 따로 셉니다 "
        "(Anki가 노트의 카드를 하나하나 세듯이). 두 방향으로 공부하는 카드는 2장이고, "
        "통계 화면의 방향별 줄을 더하면 합계가 됩니다",
        "Directions: once reverse or Korean↔English is on or studied, each direction of a "
        "card counts as a card of its own (as Anki counts each card of a note): a card "
        "studied both ways is 2, and Stats' rows by direction add up to the total"),
    "home.dirs": ("방향 {n}개를 따로 셈", "{n} directions counted apart"),
}
