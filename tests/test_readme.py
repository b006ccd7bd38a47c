"""The README is a promise: its annotated lecture file must load under the
strict rules, and its quickstart must be the one .ci/run follows."""

from __future__ import annotations

import re
from pathlib import Path

from studytui.content.loader import load_deck

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lecture_example_is_a_valid_lecture_file(tmp_path):
    (example,) = re.findall(r"```yaml\n(.*?)```", README, flags=re.S)
    path = tmp_path / "03-example.yaml"
    path.write_text(example, encoding="utf-8")
    deck = load_deck([path], strict=True)
    lecture = deck.lecture(3)
    assert [c.id for c in lecture.cards] == ["adam"]
    assert {q.type for q in lecture.questions} == {"choice", "short", "cloze"}


def test_ci_installs_exactly_as_the_quickstart_says():
    quickstart = re.search(r"## Quickstart.*?```sh\n(.*?)```", README, flags=re.S)
    assert quickstart
    install, tests = quickstart.group(1).strip().splitlines()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for step in install.split(" && ")[:-1]:  # all but starting the TUI (CI has no terminal)
        assert step.replace(".venv/bin/pip install", ".venv/bin/pip install -q") in ci, step
    assert tests in ci
