"""The quiz: setup, questions and feedback, the result."""

WORDS = {
    "quiz.true": ("참", "True"),
    "quiz.false": ("거짓", "False"),
    "quiz.answer_placeholder": ("답을 입력하고 Enter", "Type your answer, then Enter"),
    "quiz.question_no": ("문제 [b]{n}/{total}[/b]", "Question [b]{n}/{total}[/b]"),
    "quiz.score_so_far": ("점수 [b]{right}/{answered}[/b]", "score [b]{right}/{answered}[/b]"),
    "quiz.correct": ("정답", "Correct"),
    "quiz.wrong": ("오답", "Wrong"),
    "quiz.expected": ("정답", "Answer"),
    "quiz.you_wrote": ("입력한 답", "You wrote"),
    "quiz.next_hint": ("다음 문제", "next"),
    "quiz.type_first": ("먼저 답을 입력하세요", "Type an answer first"),
    # setup
    "setup.lectures": ("강의 (Space: 선택)", "Lectures (space: toggle)"),
    "setup.question_count": ("{n}문제", "{n} q"),
    "setup.count": ("문제 수", "Questions"),
    "setup.seed": ("시드 (선택)", "Seed (optional)"),
    "setup.seed_placeholder": ("무작위", "random"),
    "setup.start": ("시작", "Start"),
    "setup.pick_lecture": ("강의를 하나 이상 고르세요", "Pick at least one lecture"),
    "setup.count_range": ("문제 수는 1에서 500 사이로 입력하세요",
                          "Questions: a number from 1 to 500"),
    # result
    "result.score": ("점수  {right} / {answered}", "Score  {right} / {answered}"),
    "result.no_misses": ("모두 맞혔습니다!", "No misses!"),
    "result.missed": ("틀린 문제 ({n}) — 오답노트에 담았습니다",
                      "Missed ({n}) — kept in your wrong-answer notebook"),
}
