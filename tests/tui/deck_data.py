"""A small nine-lecture deck (lectures 2-10) for the TUI tests: Korean and
English, every question type, one card with a demo. Fixed here, not read from
content/, so screen snapshots do not change when the course is edited."""

from __future__ import annotations

from studytui.content.deck import Deck
from studytui.content.lecture_schema import validate_lecture
from studytui.content.model import Lecture

TITLES = {
    2: ("신경망 기초", "Neural network basics"),
    3: ("최적화", "Optimization"),
    4: ("합성곱 신경망", "Convolutional networks"),
    5: ("CNN 구조", "CNN architectures"),
    6: ("순환 신경망", "Recurrent networks"),
    7: ("LSTM과 GRU", "LSTM and GRU"),
    8: ("어텐션과 트랜스포머", "Attention and the Transformer"),
    9: ("생성 모델", "Generative models"),
    10: ("정규화와 규제", "Normalization and regularization"),
}

# (id, term ko, term en, definition ko, definition en)
CARDS = {
    2: [("perceptron", "퍼셉트론", "Perceptron", "가중합에 계단 함수를 적용하는 가장 단순한 신경망",
         "The simplest neural network: a step function of a weighted sum"),
        ("activation", "활성화 함수", "Activation function", "뉴런의 출력에 비선형성을 더하는 함수",
         "A function that adds non-linearity to a neuron's output")],
    3: [("momentum", "모멘텀", "Momentum", "이전 기울기의 지수 이동 평균으로 속도를 유지하는 방법",
         "Keeps a velocity: an exponential moving average of past gradients"),
        ("adam", "아담", "Adam", "모멘텀과 RMSprop을 합친 적응형 옵티마이저",
         "An adaptive optimizer combining momentum and RMSprop"),
        ("adagrad", "아다그라드", "Adagrad", "기울기 제곱의 누적합으로 학습률을 줄이는 방법",
         "Scales the learning rate by the sum of squared gradients")],
    4: [("convolution", "합성곱", "Convolution", "작은 필터를 입력 위로 밀며 가중합을 구하는 연산",
         "Slides a small filter over the input, taking weighted sums")],
    5: [("resnet", "잔차 연결", "Residual connection",
         "입력을 출력에 더해 깊은 망의 학습을 돕는 지름길",
         "A shortcut adding a block's input to its output")],
    6: [("rnn", "순환 신경망", "Recurrent neural network",
         "은닉 상태를 다음 시점으로 넘기는 신경망",
         "A network that passes a hidden state from step to step")],
    7: [("lstm", "장단기 메모리", "LSTM", "게이트로 셀 상태를 조절해 긴 의존성을 배우는 RNN",
         "An RNN whose gates control a cell state to learn long dependencies")],
    8: [("attention", "어텐션", "Attention", "질의와 키의 유사도로 값들의 가중 평균을 구하는 방법",
         "A weighted average of values by query-key similarity")],
    9: [("gan", "적대적 생성 신경망", "GAN", "생성자와 판별자가 경쟁하며 학습하는 모델",
         "A generator and a discriminator trained against each other")],
    10: [("dropout", "드롭아웃", "Dropout", "학습 중 뉴런을 무작위로 끄는 규제",
          "Regularization that randomly zeroes neurons during training")],
}

EXTRA = {
    "adam": {
        "formula": "m = β1·m + (1-β1)·g;  v = β2·v + (1-β2)·g²",
        "notes": {"ko": "기본 학습률은 보통 0.001이다.", "en": "The usual learning rate is 0.001."},
        "tags": ["optimizer"],
        "demo": {"name": "optimizer-race", "params": {"focus": "adam", "steps": 50}},
    },
    "momentum": {"tags": ["optimizer"], "aliases": ["SGD with momentum"]},
    "adagrad": {"tags": ["optimizer"]},
}


def bi(ko: str, en: str) -> dict[str, str]:
    return {"ko": ko, "en": en}


QUESTIONS = {
    3: [
        {"id": "q-adam-choice", "type": "choice", "card": "adam",
         "prompt": bi("아담이 합친 두 방법은?", "Which two methods does Adam combine?"),
         "choices": [bi("모멘텀과 RMSprop", "Momentum and RMSprop"),
                     bi("드롭아웃과 배치 정규화", "Dropout and batch normalization"),
                     bi("합성곱과 풀링", "Convolution and pooling")],
         "answer": 1, "explanation": bi("1차와 2차 모멘트를 함께 쓴다.",
                                         "It keeps first and second moments.")},
        {"id": "q-adaptive-multi", "type": "multi", "card": "adagrad",
         "prompt": bi("적응형 학습률 옵티마이저를 모두 고르시오.",
                      "Pick every adaptive learning-rate optimizer."),
         "choices": [bi("아다그라드", "Adagrad"), bi("아담", "Adam"), bi("SGD", "SGD")],
         "answer": [1, 2], "explanation": bi("SGD는 학습률이 고정이다.",
                                              "SGD keeps a fixed learning rate.")},
        {"id": "q-momentum-tf", "type": "truefalse", "card": "momentum",
         "prompt": bi("모멘텀은 이전 기울기를 무시한다.", "Momentum ignores past gradients."),
         "answer": False, "explanation": bi("이전 기울기의 이동 평균을 쓴다.",
                                             "It uses a moving average of past gradients.")},
        {"id": "q-momentum-short", "type": "short", "card": "momentum",
         "prompt": bi("이전 기울기의 이동 평균으로 속도를 유지하는 방법은?",
                      "Which method keeps a moving average of past gradients as a velocity?"),
         "answer": bi("모멘텀", "Momentum"),
         "explanation": bi("관성처럼 속도를 유지한다.", "It keeps a velocity, like inertia.")},
        {"id": "q-adam-cloze", "type": "cloze", "card": "adam",
         "prompt": bi("아담은 모멘텀과 ___을 합친다.", "Adam combines momentum and ___."),
         "answer": bi("RMSprop", "RMSprop"),
         "explanation": bi("2차 모멘트는 RMSprop에서 왔다.",
                           "The second moment comes from RMSprop.")},
    ],
}


def lecture(number: int) -> Lecture:
    ko, en = TITLES[number]
    cards = []
    for cid, tko, ten, dko, den in CARDS[number]:
        card = {"id": cid, "term": bi(tko, ten), "definition": bi(dko, den)}
        card.update(EXTRA.get(cid, {}))
        cards.append(card)
    return validate_lecture({
        "id": f"lecture-{number:02d}", "number": number, "title": bi(ko, en),
        "summary": bi(f"{ko} 요약", f"{en} summary"), "cards": cards,
        "questions": QUESTIONS.get(number, []),
    })


def test_deck() -> Deck:
    return Deck.of([lecture(n) for n in TITLES])


test_deck.__test__ = False  # a builder, not a pytest test
