"""Every typed (short/cloze) question of the bundled deck, graded the way the
quiz grades it (`studytui.study.judge.judge` with the deck's QuestionGrader):
answers that must pass and answers that must fail.

The pass side is generated from each question's answer, accept list and, where
the question asks for its card's own name, the card's term and aliases, in
several spellings; `MUST_PASS` adds what the content audit found refused.
The fail side is curated per question (`MUST_FAIL`): a question without an
entry fails the test, so a new typed question needs its wrong answers written.
"""

from __future__ import annotations

import pytest

from studytui.content.deck import Deck
from studytui.content.loader import load_deck
from studytui.content.model import Question
from studytui.grading.question_grader import QuestionGrader
from studytui.study.judge import judge

DECK: Deck = load_deck(strict=True)
GRADER = QuestionGrader(DECK.cards.values())
TYPED = [q for q in DECK.questions.values() if q.type in ("short", "cloze")]

# Answers a student would rightly give that the audit found refused, and the
# forms the grading rules promise (abbreviation in brackets, numbers by value).
MUST_PASS: dict[str, list[str]] = {
    # Found by a student's review: the deck's own synonyms, a quotient, the
    # common spelling 피쳐.
    "q7-forget-activation": ["logistic function", "로지스틱"],
    "q8-add-norm": ["스킵 커넥션", "shortcut connection", "identity shortcut"],
    "q3-dropout-scale": ["1/0.8"],
    "q4-feature-map-name": ["피쳐맵", "피쳐 맵", "activation maps"],
    "q2-nn-definition": ["비선형 변환", "nonlinear transformation", "nonlinearities"],
    "q2-neuron-formula": ["bias term", "the bias term", "편향값", "bias b", "편향 b"],
    "q2-mlp-params": ["203530 parameters", "203,530개", "203 530"],
    "q2-nll-mle": ["maximum likelihood estimator", "최대 우도 추정법", "최대가능도방법",
                   "ML estimation",
                   "MLE (maximum likelihood estimation)"],
    "q2-softmax-uniform": ["0.250", "1/4", "25%"],
    "q2-backprop-name": ["오차역전파법", "역전파법", "오류 역전파", "backward propagation"],
    "q3-rmsprop-fix": ["지수 가중 평균", "지수적 이동 평균", "지수 평균", "EWMA",
                       "exponentially decaying average", "exponential moving average (EMA)"],
    "q3-boosting-name": ["the boosting method", "부스팅 기법", "부스팅이요", "아다부스트"],
    "q3-adam-name": ["적응적 모멘트 추정법"],
    "q3-minibatch-steps": ["469 iterations", "469번", "469 steps"],
    "q3-gd-direction": ["the opposite direction", "반대쪽"],
    "q3-noise-where": ["모델 파라미터"],
    "q3-mixup-formula": ["Beta(α, α)", "beta(alpha, alpha)", "Beta"],
    "q4-same-padding": ["2칸", "2 pixels"],
    "q4-pool-params": ["없다", "no parameters", "0 parameters", "0개"],
    "q4-param-formula": ["편향 개수", "출력 채널 개수"],
    "q5-residual-cloze": ["residual mapping", "잔차 사상", "잔차 매핑"],
    "q5-lrn-name": ["지역 응답 정규화", "국부 응답 정규화", "Local Response Normalization (LRN)"],
    "q5-bottleneck-restore": ["항등 스킵 연결", "identity skip connection", "숏컷 연결"],
    "q5-transition-name": ["전이 레이어", "트랜지션 층", "전환층"],
    "q6-nms-name": ["비최대 억제 (NMS)", "Non-Maximum Suppression (NMS)", "비최대치 억제"],
    "q6-faster-rcnn": ["영역 제안 네트워크 (RPN)", "리전 프로포절 네트워크(RPN)",
                       "지역 제안 네트워크", "RPN (Region Proposal Network)"],
    "q6-selective-search": ["선택적 검색"],
    "q6-rcnn-classifier": ["선형 SVM 분류기", "linear SVM classifier"],
    "q6-fc6-kernel": ["7x7x512", "7 x 7"],
    "q7-bptt-name": ["Backpropagation Through Time (BPTT)", "시간에 따른 역전파 (BPTT)",
                     "BPTT (backpropagation through time)"],
    "q7-ar-timespan": ["윈도우 크기"],
    "q8-score-key": ["키 벡터", "key vector"],
    "q8-autoregressive-name": ["오토리그레시브", "AR"],
    "q9-joint-formula": ["2ⁿ-1", "2^{n}-1", "2^(n)-1", "2^n − 1", "2ⁿ − 1", "2**n-1"],
    "q9-autoregressive-name": ["자기회귀 모형", "자기회귀모형", "AR"],
    "q10-elbo-name": ["ELBO (Evidence Lower Bound)", "ELBO (증거 하한)", "VLB"],
    "q10-jsd-name": ["JS 다이버전스", "젠센-섀넌 발산"],
    "q10-reparam-epsilon": ["standard normal distribution"],
    "q10-latent-marginal": ["prior distribution", "사전 확률 분포"],
    "q10-elbo-decomposition": ["true posterior"],
    "q8-query-shape": ["10x64", "(10, 64)"],
    "q9-bayes-posterior": ["0.180", "9/50", "18%"],
    "q7-cell-update-zero": ["1.0", "one"],
}

