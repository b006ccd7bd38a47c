"""The commented example lecture that `studytui init` writes into a new deck.
A test loads it with the real loader, so it cannot drift from the schema."""

EXAMPLE_FILE = "01-example.yaml"

EXAMPLE = """\
# yaml-language-server: $schema=./lecture.schema.json
# 예시 강의 / An example lecture. 이 파일을 고치거나 복사해 강의를 만드세요.
# Edit or copy this file to make your own lectures; check them with
#   studytui validate --content .
# and study them with
#   studytui --content .
id: 01-example                 # 강의 id: 영문 소문자, 숫자, 하이픈 / a slug, unique among lectures
number: 1                      # 강의는 번호 순서로 나옵니다 / lectures are listed by number
title: {ko: 예시 강의, en: An example lecture}
summary:
  ko: 카드와 퀴즈 문제를 어떻게 쓰는지 보여 주는 강의.
  en: How cards and quiz questions are written.
cards:
  - id: learning-rate          # 카드 id: 복습 기록이 여기에 묶이니 한 번 정하면 바꾸지 마세요
                               # the card's id: its review history hangs on it, never rename it
    term: {ko: 학습률, en: Learning rate}
    definition:
      ko: 경사 하강법에서 한 번에 가중치를 얼마나 움직일지 정하는 값.
      en: How far gradient descent moves the weights in one step.
    notes:                     # 선택 / optional: 직관, 흔한 실수 / intuition, pitfalls
      ko: 너무 크면 발산하고, 너무 작으면 학습이 느리다.
      en: Too large and training diverges; too small and it crawls.
    formula: "θ ← θ − η∇L"     # 선택 / optional: 한 줄 수식 / one line of math
    aliases: [step size]       # 선택 / optional: 다른 이름, 검색과 채점에 쓰임 / other names
    tags: [optimization]       # 선택 / optional: 소문자 태그 / lowercase tags
  - id: epoch
    term: {ko: 에폭, en: Epoch}
    definition:                # 한 언어만 써도 됩니다 / one language is enough
      ko: 학습 데이터 전체를 한 번 다 보는 것.
questions:                     # 선택 / optional: 퀴즈 문제 / quiz questions
  - id: q1-learning-rate
    type: short                # choice | multi | truefalse | short | cloze
    card: learning-rate        # 이 문제가 다루는 카드 / the card it tests
    # ? 가 든 값은 따옴표로 감쌉니다 / quote a value that holds a ?
    prompt: {ko: "한 걸음의 크기를 정하는 값은?", en: "Which value sets the size of a step?"}
    answer: {ko: 학습률, en: learning rate}
    accept: [step size]        # 정답으로 인정할 다른 답 / more answers that count
    explanation: {ko: 학습률이 한 걸음의 크기를 정한다., en: The learning rate sets the step size.}
  - id: q1-epoch-cloze
    type: cloze                # 빈칸은 ___ 로 표시 / the blank is ___
    card: epoch
    prompt: {ko: 학습 데이터 전체를 한 번 보는 것을 한 ___ 이라 한다.}
    answer: {ko: 에폭, en: epoch}
    explanation: {ko: 데이터 전체를 한 바퀴 도는 것이 한 에폭이다.}
"""
