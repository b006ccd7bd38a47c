"""Importers: a CSV, Markdown or Anki file in, a checked draft of lectures out.

Each reads the source through `source_file.read_source` (regular files only,
capped) and reports every mistake at its place in the source. `read_draft`
picks the importer by the file's suffix.
"""

from __future__ import annotations

from pathlib import Path

from studytui.content.importers.draft import Draft, check
from studytui.content.source_file import PACKAGE_LIMIT, TEXT_LIMIT, read_source
from studytui.errors import ContentError, Said, UserError
from studytui.paths import display_path

SUFFIXES = {".csv": "csv", ".tsv": "csv", ".md": "markdown", ".markdown": "markdown",
            ".apkg": "apkg"}


def read_draft(path: Path) -> Draft:
    """The lectures in `path`, checked; ContentError with every mistake."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UserError(Said("content.cannot_import", path=display_path(path),
                             suffix=path.suffix, suffixes=", ".join(SUFFIXES)))
    display, stem = display_path(path), path.stem
    if kind == "apkg":
        from studytui.content.importers.apkg_file import read_apkg

        draft = read_apkg(read_source(path, PACKAGE_LIMIT), display)
    elif kind == "csv":
        from studytui.content.importers.csv_file import read_csv

        raw = read_source(path, TEXT_LIMIT)
        draft = Draft(read_csv(raw, display, stem, "\t" if path.suffix.lower() == ".tsv" else ","))
    else:
        from studytui.content.importers.markdown_file import read_markdown

        draft = Draft(read_markdown(read_source(path, TEXT_LIMIT), display, stem))
    issues = check(draft.lectures)
    if issues:
        raise ContentError(issues)
    return draft
