"""Run the pipeline: align, extract mentions, apply the rules, stamp findings, score."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache

from auditor.ci.fingerprint import dismissed_by, fingerprint
from auditor.collector import paused
from auditor.config import Config, ConfigError
from auditor.knowledge import Knowledge, load_knowledge
from auditor.measure.signature import signature
from auditor.model import (
    Alignment,
    Document,
    EventLink,
    Finding,
    Hit,
    Relation,
    Report,
    RuleDoc,
    Scores,
    Sentence,
    Span,
)
from auditor.read.lines import LineIndex, line_index
from auditor.read.tokens import word_count, word_edge
from auditor.rules.registry import INPUT, Context, Rule, all_rules, select


@paused()
def audit(
    docs: Sequence[Document],
    config: Config | None = None,
    *,
    knowledge: Knowledge | None = None,
    suppressions: Collection[str] = (),
    targets: Collection[str] | None = None,
    pairs: Sequence[tuple[int, int]] | None = None,
    copies: Sequence[tuple[int, int]] = (),
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Audit one document on its own, or several that report the same event.

    `targets` limits the findings to those document ids (all documents when None); `pairs` names
    the documents to align, by position (every other document with the first when None). With
    neither (a comparison), the report also holds the word differences between the other
    documents, for views against each. `progress` is told the name of each stage as it starts.
    `copies` names, by position, documents that republish one story (counted as one source).
    """
    from auditor.align.facts import link_facts
    from auditor.align.joined import joined_diffs
    from auditor.measure.readability import readability
    from auditor.mentions.extract import extract_mentions

    stage = progress or (lambda _: None)
    config = config or Config()
    knowledge = knowledge or load_knowledge(config.glossary)
    stage("measuring")
    docs = [measured(d) for d in docs]
    prose = [d.as_prose() for d in docs]
    stage("aligning")
    alignments, unaligned, relations, links = _align_all(prose, config, pairs)
    stage("finding mentions")
    mentions = {d.id: extract_mentions(d, knowledge) for d in prose}
    stage("linking facts")
    facts = link_facts(prose, mentions, alignments, knowledge.titles, links)
    ctx = Context(
        docs=tuple(prose),
        alignments=alignments,
        relations=relations,
        mentions=mentions,
        knowledge=knowledge,
        readability={d.id: readability(d.body) for d in prose},
        facts=facts,
        copies=tuple((docs[i].id, docs[j].id) for i, j in copies),
    )
    stage("applying rules")
    originals = {d.id: d for d in docs}
    findings = run_rules(ctx, config, targets, originals)
    gone = dismissed_by(findings, suppressions, originals)
    kept = tuple(f for i, f in enumerate(findings) if i not in gone)
    stage("scoring")
    return Report(
        signature=signature(config),
        documents=tuple(docs),
        readability=ctx.readability,
        alignments=alignments,
        unaligned=unaligned,
        findings=kept,
        scores=pair_scores(prose, alignments),
        suppressed=len(findings) - len(kept),
        relations=relations,
        rules=rule_docs(ctx.docs, config, targets),
        pair_diffs=joined_diffs(prose, alignments) if pairs is None and targets is None else (),
        event_links=links,
    )


def unread(path: str, problem: str, config: Config | None = None) -> Report:
    """Return the report of a file that could not be read: the input rules' findings alone."""
    config = config or Config()
    doc = Document("a", path, "", "", "", None, 0, (), words=0, problem=problem)
    rules = [r for r in all_rules().values() if r.scope == INPUT]
    ctx = Context(docs=(doc,))
    findings = [stamp(r, doc, h, config, {doc.id: doc}) for r in rules for h in r.run(doc, ctx, {})]
    return Report(
        signature=signature(config),
        documents=(doc,),
        readability={doc.id: {}},
        alignments=(),
        unaligned={},
        findings=tuple(findings),
        scores=pair_scores([doc], ()),
        rules={r.code: rule_doc(r) for r in rules},
    )


def measured(doc: Document) -> Document:
    """Return the document with its word count and each sentence's grade and word count."""
    from auditor.measure.readability import sentence_grade

    if doc.words is not None:
        return doc
    sentences = tuple(
        replace(
            s,
            grade=sentence_grade(doc.text[s.start : s.end]),
            words=word_count(doc.text, s.start, s.end),
        )
        for s in doc.sentences
    )
    return replace(doc, sentences=sentences, words=_body_words(doc, sentences))


def _body_words(doc: Document, sentences: Sequence[Sentence]) -> int:
    """Return `word_count(doc.text, doc.body_start)` from the sentences' counts and the gaps'.

    Exact when the sentences follow each other in the body and no word runs across an end of
    one; otherwise the body is counted again.
    """
    text, at, total = doc.text, doc.body_start, 0
    for s in sentences:
        if not at <= s.start <= s.end or not (word_edge(text, s.start) and word_edge(text, s.end)):
            return word_count(text, doc.body_start)
        total += word_count(text, at, s.start) + (s.words or 0)
        at = s.end
    return total + word_count(text, at)


def rule_docs(
    docs: Sequence[Document], config: Config, targets: Collection[str] | None = None
) -> dict[str, RuleDoc]:
    """Document every rule the run applies to a target document, by code."""
    rules = {
        r.code: r
        for d in docs
        if targets is None or d.id in targets
        for r in _selected(config.for_path(d.path))
    }
    return {code: rule_doc(rules[code]) for code in sorted(rules)}


