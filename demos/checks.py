"""Rules that tie a demo's parameters together. Pure Python: the loader runs
them on card links at start-up, long before (and without) torch."""

from __future__ import annotations

from typing import Any

from demos.params import ParamError
from studytui.words import say

MAX_TOKENS = 16


def _error(param: str, key: str, **values: object) -> ParamError:
    ko, en = (say(f"demo_params.{key}", lang, **values) for lang in ("ko", "en"))
    return ParamError(param, en, ko)


def check_attention(values: dict[str, Any]) -> None:
    if values["d_model"] % values["heads"]:
        divisors = [h for h in range(1, 9) if values["d_model"] % h == 0]
        raise _error("heads", "heads_divide", heads=values["heads"], d_model=values["d_model"],
                     valid=", ".join(map(str, divisors)))
    tokens = values["sentence"].split()
    if not 1 <= len(tokens) <= MAX_TOKENS:
        raise _error("sentence", "token_count", n=len(tokens), most=MAX_TOKENS)


def check_cnn_params(values: dict[str, Any]) -> None:
    chosen = [k for k in ("arch", "layers", "compare") if values[k] is not None]
    if len(chosen) > 1:
        raise ParamError(chosen[1], f"give only one of arch, layers, compare (got {chosen})")
    if values["input"] is not None and values["compare"] is not None:
        raise ParamError("input", "a comparison has its own input shape")
    # The custom grammar's own checks live with the spec parser (pure Python).
    from demos.cnn_params.spec import check_spec

    check_spec(values["layers"], values["input"])