# Wrong answers a student might plausibly type: neighbours, other terms of the
# deck, near numbers, the card's own name where the question asks something else.
MUST_FAIL: dict[str, list[str]] = {
    "q2-nn-definition": ["선형", "linear", "affine"],
    "q2-neuron-formula": ["w", "가중치", "weight", "x"],
    "q2-mlp-params": ["203,520", "203264", "200960", "2035300", "1,2"],
    "q2-nll-mle": ["최소 제곱법", "least squares", "MAP", "negative log-likelihood"],
    "q2-softmax-uniform": ["0.75", "25", "0.3", "3"],
    "q2-backprop-name": ["경사 하강법", "gradient descent", "순전파", "chain rule"],
    "q2-chain-rule-value": ["8", "16", "24.5", "12"],
    "q2-hidden-layer-name": ["출력층", "output layer", "입력층", "hidden unit"],
    "q3-gd-direction": ["같은", "same", "수직", "perpendicular"],
    "q3-boosting-name": ["배깅", "bagging", "부트스트래핑", "random forest"],
    "q3-minibatch-steps": ["468", "470", "60000", "4.69"],
    "q3-rmsprop-fix": ["RMSprop", "누적합", "sum", "Adam", "momentum"],
    "q3-adam-name": ["Adam", "아담", "adaptive gradient", "Adagrad"],
    "q3-noise-where": ["레이블", "labels", "learning rate", "gradients"],
    "q3-label-smoothing-target": ["0.9", "0.01", "0.1", "0.99"],
    "q3-mixup-formula": ["α", "정규", "Gaussian", "uniform", "Dirichlet"],
    "q3-dropout-scale": ["0.8", "0.2", "1.2", "1.5"],
    "q3-generalization-name": ["과적합", "overfitting", "정규화", "regularization"],
    "q3-batch-gd-updates": ["469", "60000", "0", "2"],
    "q4-conv-rgb-params": ["4800", "4,865", "4928", "64"],
    "q4-param-formula": ["C_in", "입력 채널 수", "K", "K·K"],
    "q4-output-size-basic": ["27", "29", "32", "30"],
    "q4-same-padding": ["1", "3", "5", "2.5"],
    "q4-pool-params": ["4", "1", "2", "8"],
    "q4-local-connectivity": ["9", "3", "3072", "28"],
    "q4-feature-map-name": ["커널", "kernel", "receptive field", "filter"],
    "q4-channels-out": ["3", "32", "48", "19"],
    "q4-equivariance-cloze": ["불변", "invariant", "invariance", "불변성"],
    "q5-lrn-name": ["배치 정규화", "batch normalization", "layer normalization", "LN"],
    "q5-receptive-field": ["9x9", "5x5", "27x27", "6x6"],
    "q5-vgg-dropout-p": ["0.2", "0.05", "5", "0.25"],
    "q5-residual-cloze": ["H(x)", "x", "G(x)", "identity"],
    "q5-bottleneck-restore": ["1x1 convolution", "pooling", "dropout", "배치 정규화"],
    "q5-transition-name": ["dense block", "덴스 블록", "bottleneck", "growth rate"],
    "q5-densenet-name": ["ResNet", "GoogLeNet", "VGGNet", "DenseBlock"],
    "q5-dense-block-channels": ["384", "256", "160", "1024"],
    "q6-fc6-kernel": ["1x1", "3x3", "14x14", "4096"],
    "q6-nms-name": ["IoU", "selective search", "anchor box", "RoI pooling"],
    "q6-selective-search": ["sliding window", "RPN", "region proposal network",
                            "exhaustive search"],
    "q6-rcnn-classifier": ["softmax", "소프트맥스", "logistic regression", "random forest"],
    "q6-faster-rcnn": ["selective search", "선택적 탐색", "Fast R-CNN", "Faster R-CNN",
                       "RoI pooling"],
    "q7-ar-timespan": ["hidden state", "은닉 상태", "learning rate", "batch size"],
    "q7-bptt-name": ["RNN", "backpropagation", "truncated BPTT", "gradient clipping"],
    "q7-forget-activation": ["tanh", "ReLU", "softmax", "렐루"],
    "q7-cell-update-zero": ["0.5", "0", "2", "-1"],
    "q7-reset-gate": ["update", "업데이트", "forget", "output"],
    "q8-seq-transduction-name": ["attention", "sequence classification", "language modeling",
                                 "self-attention"],
    "q8-score-key": ["value", "밸류", "query", "쿼리"],
    "q8-attention-formula": ["d_k", "√d_model", "d_model", "√h"],
    "q8-add-norm": ["dropout", "attention", "드롭아웃", "batch normalization"],
    "q8-autoregressive-name": ["non-autoregressive", "masked", "beam search", "greedy"],
    "q8-self-attention-name": ["cross-attention", "encoder-decoder attention",
                               "multi-head attention", "인코더-디코더 어텐션"],
    "q8-query-shape": ["64x10", "10x512", "512x64", "10"],
    "q8-vit-patches": ["197", "14", "256", "3136"],
    "q9-categorical-params": ["m", "m+1", "2^m-1", "m-2"],
    "q9-joint-params-10": ["1024", "1,022", "10", "19"],
    "q9-joint-formula": ["2n-1", "2^n", "2^{n-1}", "2ⁿ⁻¹", "n", "2n - 1"],
    "q9-conditional-independence": ["p(z|x)", "p(x)", "p(x, z)", "p(z)"],
    "q9-autoregressive-name": ["VAE", "GAN", "Markov model", "마르코프 모델"],
    "q9-bayes-posterior": ["0.9", "0.0009", "0.018", "1.8"],
    "q10-latent-marginal": ["p(x|z)", "posterior", "사후 분포", "likelihood"],
    "q10-elbo-name": ["KL divergence", "log-likelihood", "ELBO decomposition", "upper bound"],
    "q10-elbo-decomposition": ["p(z)", "prior", "q(z|x)", "p(x|z)"],
    "q10-reparam-epsilon": ["N(μ, σ²)", "uniform", "N(1, 1)", "q(z|x)"],
    "q10-gan-objective": ["x", "D(x)", "z", "real sample"],
    "q10-jsd-name": ["KL divergence", "KL 발산", "Wasserstein distance", "cross-entropy"],
    "q10-generator-name": ["discriminator", "판별자", "encoder", "critic"],
    "q10-variational-distribution-name": ["prior", "사전 분포", "true posterior", "likelihood"],
    "q10-stargan-generators": ["20", "5", "10", "2"],
}