@cache
def rule_doc(rule: Rule) -> RuleDoc:
    """Return a rule's documentation as the report carries it."""
    return RuleDoc(
        rule.code,
        rule.name,
        rule.category.value,
        rule.severity,
        rule.summary,
        rule.doc,
        rule.examples,
    )


def _selected(config: Config) -> list[Rule]:
    """Return the rules a document's settings select."""
    return select(config.select, config.ignore, preview=config.preview)


def _align_all(
    docs: Sequence[Document], config: Config, pairs: Sequence[tuple[int, int]] | None
) -> tuple[
    tuple[Alignment, ...], dict[str, tuple[int, ...]], tuple[Relation, ...], tuple[EventLink, ...]
]:
    """Align the given document pairs (default: each with the first), relate and link each pair."""
    from auditor.align.links import event_links
    from auditor.align.match import align
    from auditor.align.relation import relate

    if len(docs) < 2:
        return (), {}, (), ()
    alignments: list[Alignment] = []
    unaligned: dict[str, tuple[int, ...]] = {}
    relations: list[Relation] = []
    links: list[EventLink] = []
    for i, j in pairs if pairs is not None else [(0, k) for k in range(1, len(docs))]:
        result = align(docs[i], docs[j], parallel=config.parallel)
        alignments.extend(result.alignments)
        relations.append(relate(docs[i], docs[j], result.alignments, forced=config.relation))
        links.extend(event_links(docs[i], docs[j]))
        for doc_id, indices in result.unaligned.items():
            kept = set(unaligned.get(doc_id, indices)) & set(indices)
            unaligned[doc_id] = tuple(sorted(kept))
    return tuple(alignments), unaligned, tuple(relations), tuple(links)


def run_rules(
    ctx: Context,
    config: Config,
    targets: Collection[str] | None = None,
    originals: Mapping[str, Document] | None = None,
) -> list[Finding]:
    """Run the selected rules over each target document (with its per-file settings).

    Rules read the prose of `ctx.docs`; findings quote the `originals` (the files as read) and
    leave out hits on blanked markup or code.
    """
    findings: dict[tuple[str, str, int, int, str], Finding] = {}
    documents = {d.id: d for d in ctx.docs} | dict(originals or {})
    for doc in ctx.docs:
        if targets is not None and doc.id not in targets:
            continue
        original = documents[doc.id]
        doc_config = config.for_path(doc.path)
        for rule in _selected(doc_config):
            if rule.scope == "sources" and len(ctx.docs) < 2:
                continue
            for hit in rule.run(doc, ctx, rule_options(rule, doc_config)):
                if original.blanked(hit.start, hit.end):
                    continue
                f = stamp(rule, original, hit, doc_config, documents)
                findings.setdefault((f.doc, f.rule, f.start, f.end, f.message), f)
    return sorted(findings.values(), key=lambda f: (f.doc, f.start, f.end, f.rule))


def rule_options(rule: Rule, config: Config) -> dict[str, object]:
    """Return the rule's settings from the config; unknown settings are an error."""
    given = dict(config.options.get(rule.code, {}))
    unknown = sorted(set(given) - set(rule.options)) if given else []  # options: a signature
    if unknown:
        raise ConfigError(f"options.{rule.code}: unknown option {unknown[0]!r}")
    return given


def stamp(
    rule: Rule,
    doc: Document,
    hit: Hit,
    config: Config,
    documents: Mapping[str, Document],
) -> Finding:
    """Turn a rule's hit into a finding with code, severity, positions and evidence.

    `documents` are the files as read, by id, for the positions of related spans.
    """
    if not 0 <= hit.start <= hit.end <= len(doc.text):
        raise ValueError(f"rule {rule.code} returned span {hit.start}:{hit.end} outside the text")
    index = line_index(doc.text)
    line, column = index.position(hit.start)
    end_line, end_column = index.position(hit.end)
    severity = config.severity.get(rule.code) or hit.severity or rule.severity
    return Finding(
        rule=rule.code,
        name=rule.name,
        category=rule.category.value,
        severity=severity,
        doc=doc.id,
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        evidence=doc.text[hit.start : hit.end],
        message=hit.message,
        suggestion=hit.suggestion,
        related=tuple(placed(s, line_index(documents[s.doc].text)) for s in hit.related),
        confidence=round(hit.confidence, 3),
        fingerprint=fingerprint(rule.code, doc, hit.start, hit.end),
        safe=hit.safe and hit.suggestion is not None,
    )


def placed(span: Span, index: LineIndex) -> Span:
    """Return a related span with the lines and columns of its ends."""
    (line, column), (end_line, end_column) = index.position(span.start), index.position(span.end)
    return replace(span, line=line, column=column, end_line=end_line, end_column=end_column)


def pair_scores(docs: Sequence[Document], alignments: Iterable[Alignment]) -> Scores:
    """Score the aligned text of the second document against the first (the reference)."""
    from auditor.measure.scores import corpus_scores

    refs: list[str] = []
    hyps: list[str] = []
    if len(docs) >= 2:
        a, b = docs[0], docs[1]
        for al in alignments:
            if a.id in al.sentences and b.id in al.sentences:
                refs.append(" ".join(a.sentence_text(i) for i in al.sentences[a.id]))
                hyps.append(" ".join(b.sentence_text(i) for i in al.sentences[b.id]))
    return corpus_scores(hyps, refs)
