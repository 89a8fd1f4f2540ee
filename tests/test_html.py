"""The HTML report: segments and rows prepared in Python, escaping, CSP, and the golden page.

Refresh the golden file and the example report after an intended change:
    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_html.py
then review `git diff tests/golden reports/example`.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from three_sources import AGAINST, write_three

from auditor import compare
from auditor.engine import measured, rule_doc
from auditor.model import Alignment, DiffOp, Document, Finding, Report, Scores, Severity, Span
from auditor.read.decode import document_from_text
from auditor.report.html import render
from auditor.report.segments import Mark, Ref, split
from auditor.report.view import paragraphs, prepare
from auditor.rules.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "seeds.html"
EXAMPLE = ROOT / "reports" / "example" / "seeds.html"
HOSTILE = (
    '<script>window.__pwned = 1</script> He said "hi" </textarea><img src=x '
    'onerror="window.__pwned = 2">. and <a href="javascript:window.__pwned=3">click</a>\'"><svg '
    "onload=alert(1)>"
)


def make_finding(doc: Document, start: int, end: int, **kw: object) -> Finding:
    """Return a finding on doc.text[start:end] (rule P999 unless given)."""
    fields: dict[str, object] = {
        "rule": "P999",
        "name": "test-rule",
        "category": "fluency",
        "severity": Severity.ERROR,
        "doc": doc.id,
        "start": start,
        "end": end,
        "line": 1,
        "column": start + 1,
        "end_line": 1,
        "end_column": end + 1,
        "evidence": doc.text[start:end],
        "message": "Test message.",
        "suggestion": None,
        "related": (),
        "confidence": 1.0,
        "fingerprint": f"P999:{start}",
    }
    fields.update(kw)
    return Finding(**fields)  # type: ignore[arg-type]


def make_report(
    docs: tuple[Document, ...],
    findings: tuple[Finding, ...] = (),
    alignments: tuple[Alignment, ...] = (),
) -> Report:
    """Return a hand-made report of `docs`."""
    aligned = {(d, i) for al in alignments for d, idx in al.sentences.items() for i in idx}
    unaligned = {
        d.id: tuple(s.index for s in d.sentences if (d.id, s.index) not in aligned) for d in docs
    }
    rules = all_rules()
    return Report(
        signature={"audit": "0"},
        documents=tuple(measured(d) for d in docs),
        readability={d.id: {"flesch_reading_ease": 50.0} for d in docs},
        alignments=alignments,
        unaligned=unaligned,
        findings=findings,
        scores=Scores(50.0, 20.0, 60.0, {}),
        rules={f.rule: rule_doc(rules[f.rule]) for f in findings if f.rule in rules},
    )


class Page(HTMLParser):
    """Collect the tags, attributes and inline script/style texts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline: dict[str, list[str]] = {"script": [], "style": []}
        self.text: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = tag if tag in self.inline else None
        if self._open:
            self.inline[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.inline[self._open][-1] += data
        else:
            self.text.append(data)


def parse(html: str) -> Page:
    """Parse a rendered page."""
    page = Page()
    page.feed(html)
    return page


def test_split_cuts_overlapping_marks_at_every_boundary() -> None:
    text = "The quick brown fox jumps."
    marks = [Mark(4, 15, "f f-warning", "F1", 2), Mark(10, 19, "f f-error", "F2", 3)]
    refs = {15: [Ref("F1", 1, "warning")], 19: [Ref("F2", 2, "error")]}
    segments = split(text, 0, len(text), marks, refs)
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.findings) for s in segments] == [
        ("The ", ""),
        ("quick ", "F1"),
        ("brown", "F2 F1"),
        (" fox", "F2"),
        (" jumps.", ""),
    ]
    both = segments[2]
    assert "f-error" in both.cls and "f-many" in both.cls and "f-warning" not in both.cls
    assert [r.id for r in segments[2].refs] == ["F1"]
    assert [r.id for r in segments[3].refs] == ["F2"]