def _spellings(text: str) -> list[str]:
    """The same answer as learners type it: as written, case changed, spaces dropped."""
    out = [text, text.lower(), text.upper()]
    if " " in text:
        out.append(text.replace(" ", ""))
    return out


def generated_passes(q: Question) -> list[str]:
    return [s for text in GRADER.accepted(q) for s in _spellings(text)]


def _grade(q: Question, answer: str) -> bool:
    correct, _, _ = judge(q, answer, GRADER)
    return correct


def test_every_typed_question_has_answers_that_must_fail():
    missing = [q.id for q in TYPED if not MUST_FAIL.get(q.id)]
    assert missing == [], "typed questions without a MUST_FAIL entry"


def test_the_tables_name_only_typed_questions_of_the_deck():
    typed = {q.id for q in TYPED}
    assert set(MUST_FAIL) - typed == set() and set(MUST_PASS) - typed == set()


@pytest.mark.parametrize("q", TYPED, ids=lambda q: q.id)
def test_answers_that_must_pass(q):
    answers = generated_passes(q) + MUST_PASS.get(q.id, [])
    refused = [a for a in answers if not _grade(q, a)]
    assert refused == []


@pytest.mark.parametrize("q", TYPED, ids=lambda q: q.id)
def test_answers_that_must_fail(q):
    accepted = [a for a in MUST_FAIL.get(q.id, []) if _grade(q, a)]
    assert accepted == []


@pytest.mark.parametrize("q", TYPED, ids=lambda q: q.id)
def test_no_pass_is_also_listed_as_a_fail(q):
    # A contradiction in the tables would make one of them meaningless.
    assert set(generated_passes(q) + MUST_PASS.get(q.id, [])).isdisjoint(MUST_FAIL.get(q.id, []))
