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


def test_strict_validation_names_where_a_file_reads_only_with_libyaml(tmp_path):
    from studytui.content.loader import load_file

    bundled = (CONTENT / "10-generative-2.yaml").read_text(encoding="utf-8")
    quoted = 'en: "Is a Plain Autoencoder Generative?"}'
    assert quoted in bundled
    lines = bundled.replace(quoted, "en: Is a Plain Autoencoder Generative?}").splitlines()
    row = next(n for n, line in enumerate(lines, 1) if "Generative?}" in line)
    path = tmp_path / "10.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    loaded, lenient = load_file(path)
    assert loaded is not None and lenient == []  # libyaml reads it: the app works
    _, strict = load_file(path, strict=True)
    assert [(i.line, "reads only with libyaml" in i.message) for i in strict] == [(row, True)]
    assert strict[0].column == lines[row - 1].index("?}") + 1
