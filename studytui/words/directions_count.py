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
    "home.dirs": ("방향 {n}개를 따로 셈", "{n} directions counted apart"),
}