def test_word_differences_from_the_alignment_diff_are_marked_on_both_sides() -> None:
    a = document_from_text("The minister met the envoy today.", "a", "a.txt")
    b = document_from_text("The secretary met the envoy.", "b", "b.txt")
    diff = (
        DiffOp("equal", 0, 4, 0, 4),
        DiffOp("replace", 4, 12, 4, 13),
        DiffOp("equal", 12, 26, 13, 27),
        DiffOp("delete", 26, 32, 27, 27),
    )
    report = make_report((a, b), alignments=(Alignment({"a": (0,), "b": (0,)}, 0.8, diff),))
    html = render(report)
    assert re.search(r'<span class="diff-changed"[^>]*>minister</span>', html)
    assert re.search(r'<span class="diff-changed"[^>]*>secretary</span>', html)
    assert re.search(r'<span class="diff-only"[^>]*> today</span>', html)
    assert "worded differently" in html and "not computed" not in html


def marked(report: Report, against: str, *, shown: bool = False) -> dict[str, list[str]]:
    """Return the words each document (by label) marks against one document.

    With `shown`, the words the page marks before any choice (without JavaScript).
    """
    out: dict[str, list[str]] = {}
    for row in prepare(report)["rows"]:
        for cell in row.cells:
            for sentence in cell.sentences:
                for seg in sentence.segments:
                    views = dict(part.split(":") for part in seg.views.split())
                    if ("diff-" in seg.cls) if shown else (against in views):
                        out.setdefault(cell.label, []).append(seg.text.strip())
    return out


def test_three_documents_mark_their_differences_against_each(tmp_path: Path) -> None:
    report = compare(*write_three(tmp_path))
    assert len(report.pair_diffs) == 2  # B with C, sentence by sentence
    for against, words in AGAINST.items():
        assert marked(report, against) == words, against
    assert marked(report, "a", shown=True) == AGAINST["a"]
    html = render(report)
    options = re.findall(r'<option value="(\w)">(\w) (\w\.txt)</option>', html)
    assert options == [("a", "A", "a.txt"), ("b", "B", "b.txt"), ("c", "C", "c.txt")]


def test_two_documents_offer_no_choice_of_document(seed_html: str) -> None:
    assert 'id="diff-against"' not in seed_html and 'data-vs="' not in seed_html


def test_report_without_diffs_says_so_and_marks_no_differences() -> None:
    a = document_from_text("The minister met the envoy.", "a", "a.txt")
    b = document_from_text("The secretary met the envoy.", "b", "b.txt")
    report = make_report((a, b), alignments=(Alignment({"a": (0,), "b": (0,)}, 0.8),))
    html = render(report)
    assert "Word-level differences were not computed" in html
    assert 'class="diff-' not in html


def test_gutter_tells_same_meaning_links_from_same_event_links() -> None:
    a = document_from_text("Talks began in Geneva. Ministers met on Monday.", "a", "a.txt")
    b = document_from_text("Talks opened in Geneva. Officials gathered in Vienna.", "b", "b.txt")
    alignments = (
        Alignment({"a": (0,), "b": (0,)}, 0.81),
        Alignment({"a": (1,), "b": (1,)}, 0.12, kind="related"),
    )
    text = " ".join(parse(render(make_report((a, b), alignments=alignments))).text)
    assert "same meaning 0.81" in text and "same event 0.12" in text


def test_unaligned_sentences_sit_where_they_fall_in_reading_order() -> None:
    a = document_from_text("Alpha one. Beta two. Gamma three.", "a", "a.txt")
    b = document_from_text("Intro here. Alpha one. Extra bit. Gamma three.", "b", "b.txt")
    alignments = (
        Alignment({"a": (0,), "b": (1,)}, 1.0),
        Alignment({"a": (2,), "b": (3,)}, 1.0),
    )
    rows = parse(render(make_report((a, b), alignments=alignments)))
    ids = [
        attrs["id"]
        for tag, attrs in rows.tags
        if tag == "span" and (attrs.get("id") or "")[:2] == "s-"
    ]
    # B's intro comes before the first aligned row; A's "Beta" and B's "Extra" share one
    # unmatched row between the two aligned ones.
    assert ids == ["s-b-0", "s-a-0", "s-b-1", "s-a-1", "s-b-2", "s-a-2", "s-b-3"]


