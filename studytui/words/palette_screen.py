"""The command palette's own words, which Textual writes in English."""

WORDS = {
    "palette.placeholder": ("명령, 강의, 카드, 데모 검색…",
                            "Search commands, lectures, cards, demos…"),
    "palette.no_matches": ("찾는 명령이 없습니다", "No matches found"),
}
