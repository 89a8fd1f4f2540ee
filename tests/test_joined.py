"""Word differences between documents other than the first, joined through the first."""

from __future__ import annotations

import json
from pathlib import Path

from three_sources import TEXTS, write_three

from auditor import compare, from_dict, to_dict
from auditor.align.joined import joined_diffs
from auditor.engine import audit
from auditor.model import Document
from auditor.read.decode import document_from_text
from auditor.report.formats import render_run
from auditor.report.run import Run


def three_docs() -> list[Document]:
    """Return the three accounts as documents a, b and c."""
    return [document_from_text(t, d, f"{d}.txt") for t, d in zip(TEXTS, "abc", strict=True)]


def words(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Return the text of each span."""
    return [text[s:e] for s, e in spans]


def test_the_other_two_are_diffed_sentence_by_sentence() -> None:
    docs = three_docs()
    report = audit(docs)
    assert [dict(p.sentences) for p in report.pair_diffs] == [
        {"b": (0,), "c": (0,)},
        {"b": (1,), "c": (1,)},
    ]
    changed = [op for p in report.pair_diffs for op in p.diff if op.tag != "equal"]
    b, c = docs[1].text, docs[2].text
    assert [(op.tag, b[op.a_start : op.a_end], c[op.b_start : op.b_end]) for op in changed] == [
        ("insert", "", "city"),
        ("replace", "Monday", "Tuesday"),
    ]


def test_pairs_aligned_directly_are_left_to_their_alignments() -> None:
    docs = three_docs()
    everything = audit(docs, pairs=[(0, 1), (0, 2), (1, 2)])  # as corpus events align
    assert joined_diffs(everything.documents, everything.alignments) == ()
    hub = audit(docs, pairs=[(0, 1), (0, 2)])
    assert len(joined_diffs(hub.documents, hub.alignments)) == 2
    assert hub.pair_diffs == ()  # the engine joins only for a plain comparison


def test_checking_one_article_against_sources_joins_nothing() -> None:
    assert audit(three_docs(), targets=("a",)).pair_diffs == ()
    assert audit(three_docs()[:2]).pair_diffs == ()


def test_pair_diffs_round_trip_through_json(tmp_path: Path) -> None:
    live = compare(*write_three(tmp_path))
    data = json.loads(json.dumps(to_dict(live)))
    assert len(data["reports"][0]["pair_diffs"]) == 2
    back = from_dict(data)
    assert back.pair_diffs == live.pair_diffs
    assert render_run("html", Run((back,))) == render_run("html", Run((live,)))
