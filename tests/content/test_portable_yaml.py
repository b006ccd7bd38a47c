"""The bundled lecture files read the same without libyaml: PyYAML falls back
to its pure-Python parser where no libyaml wheel exists, and that parser is
stricter (a plain `Generative?}` in a flow mapping is an error there, fine in
libyaml). A lecture that loads only with libyaml would break the app on such
a machine, so every bundled file must give the same data through both."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from studytui.content import yaml_reader

CONTENT = Path(__file__).resolve().parents[2] / "content"
FILES = sorted(CONTENT.glob("*.yaml"))


def test_the_bundled_deck_has_lecture_files():
    assert len(FILES) >= 9


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_bundled_lecture_parses_the_same_with_and_without_libyaml(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    with_libyaml, _ = yaml_reader.parse(text, positions=False)
    monkeypatch.setattr(yaml_reader, "_Loader", yaml.SafeLoader)
    pure, _ = yaml_reader.parse(text, positions=False)
    assert pure == with_libyaml
