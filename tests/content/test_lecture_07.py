"""Lecture 7 (RNN, LSTM, GRU): coverage contract, the gate formulas checked
against torch's own cells, and every numeric answer recomputed with torch, so a
wrong number in the YAML fails CI."""

from __future__ import annotations

from fractions import Fraction

import pytest
import torch
from torch import nn

from studytui.content.model import BiText, Lecture
from tests.content.conftest import assert_answer_is, card, params, question

FILE = "07-rnn.yaml"

# The concepts lecture 7 must teach: the notes' terms plus what the lecture needs,
# down to each gate of the LSTM (the output gate included) and of the GRU.
REQUIRED_CARDS = {
    "sequential-data",
    "sequential-model",
    "naive-sequence-model",
    "autoregressive-model",
    "markov-model",
    "latent-autoregressive-model",
    "rnn",
    "rnn-unrolling",
    "bptt",
    "short-term-dependency",
    "long-term-dependency",
    "rnn-vanishing-exploding-gradients",
    "gradient-clipping",
    "lstm",
    "lstm-cell-state",
    "lstm-forget-gate",
    "lstm-input-gate",
    "lstm-candidate-cell",
    "lstm-cell-update",
    "lstm-output-gate",
    "gru",
    "gru-reset-gate",
    "gru-update-gate",
    "recurrent-parameter-count",
}

X, H = 128, 256  # the sizes the parameter-count questions use


def card_formula(lecture: Lecture, cid: str) -> str:
    the_card = card(lecture, cid)
    assert the_card.formula is not None, cid
    return the_card.formula


def test_every_required_concept_has_a_card(lecture: Lecture) -> None:
    missing = REQUIRED_CARDS - {c.id for c in lecture.cards}
    assert not missing, f"lecture 7 lacks cards: {sorted(missing)}"


def test_each_lstm_gate_card_carries_its_formula(lecture: Lecture) -> None:
    expected = {
        "lstm-forget-gate": "f_t = σ(W_f·[h_{t−1}, x_t] + b_f)",
        "lstm-input-gate": "i_t = σ(W_i·[h_{t−1}, x_t] + b_i)",
        "lstm-candidate-cell": "C̃_t = tanh(W_C·[h_{t−1}, x_t] + b_C)",
        "lstm-cell-update": "C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t",
        "lstm-output-gate": "h_t = o_t ⊙ tanh(C_t)",
        "gru-reset-gate": "r_t = σ(W_r·[h_{t−1}, x_t] + b_r)",
        "gru-update-gate": "h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t",
    }
    for cid, formula in expected.items():
        assert formula in card_formula(lecture, cid), cid


def test_lstm_gate_formulas_match_torch_lstm_cell() -> None:
    # The formulas on the gate cards, computed by hand from torch's weights
    # (torch stacks the blocks in the order i, f, g, o), equal torch's LSTMCell.
    torch.manual_seed(0)
    cell = nn.LSTMCell(5, 4)
    x, h, c = torch.randn(3, 5), torch.randn(3, 4), torch.randn(3, 4)
    pre = x @ cell.weight_ih.T + cell.bias_ih + h @ cell.weight_hh.T + cell.bias_hh
    i, f, g, o = pre.chunk(4, dim=1)
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c_new = f * c + i * g
    h_new = o * torch.tanh(c_new)
    h_torch, c_torch = cell(x, (h, c))
    assert torch.allclose(c_new, c_torch, atol=1e-6)
    assert torch.allclose(h_new, h_torch, atol=1e-6)


def test_gru_update_gate_conventions_match_torch() -> None:
    # The update-gate card: torch writes h_t = (1 − z)·n + z·h_{t−1}, the card
    # (1 − z')·h_{t−1} + z'·h̃ with z' = 1 − z; the reset gate acts after W_hn·h.
    torch.manual_seed(0)
    cell = nn.GRUCell(5, 4)
    x, h = torch.randn(3, 5), torch.randn(3, 4)
    gi = x @ cell.weight_ih.T + cell.bias_ih
    gh = h @ cell.weight_hh.T + cell.bias_hh
    (ir, iz, in_), (hr, hz, hn) = gi.chunk(3, dim=1), gh.chunk(3, dim=1)
    r, z = torch.sigmoid(ir + hr), torch.sigmoid(iz + hz)
    n = torch.tanh(in_ + r * hn)
    z_card = 1 - z
    by_card = (1 - z_card) * h + z_card * n
    assert torch.allclose(by_card, cell(x, h), atol=1e-6)


