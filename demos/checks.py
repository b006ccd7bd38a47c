"""Rules that tie a demo's parameters together. Pure Python: the loader runs
them on card links at start-up, long before (and without) torch."""

from __future__ import annotations

from typing import Any

from demos.params import ParamError

MAX_TOKENS = 16


def check_attention(values: dict[str, Any]) -> None:
    if values["d_model"] % values["heads"]:
        divisors = [h for h in range(1, 9) if values["d_model"] % h == 0]
        raise ParamError("heads", f"{values['heads']} does not divide d_model={values['d_model']}"
                         f"; valid: {', '.join(map(str, divisors))}")
    tokens = values["sentence"].split()
    if not 1 <= len(tokens) <= MAX_TOKENS:
        raise ParamError("sentence", f"has {len(tokens)} tokens: give 1 to {MAX_TOKENS}")


def check_cnn_params(values: dict[str, Any]) -> None:
    chosen = [k for k in ("arch", "layers", "compare") if values[k] is not None]
    if len(chosen) > 1:
        raise ParamError(chosen[1], f"give only one of arch, layers, compare (got {chosen})")
    if values["input"] is not None and values["compare"] is not None:
        raise ParamError("input", "a comparison has its own input shape")
    # The custom grammar's own checks live with the spec parser (pure Python).
    from demos.cnn_params.spec import check_spec

    check_spec(values["layers"], values["input"])
