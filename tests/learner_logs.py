"""Review logs of a synthetic learner (benchmarks/synthetic_learner.py) for the fit's tests."""

from __future__ import annotations

import importlib.util
import sys
from datetime import datetime, timezone
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "synthetic_learner.py"
_spec = importlib.util.spec_from_file_location("synthetic_learner", _PATH)
assert _spec and _spec.loader
synthetic_learner = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("synthetic_learner", synthetic_learner)
_spec.loader.exec_module(synthetic_learner)

NOW = datetime(2026, 6, 1, tzinfo=timezone.utc)


def learner_events(cards: int, rows: int, seed: int = 7):
    return synthetic_learner.learner_log([f"card-{i}" for i in range(cards)], rows, NOW, seed)
