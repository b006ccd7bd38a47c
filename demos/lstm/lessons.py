"""What an LSTM demo run teaches, each lesson with the condition that makes
it true of that run (pure Python on the result)."""

from __future__ import annotations

from typing import Any


def reach(norms: list[float]) -> float:
    """How much of the last step's gradient norm is left at the first step."""
    return norms[0] / norms[-1] if norms[-1] > 0 else 0.0


def _mean(rows: list[list[float]]) -> float:
    values = [v for row in rows for v in row]
    return sum(values) / len(values)


def lessons(result: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(catalogue key, values) of every lesson that holds for `result`."""
    out: list[tuple[str, dict[str, Any]]] = []
    steps = result["steps"]
    if result["cell"] == "lstm":
        out.append(("demos.lstm.lesson.forget", {"f": f"{_mean([s['f'] for s in steps]):.2f}"}))
    if result["cell"] == "gru":
        out.append(("demos.lstm.lesson.update", {"z": f"{_mean([s['z'] for s in steps]):.2f}"}))
    norms = result["grad_norms"]
    if norms is None:
        return out
    n = result["length"]
    for cell in ("rnn", "lstm", "gru"):
        out.append(("demos.lstm.lesson.reach", {"cell": cell, "n": n,
                                                "ratio": f"{reach(norms[cell]):.1e}"}))
    rnn = reach(norms["rnn"])
    for cell in ("lstm", "gru"):
        if reach(norms[cell]) > rnn:
            out.append(("demos.lstm.lesson.further", {"cell": cell.upper(),
                                                      "times": f"{reach(norms[cell]) / rnn:.1e}"
                                                      if rnn > 0 else "∞"}))
    return out
