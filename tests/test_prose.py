"""What the rules read: Markdown prose and hard-wrapped text, at the file's own offsets."""

from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path

from ci_support import BROKEN, write
from conftest import SEEDS

from auditor.engine import audit
from auditor.model import Report
from auditor.read.decode import read_document
from auditor.read.markdown import markdown_prose
from auditor.read.wrap import is_hard_wrapped

MARKDOWN = f"""---
title: "An unclosed quotation . in front matter
---

# Talks in Geneva

{BROKEN}
Run `audit  check .` and read <https://example.org/a..b> or [the notes](http://a.b/c..d).
<div>Officials met . in HTML</div>

```sh
echo "never closed . in code
```

    indented code . here

The minister said the fund had reached 200
billion dollars. backtrack on it later.
"""


def check(path: Path) -> Report:
    """Audit one file on its own."""
    return audit([read_document(path, "a")])


def test_markdown_prose_keeps_offsets_and_blanks_everything_but_text() -> None:
    prose = markdown_prose(MARKDOWN)
    assert len(prose.text) == len(MARKDOWN)
    for kept in ("Talks in Geneva", "backtrack on Ukraine.", "the notes", "200 billion dollars"):
        assert kept in prose.text
    for gone in ("title", "audit  check", "example.org", "a.b/c", "div", "echo", "indented"):
        assert gone not in prose.text
    kept_chars = [(i, c) for i, c in enumerate(prose.text) if not c.isspace()]
    assert all(MARKDOWN[i] == c for i, c in kept_chars)


def test_markdown_audits_only_prose(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.md", MARKDOWN)
    report = check(path)
    text = path.read_text(encoding="utf-8")
    found = [(f.rule, f.evidence) for f in report.findings]
    assert ("B101", "so. backtrack") in found
    assert ("B101", "dollars. backtrack") in found  # a soft break joins the lines
    assert {f.rule for f in report.findings} == {"B101"}
    for f in report.findings:
        assert text[f.start : f.end] == f.evidence
    sentences = [text[s.start : s.end] for s in report.documents[0].sentences]
    assert not any("Talks in Geneva" in s or "echo" in s or "title" in s for s in sentences)


def test_markdown_with_crlf_and_only_code(tmp_path: Path) -> None:
    crlf = write(tmp_path / "crlf.md", MARKDOWN.replace("\n", "\r\n"))
    assert [(f.rule, f.line) for f in check(crlf).findings] == [
        (f.rule, f.line) for f in check(write(tmp_path / "lf.md", MARKDOWN)).findings
    ]
    code = write(tmp_path / "code.md", '```\nsaid "never closed . here\n```\n')
    assert check(code).findings == ()


def wrapped(text: str, width: int = 72) -> str:
    """Hard-wrap every paragraph of `text` at `width` columns."""
    return "\n".join(
        textwrap.fill(line, width) if line.strip() else line for line in text.split("\n")
    )


def test_hard_wrapped_text_has_the_findings_of_the_unwrapped_text(tmp_path: Path) -> None:
    for seed in SEEDS:
        original = seed.read_text(encoding="utf-8")
        path = write(tmp_path / seed.name, wrapped(original))
        assert is_hard_wrapped(path.read_text(encoding="utf-8"))
        found = check(path).findings
        expected = check(seed).findings
        assert Counter((f.rule, f.message) for f in found) == Counter(
            (f.rule, f.message) for f in expected
        )
        assert not any("\n" in f.message or "\\n" in f.message for f in found)


def test_one_sentence_per_line_keeps_its_lines(tmp_path: Path) -> None:
    segments = [
        "Officials met in Geneva on Monday",
        "The talks lasted eight hours and ended without a statement",
        "Both delegations will meet again next week",
        "A spokesman said the atmosphere had been constructive",
    ]
    text = "\n".join(segments) + "\n"
    assert not is_hard_wrapped(text)
    assert not is_hard_wrapped(text.replace("\n", ".\n"))
    doc = read_document(write(tmp_path / "segments.txt", text), "a")
    assert doc.prose is None
    assert [doc.sentence_text(s.index) for s in doc.sentences] == segments


def test_positions_of_findings_and_related_spans_are_in_the_files_as_read(tmp_path: Path) -> None:
    docs = [
        read_document(write(tmp_path / seed.name, wrapped(seed.read_text("utf-8"))), "ab"[i])
        for i, seed in enumerate(SEEDS)
    ]
    report = audit(docs)
    spans = [(f.doc, f.start, f.line, f.column) for f in report.findings]
    spans += [(s.doc, s.start, s.line, s.column) for f in report.findings for s in f.related]
    assert any(doc == "b" for doc, *_ in spans)
    for doc_id, start, line, column in spans:
        text = report.document(doc_id).text
        assert (line, column) == (
            text.count("\n", 0, start) + 1,
            start - text.rfind("\n", 0, start),
        )
