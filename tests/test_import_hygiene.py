"""The core and the demo registry stay light, and the wings keep their order.

Every module of the core is imported in a fresh interpreter (so other tests'
imports cannot hide a regression) and must not pull in Textual or torch
(harlequin's import-hygiene test). The wing order is read from the source: a
wing imports only wings below it."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import studytui

ROOT = Path(studytui.__file__).parent
CORE_PACKAGES = ("content", "store", "study", "grading", "cli")


def _core_modules() -> list[str]:
    names = ["studytui"]
    for info in pkgutil.walk_packages([str(ROOT)], prefix="studytui."):
        # __main__ runs the command; the TUI is the face that may import Textual.
        if info.name.startswith("studytui.tui") or info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return names


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(' '.join(m for m in ('textual', 'torch', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_every_core_module_is_found():
    modules = _core_modules()
    for wing in CORE_PACKAGES:
        assert any(m.startswith(f"studytui.{wing}.") for m in modules), wing


def test_core_imports_neither_textual_nor_torch():
    assert _loaded_after_import(_core_modules()) == set()


@pytest.mark.parametrize("modules", [["demos"], ["demos.registry", "demos.cli"],
                                     ["demos.worker", "demos.worker_client"]])
def test_demo_registry_imports_neither_textual_nor_torch(modules):
    assert _loaded_after_import(modules) == set()


def test_loading_the_bundled_deck_imports_no_torch():
    code = (
        "import sys\nfrom studytui.content.loader import load_deck\nload_deck()\n"
        "print('torch' in sys.modules, 'textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# What each wing may import from studytui (besides itself and the shared top
# level: config, paths, clock, errors). content.model is the deck's vocabulary,
# open to every wing.
ALLOWED = {
    "content": set(),
    "grading": set(),
    "store": set(),
    "study": {"content", "store", "grading"},
}
SHARED = {"studytui", "studytui.config", "studytui.paths", "studytui.clock", "studytui.errors",
          "studytui.words", "studytui.files", "studytui.printable",
          "studytui.content.model"}


def _imports_of(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m == "studytui" or m.startswith("studytui.")}


@pytest.mark.parametrize("wing", sorted(ALLOWED))
def test_a_wing_imports_only_wings_below_it(wing):
    bad = []
    for path in sorted((ROOT / wing).rglob("*.py")):
        for module in _imports_of(path):
            if module in SHARED or module.startswith(f"studytui.{wing}"):
                continue
            other = module.split(".")[1]
            if other not in ALLOWED[wing]:
                bad.append(f"{path.relative_to(ROOT)} imports {module}")
    assert bad == []


def test_the_top_level_keeps_only_entry_points_and_shared_modules():
    top = sorted(p.stem for p in ROOT.glob("*.py"))
    assert top == ["__init__", "__main__", "clock", "config", "errors", "files", "paths",
                   "printable"]


def test_the_bundled_deck_has_one_id_in_content_and_store():
    """Content names the deck, the store keys reviews by it; neither wing may
    import the other, so the constant is written twice and held equal here."""
    from studytui.content.deck_id import BUNDLED
    from studytui.store.schema_v3 import BUNDLED_DECK

    assert BUNDLED == BUNDLED_DECK
