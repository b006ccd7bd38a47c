"""`studytui validate`: the summary of a deck that loaded."""

WORDS = {
    "validate.ok": ("이상 없음: 강의 {lectures}개, 카드 {cards}장, 문제 {questions}개",
                    "ok: {lectures:~lecture}, {cards:~card}, {questions:~question}"),
    "validate.ok_strict": ("이상 없음(엄격 검사): 강의 {lectures}개, 카드 {cards}장, "
                           "문제 {questions}개",
                           "ok: {lectures:~lecture}, {cards:~card}, {questions:~question} "
                           "(strict)"),
    "validate.warning": ("경고", "warning"),
}
