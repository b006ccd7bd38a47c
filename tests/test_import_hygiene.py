"""The core and the demo registry stay light: importing them must not pull in
Textual or torch (harlequin's import-hygiene test, in a fresh interpreter so
other tests' imports cannot hide a regression)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _loaded_after_import(modules: str) -> set[str]:
    code = (
        f"import sys\nimport {modules}\n"
        "print(' '.join(m for m in ('textual', 'torch', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize(
    "modules",
    [
        "studytui",
        "demos",
        "demos.registry",
        "studytui.loader, studytui.cli, studytui.schema",
        "studytui.store, studytui.session, studytui.quiz, studytui.stats, studytui.doctor",
        "studytui.grading, studytui.commands, studytui.deck_cache, studytui.stats_text",
    ],
)
def test_core_imports_neither_textual_nor_torch(modules):
    assert _loaded_after_import(modules) == set()


def test_loading_the_bundled_deck_imports_no_torch():
    code = (
        "import sys\nfrom studytui.loader import load_deck\nload_deck()\n"
        "print('torch' in sys.modules, 'textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
