"""Line endings and encodings change no finding: every rule sees the same text."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.engine import audit
from auditor.read.decode import read_document


def positions(paths: list[Path]) -> set[tuple[str, str, int, int]]:
    """Return (doc, rule, line, column) of every finding of the documents at `paths`."""
    docs = [read_document(p, "ab"[i]) for i, p in enumerate(paths)]
    return {(f.doc, f.rule, f.line, f.column) for f in audit(docs).findings}


@pytest.mark.parametrize(
    ("newline", "encoding"), [("\r\n", "utf-8"), ("\r", "utf-8"), ("\r\n", "utf-16")]
)
def test_seed_findings_do_not_depend_on_line_endings_or_encoding(
    seed_paths: list[Path], tmp_path: Path, newline: str, encoding: str
) -> None:
    converted = []
    for path in seed_paths:
        text = path.read_text(encoding="utf-8").replace("\n", newline)
        target = tmp_path / path.name
        target.write_bytes(text.encode(encoding))
        converted.append(target)
    expected = positions(seed_paths)
    assert expected
    assert positions(converted) == expected
