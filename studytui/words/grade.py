"""Words of `studytui grade`, the author's check of how answers are graded."""

WORDS = {
    "grade.accepted": ("정답", "accepted"),
    "grade.typo": ("정답 (오타로 인정, 맞는 철자: {matched})", "accepted as a typo of {matched}"),
    "grade.rejected": ("오답: {why}", "rejected: {why}"),
    "grade.why.empty": ("빈 답입니다", "the answer is empty"),
    "grade.why.other": (
        "덱의 다른 용어입니다 ({term})",
        "it is a different term of the deck ({term})",
    ),
    "grade.why.closer": (
        "덱의 다른 용어 {term}에 더 가깝습니다",
        "it is as close to another term of the deck ({term})",
    ),
    "grade.why.wrong": ("인정되는 답이 아닙니다 (정답: {expected})",
                        "not an accepted answer (expected: {expected})"),
    "grade.why.choice": ("정답은 {expected}입니다", "the right answer is {expected}"),
    "grade.why.not-number": (
        "보기 번호(1-{count})로 답하세요",
        "answer with a choice number (1-{count})",
    ),
    "grade.why.not-numbers": (
        "보기 번호(1-{count})를 쉼표로 나눠 답하세요 (예: 1,3)",
        "answer with choice numbers (1-{count}) separated by commas, e.g. 1,3",
    ),
    "grade.why.not-truth": ("참/거짓(true/false)으로 답하세요", "answer true or false"),
    "grade.unknown": (
        "덱에 '{qid}' 문제가 없습니다{hint}",
        "no question '{qid}' in the deck{hint}",
    ),
    "grade.did-you-mean": (" (비슷한 문제: {ids})", " (did you mean {ids}?)"),
}
