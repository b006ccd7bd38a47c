"""What an MLP playground run teaches, each lesson with the condition that
makes it true of that run (pure Python on the result)."""

from __future__ import annotations

from typing import Any

SOLVED = 0.95  # accuracy from which a toy set counts as learned
BENT = 0.03  # share of the grid a straight boundary must miss to call it bent


def parameter_rows(layers: list[int]) -> list[tuple[int, int, int]]:
    """(inputs, outputs, parameters = in·out + out) per Linear layer."""
    return [(a, b, a * b + b) for a, b in zip(layers, layers[1:], strict=False)]


def _solve3(m: list[list[float]], v: list[float]) -> list[float] | None:
    """m x = v for a 3x3 system (Gauss-Jordan with pivoting), None if singular."""
    a = [row[:] + [rhs] for row, rhs in zip(m, v, strict=True)]
    for col in range(3):
        pivot = max(range(col, 3), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            return None
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(3):
            if r != col:
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col], strict=True)]
    return [a[i][3] / a[i][i] for i in range(3)]


def straight_line_miss(grid: dict[str, Any]) -> float:
    """The share of grid points whose predicted class the best straight line
    (least squares on ±1 class values) gets wrong: 0 for a straight boundary."""
    samples = [(x, y, 1.0 if p > 0.5 else -1.0) for i, y in enumerate(grid["y"])
               for j, (x, p) in enumerate(zip(grid["x"], grid["p"][i], strict=True))]
    if len({s[2] for s in samples}) < 2:
        return 0.0  # one class everywhere: no boundary to bend
    feats = [(x, y, 1.0) for x, y, _ in samples]
    m = [[sum(f[i] * f[j] for f in feats) for j in range(3)] for i in range(3)]
    v = [sum(f[i] * s[2] for f, s in zip(feats, samples, strict=True)) for i in range(3)]
    w = _solve3(m, v)
    if w is None:
        return 0.0
    wrong = sum(1 for f, s in zip(feats, samples, strict=True)
                if (w[0] * f[0] + w[1] * f[1] + w[2] > 0) != (s[2] > 0))
    return wrong / len(samples)


def lessons(result: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(catalogue key, values) of every lesson that holds for `result`."""
    out: list[tuple[str, dict[str, Any]]] = []
    acc = result["accuracy"]
    linear = result["activation"] == "none" or len(result["layers"]) == 2
    if linear:
        out.append(("demos.mlp.lesson.affine", {}))
        if result["dataset"] == "xor" and acc < SOLVED:
            out.append(("demos.mlp.lesson.xor_unsolved", {"acc": f"{acc:.2f}"}))
    elif acc >= SOLVED:
        out.append(("demos.mlp.lesson.solved", {"acc": f"{acc:.2f}",
                                                "activation": result["activation"]}))
    else:
        out.append(("demos.mlp.lesson.not_yet", {"acc": f"{acc:.2f}"}))
    miss = straight_line_miss(result["grid"])
    if not linear and miss > BENT:
        out.append(("demos.mlp.lesson.bends", {"pct": f"{100 * miss:.0f}"}))
    total = sum(p for _, _, p in parameter_rows(result["layers"]))
    out.append(("demos.mlp.lesson.capacity", {"n": len(result["layers"]) - 2, "total": total}))
    return out
