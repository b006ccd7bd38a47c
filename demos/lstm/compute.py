"""Inside the LSTM: nn.RNN, nn.LSTM or nn.GRU (float64, weights seeded) run
over a short sequence, every gate of every step written out, and how far
back the gradient of the last output reaches for all three cells.

The gates are computed from the module's own state_dict with the equations
of PyTorch's documentation, in its gate order (LSTM i, f, g, o; GRU r, z, n);
`h` is the module's output, so the picture shows torch's numbers and the
gates that explain them.

Memory over time: a random sequence of `length` steps, and for each step t
the Frobenius norm of the Jacobian d h_T / d x_t (h_T: the last output),
computed with one backward pass per hidden unit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from demos.frames import Frame, finished, use_torch
from demos.lstm.spec import CELLS, GATES, inputs_of
from demos.pace import step_delay, wait

MODULES = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}


def make_cell(torch, cell: str, features: int, hidden: int, seed: int):
    """The module with PyTorch's own initialisation, drawn from `seed` (the
    global generator is left as it was)."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        module = getattr(torch.nn, MODULES[cell])(features, hidden, batch_first=True)
    return module.double()


def gates_of(torch, cell: str, sd: dict[str, Any], x, h, c):
    """One step by the documented equations: (gates by name, c or None, h)."""
    a = sd["weight_ih_l0"] @ x + sd["bias_ih_l0"]
    b = sd["weight_hh_l0"] @ h + sd["bias_hh_l0"]
    if cell == "rnn":
        h = torch.tanh(a + b)
        return {}, None, h
    if cell == "lstm":
        i, f, g, o = (a + b).chunk(4)
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        c = f * c + i * g
        return {"i": i, "f": f, "g": g, "o": o}, c, o * torch.tanh(c)
    (ar, az, an), (br, bz, bn) = a.chunk(3), b.chunk(3)
    r, z = torch.sigmoid(ar + br), torch.sigmoid(az + bz)
    n = torch.tanh(an + r * bn)
    return {"r": r, "z": z, "n": n}, None, (1 - z) * n + z * h


def state_lists(module) -> dict[str, Any]:
    return {k: v.tolist() for k, v in module.state_dict().items()}


def grad_norms(torch, cell: str, xs, hidden: int, seed: int) -> tuple[list[float], dict]:
    """||d h_T / d x_t||_F for every t, and the module's weights."""
    module = make_cell(torch, cell, xs.shape[1], hidden, seed)
    x = xs.clone().requires_grad_(True)
    out, _ = module(x[None])
    last = out[0, -1]
    total = torch.zeros(xs.shape[0], dtype=torch.float64)
    for k in range(hidden):
        (g,) = torch.autograd.grad(last[k], x, retain_graph=k + 1 < hidden)
        total += (g ** 2).sum(dim=1)
    return total.sqrt().tolist(), state_lists(module)


def frames(cell: str = "lstm", hidden: int = 4, sequence: str | None = None,
           sentence: str | None = None, features: int = 3, length: int = 60,
           seed: int = 0, animate: bool = False) -> Iterator[Frame]:
    torch = use_torch()
    tokens, rows = inputs_of(sequence, sentence, features, seed)
    xs = torch.tensor(rows, dtype=torch.float64)
    module = make_cell(torch, cell, xs.shape[1], hidden, seed)
    sd = {k: v.detach() for k, v in module.state_dict().items()}
    with torch.no_grad():
        out, _ = module(xs[None])
    base = {"demo": "lstm", "cell": cell, "module": f"nn.{MODULES[cell]}", "hidden": hidden,
            "seed": seed, "tokens": tokens, "inputs": rows, "weights": state_lists(module),
            "gate_names": list(GATES[cell]), "length": length, "grad_norms": None,
            "grad_inputs": None, "grad_weights": None}
    h = torch.zeros(hidden, dtype=torch.float64)
    c = torch.zeros(hidden, dtype=torch.float64)
    steps: list[dict[str, Any]] = []
    delay = step_delay(len(rows), animate)
    for t in range(len(rows)):
        gates, c_new, h_mine = gates_of(torch, cell, sd, xs[t], h, c)
        step = {name: v.tolist() for name, v in gates.items()}
        if c_new is not None:
            step["c"] = c_new.tolist()
            c = c_new
        step["h"] = out[0, t].tolist()
        step["h_from_gates"] = h_mine.tolist()
        h = out[0, t]
        steps.append(step)
        yield Frame({**base, "steps": list(steps)}, t + 1, len(rows) + 1)
        wait(delay)
    g = torch.Generator().manual_seed(seed)
    long_xs = torch.randn(length, xs.shape[1], generator=g, dtype=torch.float64)
    norms, weights = {}, {}
    for name in CELLS:
        norms[name], weights[name] = grad_norms(torch, name, long_xs, hidden, seed)
    yield Frame({**base, "steps": steps, "grad_norms": norms, "grad_inputs": long_xs.tolist(),
                 "grad_weights": weights}, len(rows) + 1, len(rows) + 1, finished=True)


def run(**params: Any) -> dict[str, Any]:
    """The whole run (the finished frame's data)."""
    return finished(frames(**params)).data