def test_finding_card_shows_message_evidence_fix_related_and_rule_link() -> None:
    a = document_from_text("Deputy Secretary Jones spoke.", "a", "a.txt")
    b = document_from_text("Assistant Secretary Jones spoke.", "b", "b.txt")
    finding = make_finding(
        b, 0, 19, rule="B101", suggestion="Deputy Secretary",
        related=(Span("a", 0, 16, "Deputy Secretary"),),
    )  # fmt: skip
    html = render(make_report((a, b), (finding,)))
    card = html[html.index('id="f-F1"') : html.index("</article>", html.index('id="f-F1"'))]
    assert "Test message." in card
    assert '<q class="ev">Assistant Secretary</q>' in card
    assert '<q class="fix">Deputy Secretary</q>' in card
    assert '<a href="#s-a-0"><q>Deputy Secretary</q></a>' in card
    assert 'href="#rule-B101"' in card
    assert 'id="rule-B101"' in html and "lower case right after a full stop" in html
    assert re.search(
        r'<mark class="f f-error" data-f="F1">Assistant Secretary</mark><a class="ref', html
    )
    assert 'href="#m-F1"' in html[html.index('id="row-F1"') :]


def test_finding_outside_every_sentence_still_gets_a_marker() -> None:
    a = document_from_text(" date 2022-01-10\n\nOne sentence here.", "a", "a.txt")
    header = make_finding(a, 1, 5)
    html = render(make_report((a,), (header,)))
    assert 'id="m-F1"' in html and 'id="f-F1"' in html


def test_hostile_markup_is_escaped_everywhere() -> None:
    a = document_from_text(HOSTILE, "a", 'a"><img src=x onerror=alert(1)>.txt')
    bad = make_finding(
        a, 0, 8, message=HOSTILE, suggestion=HOSTILE, related=(Span("a", 0, 8, HOSTILE),)
    )
    html = render(make_report((a,), (bad,)))
    page = parse(html)
    assert [t for t, _ in page.tags].count("script") == 1
    # the one svg is the readability chart
    assert [t for t, _ in page.tags if t in {"img", "svg", "textarea", "iframe"}] == ["svg"]
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "#").lower().startswith("javascript")
    assert HOSTILE in "".join(page.text)


def test_csp_allows_exactly_the_inline_style_and_script_and_nothing_external() -> None:
    a = document_from_text("Visit https://example.com today. And http://x.org too.", "a", "a.txt")
    html = render(make_report((a,)))
    page = parse(html)
    csp = next(v["content"] for t, v in page.tags if t == "meta" and v.get("http-equiv"))
    assert csp is not None
    for kind, directive in (("script", "script-src"), ("style", "style-src")):
        (body,) = page.inline[kind]
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "unsafe" not in csp
    for _, attrs in page.tags:
        for name in ("href", "src", "action"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (name, value)


def test_docstring_paragraphs_put_examples_on_their_own() -> None:
    doc = "Summary line.\n\nWhy it matters,\nwrapped.\nExample: a -> b"
    assert paragraphs(doc) == ["Summary line.", "Why it matters, wrapped.", "Example: a -> b"]


def scrub(html: str) -> str:
    """Replace the parts of a page that change with versions and assets."""
    html = re.sub(r"sha256-[A-Za-z0-9+/=]+", "sha256-…", html)
    html = re.sub(r"<style>.*?</style>", "<style>/* report.css */</style>", html, flags=re.S)
    html = re.sub(r"<script>.*?</script>", "<script>/* report.js */</script>", html, flags=re.S)
    return re.sub(r"(<dt>[^<]*</dt><dd><code>)[^<]*(</code>)", r"\1…\2", html)


@pytest.fixture(scope="module")
def seed_html() -> str:
    """Render the seed pair's report with paths relative to the project root."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        return render(compare(*sorted(Path("seeds").glob("*.txt"))))


def test_golden_seed_report(seed_html: str) -> None:
    html = seed_html
    got = scrub(html)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
        EXAMPLE.parent.mkdir(parents=True, exist_ok=True)
        EXAMPLE.write_text(html, encoding="utf-8")
    want = GOLDEN.read_text(encoding="utf-8")
    if got != want:
        diff = difflib.unified_diff(
            want.splitlines(), got.splitlines(), "golden/seeds.html", "rendered", lineterm="", n=2
        )
        pytest.fail(
            "seed report differs from tests/golden/seeds.html "
            "(UPDATE_GOLDEN=1 pytest tests/test_html.py to accept):\n" + "\n".join(list(diff)[:200])
        )


def test_example_report_is_the_seed_report(seed_html: str) -> None:
    assert scrub(EXAMPLE.read_text(encoding="utf-8")) == scrub(seed_html)
