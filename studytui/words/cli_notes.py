"""CLI lines that were printed in English whatever the language."""

WORDS = {
    "cli.no_store_yet": ("{path}에 아직 복습 기록 저장소가 없습니다: 모든 카드가 새 카드입니다 "
                         "(아무것도 만들지 않았습니다)",
                         "no review store at {path} yet: every card is new "
                         "(nothing was created)"),
    "cli.cannot_write": ("출력을 쓸 수 없습니다: {reason}", "cannot write the output: {reason}"),
}