def test_rnn_parameter_answer(lecture: Lecture) -> None:
    assert_answer_is(question(lecture, "q7-rnn-params"), params(nn.RNN(X, H)))


def test_lstm_parameter_answer(lecture: Lecture) -> None:
    assert_answer_is(question(lecture, "q7-lstm-params"), params(nn.LSTM(X, H)))


def test_gru_parameter_answer(lecture: Lecture) -> None:
    assert_answer_is(question(lecture, "q7-gru-params"), params(nn.GRU(X, H)))


@pytest.mark.parametrize(("x", "h"), [(1, 1), (10, 20), (128, 256), (300, 64)])
def test_parameter_count_formulas_hold(x: int, h: int) -> None:
    # The recurrent-parameter-count card's formulas.
    base = h * (x + h) + 2 * h
    assert params(nn.RNN(x, h)) == base
    assert params(nn.LSTM(x, h)) == 4 * base
    assert params(nn.GRU(x, h)) == 3 * base


def test_parameter_count_card_numbers(lecture: Lecture) -> None:
    the_card = card(lecture, "recurrent-parameter-count")
    assert the_card.notes is not None and the_card.notes.en is not None
    for module in (nn.RNN(X, H), nn.LSTM(X, H), nn.GRU(X, H)):
        assert f"{params(module):,}" in the_card.notes.en


def test_vanishing_gradient_answer(lecture: Lecture) -> None:
    h0 = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
    h = h0
    for _ in range(10):
        h = 0.5 * h
    h.backward()
    assert h0.grad is not None
    grad = Fraction(h0.grad.item())  # 2**-10 is exact in binary
    q = question(lecture, "q7-vanishing-factor")
    assert isinstance(q.answer, int)
    choices = [Fraction(c.en or "") for c in q.choices]
    assert choices[q.answer - 1] == grad and choices.count(grad) == 1


def test_exploding_gradient_figure_in_card(lecture: Lecture) -> None:
    h0 = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
    h = h0
    for _ in range(10):
        h = 1.5 * h
    h.backward()
    assert h0.grad is not None and round(h0.grad.item()) == 58
    the_card = card(lecture, "rnn-vanishing-exploding-gradients")
    assert the_card.notes is not None and "about 58" in (the_card.notes.en or "")


def test_cell_update_with_zero_weights_answer(lecture: Lecture) -> None:
    cell = nn.LSTMCell(3, 4)
    for p in cell.parameters():
        nn.init.zeros_(p)
    _, c_new = cell(torch.randn(1, 3), (torch.randn(1, 4), torch.full((1, 4), 2.0)))
    assert torch.allclose(c_new, c_new[0, 0].expand_as(c_new))  # every element the same
    answer = question(lecture, "q7-cell-update-zero").answer
    assert isinstance(answer, BiText) and answer.en is not None
    assert float(answer.en) == pytest.approx(c_new[0, 0].item())


def test_cell_state_gradient_is_the_forget_gate(lecture: Lecture) -> None:
    # q7-cell-state-gradient: along the direct path, ∂C_t/∂C_{t-1} = f_t.
    torch.manual_seed(0)
    f, i, g = torch.rand(4), torch.rand(4), torch.rand(4) * 2 - 1
    c_prev = torch.randn(4, requires_grad=True)
    c_t = f * c_prev + i * g
    c_t.sum().backward()
    is_forget_gate = bool(torch.allclose(c_prev.grad, f))
    assert question(lecture, "q7-cell-state-gradient").answer is is_forget_gate


def test_clipping_leaves_small_gradients_alone(lecture: Lecture) -> None:
    # q7-clipping: clipping shrinks a huge gradient and cannot enlarge a tiny one.
    big, small = nn.Parameter(torch.zeros(3)), nn.Parameter(torch.zeros(3))
    big.grad, small.grad = torch.full((3,), 100.0), torch.full((3,), 1e-6)
    nn.utils.clip_grad_norm_([big], max_norm=1.0)
    nn.utils.clip_grad_norm_([small], max_norm=1.0)
    assert big.grad.norm().item() == pytest.approx(1.0, rel=1e-4)
    assert torch.equal(small.grad, torch.full((3,), 1e-6))
    q = question(lecture, "q7-clipping")
    assert isinstance(q.answer, int) and "not fix vanishing" in (q.choices[q.answer - 1].en or "")
