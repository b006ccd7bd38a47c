"""The attention walk-through as pages: one step a page (demos.live)."""

from __future__ import annotations

from typing import Any

from demos.live import Live


def last_page(result: dict[str, Any]) -> int:
    """The walk-through's last step, counted as the render counts them (the
    mask step is there only when causal)."""
    from demos.attention.render import steps

    return len(steps(result, "en", 100, color=False)) - 1


LIVE = Live(steps=last_page, paged=True)
