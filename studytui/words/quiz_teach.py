"""Quizzes that teach: "I was right", the wrong-answer notebook, exam mode,
generated practice, leaving mid-quiz, and the keys that go with them."""

WORDS = {
    # the quiz screen
    "teach.your_pick": ("내 답", "your answer"),
    "teach.disputed": ("맞은 것으로 처리했습니다", "Counted as right"),
    "teach.disputed_undone": ("이의 제기를 기록했고, 이 오답으로 남은 복습 기록(다시)은 "
                              "취소했습니다.",
                              "Your dispute is recorded, and the Again review this miss left "
                              "is undone."),
    "teach.disputed_kept": ("이의 제기를 기록했습니다. 복습 일정은 바뀌지 않았습니다.",
                            "Your dispute is recorded; the schedule was not changed."),
    "teach.again_recorded": ("공부한 카드라서 '다시'로 기록했습니다. 곧 다시 복습합니다.",
                             "You have studied this card, so the miss counts as Again: "
                             "it comes back for review soon."),
    "teach.not_studied": ("아직 공부하지 않은 카드라서 복습 일정은 그대로 둡니다.",
                          "You have not studied this card yet, so its schedule is "
                          "left alone."),
    "teach.dispute_hint": ("내 답이 맞았어요", "I was right"),
    "teach.generated": ("자동 생성 연습 문제", "generated practice"),
    "teach.how_choice": ("{move} 키로 고른 뒤 {submit} 키를 누르거나, 번호 키를 누르세요",
                         "Choose with {move} then {submit}, or press a number"),
    "teach.how_multi": ("{move} 키로 옮기고 {tick} 키나 번호 키로 하나 이상 고른 뒤 "
                        "{submit} 키를 누르세요",
                        "Tick one or more with {tick} (move with {move}) or the number "
                        "keys, then press {submit}"),
    "teach.help_schedule": (
        "퀴즈와 복습 일정: 퀴즈는 아직 공부하지 않은 카드를 건드리지도, 새로 꺼내지도 "
        "않습니다. 공부한 카드의 문제를 틀리면 그 카드를 '다시'로 평가한 것으로 기록해 "
        "곧 복습하게 됩니다. 맞히면 일정은 그대로입니다. 채점이 틀렸다고 생각하면 "
        "'내 답이 맞았어요' 키를 누르세요. 맞은 것으로 처리하고 '다시' 기록을 취소하며, "
        "입력한 답은 이의 제기로 남아 `studytui grade --disputes`에 나옵니다.",
        "Quizzes and the schedule: a quiz never touches or introduces a card you have "
        "not studied. A miss on a card you have studied is recorded as an Again review, "
        "so it comes back soon; a right answer leaves the schedule alone. If the verdict "
        "was wrong, press \"I was right\": the answer counts as right, the Again review "
        "is undone, and what you typed is kept as a dispute "
        "(`studytui grade --disputes` lists them)."),
    "teach.help_exam": (
        "시험: 끝날 때까지 채점 결과를 보여주지 않습니다. 제한 시간이 지나거나 중간에 "
        "끝내면 답하지 않은 문제는 틀린 것으로 칩니다. 끝나면 강의별·유형별 점수를 지난 "
        "시험과 나란히 보여줍니다.",
        "Exam: no verdicts until the end. When time runs out, or you stop early, "
        "unanswered questions count as wrong. At the end you see your score per "
        "lecture and per question type beside your earlier attempts."),
    "teach.help_notebook": (
        "오답노트: 퀴즈에서 틀린 문제를 모두 모아 둡니다. 틀린 뒤 두 번 연달아 맞히면 "
        "노트에서 빠집니다.",
        "The wrong-answer notebook keeps every question you missed in a quiz, until "
        "you answer it right twice in a row."),
    # leaving mid-quiz
    "teach.leave_quiz": ("퀴즈를 그만둘까요?\n지금까지 점수: {right}/{answered} "
                         "({total}문제 중 {answered}문제 답함)",
                         "Leave the quiz?\nScore so far: {right}/{answered} "
                         "({answered} of {total} answered)"),
    "teach.leave_exam": ("시험을 지금 끝낼까요?\n{total}문제 중 {answered}문제에 답했습니다. "
                         "남은 문제는 틀린 것으로 칩니다.",
                         "End the exam now?\n{answered} of {total} answered; the rest "
                         "count as wrong."),
    "teach.leave_yes": ("그만두기", "Leave"),
    "teach.leave_no": ("계속 풀기", "Keep going"),
    "teach.stopped": ("중간에 끝냈습니다: {total}문제 중 {answered}문제에 답했습니다",
                      "Stopped early: {answered} of {total} answered"),
    # exam
    "teach.exam_head": ("[b]시험[/b]", "[b]Exam[/b]"),
    "teach.time_left": ("남은 시간 [b]{time}[/b]", "time left [b]{time}[/b]"),
    "teach.exam_score": ("시험 점수  {right} / {asked}", "Exam score  {right} / {asked}"),
    "teach.exam_time": ("걸린 시간 {time}", "took {time}"),
    "teach.exam_unanswered": ("{n}문제에 답하지 못한 채 시험이 끝났습니다",
                              "{n} left unanswered when the exam ended"),
    "teach.unanswered": ("답하지 못한 문제 ({n})", "Unanswered ({n})"),
    "teach.by_lecture": ("강의별", "Per lecture"),
    "teach.by_type": ("문제 유형별", "Per question type"),
    "teach.type.choice": ("객관식", "choice"),
    "teach.type.multi": ("복수 선택", "multiple answers"),
    "teach.type.truefalse": ("참/거짓", "true/false"),
    "teach.type.short": ("단답형", "short answer"),
    "teach.type.cloze": ("빈칸 채우기", "fill in the blank"),
    "teach.this_attempt": ("이번", "This time"),
    "teach.earlier_attempt": ("지난번", "Last time"),
    "teach.first_attempt": ("첫 시험입니다. 다음 시험부터 지난 결과와 비교해 보여줍니다.",
                            "Your first exam: later attempts are shown beside this one."),
    "teach.past_attempts": ("지난 시험", "Earlier attempts"),
    # the notebook
    "teach.notebook_empty": ("오답노트가 비어 있습니다. 틀린 문제가 생기면 여기에 모입니다.",
                             "Your wrong-answer notebook is empty: questions you miss "
                             "gather here."),
    "teach.notebook_head": ("오답노트: {n}문제 (틀린 뒤 {k}번 연달아 맞히면 빠집니다)",
                            "Wrong-answer notebook: {n} to go (each leaves once "
                            "answered right {k} times in a row)"),
    "teach.notebook_when": ("마지막으로 틀린 때 {at} · 틀린 횟수 {misses} · 연속 정답 "
                            "{streak}/{k}",
                            "last missed {at} · missed {misses}× · right in a row "
                            "{streak}/{k}"),
    # setup and settings
    "teach.limit": ("제한 시간(분)", "Time limit (min)"),
    "teach.no_limit": ("없음", "none"),
    "teach.limit_range": ("제한 시간은 0에서 600분 사이로 입력하세요 (0이나 빈칸: 제한 없음)",
                          "Time limit: 0 to 600 minutes (0 or empty: none)"),
    "teach.exam": ("시험", "Exam"),
    "teach.notebook": ("오답노트", "Notebook"),
    "teach.settings_generated": ("자동 생성 연습 문제 (용어↔정의)",
                                 "Generated practice (term↔definition)"),
    # screens
    "screen.exam": ("시험", "Exam"),
    "screen.exam_result": ("시험 결과", "Exam result"),
    "screen.notebook": ("오답노트", "Wrong-answer notebook"),
    # keys
    "keys.quiz.move": ("옮기기", "Move"),
    "keys.quiz.up": ("위로", "Up"),
    "keys.quiz.up.tip": ("위의 보기로", "Move to the choice above"),
    "keys.quiz.down": ("아래로", "Down"),
    "keys.quiz.down.tip": ("아래 보기로", "Move to the choice below"),
    "keys.quiz.tick": ("선택/해제", "Tick"),
    "keys.quiz.tick.tip": ("복수 선택에서 지금 보기를 선택하거나 해제",
                           "Tick or untick the highlighted choice (multiple answers)"),
    "keys.quiz.dispute": ("내 답이 맞았어요", "I was right"),
    "keys.quiz.dispute.tip": ("틀렸다는 채점을 뒤집고 '다시' 기록을 취소",
                              "Count a wrong verdict as right and undo its Again review"),
    "keys.quiz_setup.exam": ("시험", "Exam"),
    "keys.quiz_setup.exam.tip": ("채점 결과를 끝에 한꺼번에 보는 시험 (제한 시간은 선택)",
                                 "Take an exam: no feedback until the end, optional "
                                 "time limit"),
    "keys.quiz_setup.notebook": ("오답노트", "Notebook"),
    "keys.quiz_setup.notebook.tip": ("틀린 문제 모아 보기", "Open the wrong-answer notebook"),
    "keys.notebook.quiz": ("오답 퀴즈", "Quiz my misses"),
    "keys.notebook.quiz.tip": ("오답노트의 문제로 퀴즈 풀기",
                               "A quiz of the questions in the notebook"),
    "keys.quiz_result.notebook": ("오답노트", "Notebook"),
    "keys.quiz_result.notebook.tip": ("틀린 문제 모아 보기", "Open the wrong-answer notebook"),
    "keys.exam_result.done": ("완료", "Done"),
    "keys.exam_result.done.tip": ("이전 화면으로", "Back"),
    "keys.quiz_leave.yes": ("그만두기", "Leave"),
    "keys.quiz_leave.yes.tip": ("지금까지의 결과를 보고 끝내기",
                                "Stop here and see the result so far"),
    "keys.quiz_leave.no": ("계속 풀기", "Keep going"),
    "keys.quiz_leave.no.tip": ("하던 문제로 돌아가기", "Back to the question"),
    # generated practice questions: the card's own words go in {text}, {term}, {definition}
    "teach.gen.term-def": ("다음 용어의 정의로 알맞은 것은?  {text}",
                           "Which is the definition of:  {text}"),
    "teach.gen.def-term": ("다음 설명에 해당하는 용어는?  {text}",
                           "Which term is described here?  {text}"),
    "teach.gen.explain": ("{term}: {definition}", "{term}: {definition}"),
    # the palette
    "finder.nav.notebook": ("오답노트", "Wrong-answer notebook"),
    "finder.nav.notebook_help": ("퀴즈에서 틀린 문제를 모아 보고 다시 풉니다",
                                 "The questions you missed in quizzes, to see and retry"),
    # studytui grade --disputes
    "grade.disputes_none": ("이의 제기가 없습니다", "no disputes"),
    "grade.dispute_line": ("{at}  {qid}  학습자의 답: {given}  (정답: {expected})",
                           "{at}  {qid}  answered: {given}  (expected: {expected})"),
    "grade.needs_answers": ("문제 id와 채점할 답을 주세요: studytui grade QUESTION_ID ANSWER...",
                            "give a question id and answers: studytui grade QUESTION_ID "
                            "ANSWER..."),
    "grade.disputes_alone": ("--disputes는 문제 id나 답 없이 씁니다",
                             "--disputes takes no question id or answers"),
    "grade.dispute_gone": ("덱에 없는 문제", "no longer in the deck"),
}
