"""The rule context's indexes answer exactly as scanning every alignment and mention would."""

from __future__ import annotations

from pathlib import Path

from auditor.align.match import align
from auditor.knowledge import load_knowledge
from auditor.mentions.extract import extract_mentions
from auditor.model import Document, Mention
from auditor.read.decode import read_document
from auditor.rules.registry import Context


def seed_context(paths: list[Path]) -> Context:
    """Return the context of the seed pair, as the engine builds it."""
    a, b = (read_document(p, doc_id) for p, doc_id in zip(paths, "ab", strict=True))
    knowledge = load_knowledge()
    return Context(
        docs=(a, b),
        alignments=align(a, b).alignments,
        mentions={d.id: extract_mentions(d, knowledge) for d in (a, b)},
        knowledge=knowledge,
    )


def test_counterparts_equal_a_scan_of_all_alignments(seed_paths: list[Path]) -> None:
    ctx = seed_context(seed_paths)
    for doc in ctx.docs:
        for s in doc.sentences:
            for kinds in (("same",), ("same", "related")):
                scan = [
                    (ctx.document(o), ctx.document(o).sentences[j])
                    for al in ctx.alignments
                    if al.kind in kinds and s.index in al.sentences.get(doc.id, ())
                    for o, js in al.sentences.items()
                    if o != doc.id
                    for j in js
                ]
                assert ctx.counterparts(doc, s.index, kinds) == scan
    assert any(ctx.counterparts(doc, s.index) for doc in ctx.docs for s in doc.sentences)


def test_mentions_of_equals_a_scan_of_all_mentions(seed_paths: list[Path]) -> None:
    ctx = seed_context(seed_paths)
    kinds = {type(m) for ms in ctx.mentions.values() for m in ms}
    assert len(kinds) >= 3
    for doc in ctx.docs:
        for kind in (Mention, *sorted(kinds, key=lambda k: k.__name__)):
            whole = [m for m in ctx.mentions[doc.id] if isinstance(m, kind)]
            assert ctx.mentions_of(doc.id, kind) == whole
            for s in doc.sentences:
                scan = [m for m in whole if s.start <= m.start and m.end <= s.end]
                assert ctx.mentions_of(doc.id, kind, s.start, s.end) == scan


def test_sentence_at_finds_the_sentence_around_every_offset(seed_paths: list[Path]) -> None:
    doc: Document = read_document(seed_paths[0], "a")
    for offset in range(len(doc.text)):
        scan = next((s for s in doc.sentences if s.start <= offset < s.end), None)
        assert doc.sentence_at(offset) == scan


def test_sentence_grades_are_computed_once(seed_paths: list[Path]) -> None:
    ctx = seed_context(seed_paths)
    doc = ctx.docs[0]
    assert ctx.grades(doc) is ctx.grades(doc)
    assert len(ctx.grades(doc)) == len(doc.sentences)


def test_copies_and_versions_of_another_story_are_one_source() -> None:
    from auditor.model import Relation
    from auditor.read.decode import document_from_text

    docs = tuple(document_from_text("Text.", i, f"{i}.txt") for i in "abcde")
    ctx = Context(
        docs=docs,
        relations=(Relation("a", "b", "versions", {}), Relation("a", "c", "sources", {})),
        copies=(("c", "d"),),
    )
    assert ctx.independent("abcde", "e") == 2  # a with its version b; c with its copy d
    assert ctx.independent("abcde", "a") == 3  # b, a version of a's own text, speaks for itself
    assert ctx.voice("d", "a") == "c" and ctx.voice("b", "a") == "b"
