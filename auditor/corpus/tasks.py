"""The work a Dask worker does: scan a batch of articles, audit a batch of events."""

from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass, replace

from auditor.config import Config
from auditor.corpus.features import terms
from auditor.corpus.feed import Article, Bad, Ref, read_ref
from auditor.model import Document, Report

ALL_PAIRS = 6  # events up to this size align every two articles; larger ones a chain and a hub


@dataclass(frozen=True)
class Entry:
    """An article read and described (its text left out): what grouping and the state keep.

    `terms` is None for an article the state already described (same content hash), and once
    the state holds them (see `state.with_ids`).
    """

    ref: Ref
    article: Article
    words: int
    terms: dict[str, int] | None


@dataclass(frozen=True)
class EventJob:
    """An event to audit: its id and its articles, in the order they become documents."""

    id: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class EventResult:
    """An audited event: the relation of each two articles, its slim report (see `pages`), the
    codes of the rules it applied, unreadable articles, and its pages (until they are written)."""

    id: str
    relations: tuple[tuple[int, int, str], ...]
    report: Report | None
    rules: tuple[str, ...] = ()
    bad: tuple[Bad, ...] = ()
    pages: tuple[tuple[str, str], ...] = ()


def scan(refs: list[Ref], known: frozenset[str], describe: bool = True) -> list[Entry | Bad]:
    """Read a batch of articles; describe those whose content hash is not `known` (none unless
    `describe`: a first pass that only reads and hashes)."""
    out: list[Entry | Bad] = []
    for ref in refs:
        got = read_ref(ref)
        if isinstance(got, Bad):
            out.append(got)
        elif got.sha256 in known or not describe:
            out.append(Entry(ref, replace(got, text=""), 0, None))
        else:
            counts = terms(got.text[got.body_start :])
            out.append(Entry(ref, replace(got, text=""), sum(counts.values()), counts))
    return out


def shared_terms(batch: list[Entry | Bad]) -> list[Entry | Bad]:
    """Return the batch with its terms interned: the feed's articles share one string per term
    (a term repeats across thousands of articles; the driver holds them all while grouping)."""
    return [
        replace(e, terms={sys.intern(t): c for t, c in e.terms.items()})
        if isinstance(e, Entry) and e.terms
        else e
        for e in batch
    ]


def audit_events(
    jobs: list[EventJob], config: Config, dismissed: frozenset[str]
) -> list[EventResult]:
    """Audit a batch of events; leave out dismissed findings; render each event's pages."""
    from auditor.corpus.pages import dismiss, render_pages, slim

    out = []
    for job in jobs:
        result = audit_event(job, config)
        if result.report is None:
            out.append(result)
            continue
        report = dismiss(result.report, dismissed)
        pages = render_pages(job.id, report, config.fail_on)
        out.append(replace(result, report=slim(report), rules=tuple(report.rules), pages=pages))
    return out


def audit_event(job: EventJob, config: Config) -> EventResult:
    """Audit one event N-way with the engine of `compare` (one article: the checks of `check`)."""
    from auditor.ci.batch import knowledge
    from auditor.engine import audit

    read = [read_ref(ref) for ref in job.refs]
    articles = [a for a in read if isinstance(a, Article)]
    bad = tuple(b for b in read if isinstance(b, Bad))
    if not articles:
        return EventResult(job.id, (), None, bad=bad)
    docs = [document(a, _doc_id(i)) for i, a in enumerate(articles)]
    copied = copies(docs)
    report = audit(
        docs,
        config,
        knowledge=knowledge(config.glossary),
        pairs=align_pairs(len(docs)),
        copies=list(copied),
    )
    return EventResult(job.id, relations(report, copied), report, bad=bad)


def copies(docs: list[Document]) -> dict[tuple[int, int], str]:
    """Return the pairs of documents (by position) that copy one story, with how."""
    from auditor.corpus.relation import copy_relation, shingles

    sets = [shingles(d.body) for d in docs]
    found = {}
    for i, j in itertools.combinations(range(len(docs)), 2):
        rel = copy_relation(sets[i], sets[j])
        if rel:
            found[i, j] = rel
    return found


def relations(
    report: Report, copied: dict[tuple[int, int], str]
) -> tuple[tuple[int, int, str], ...]:
    """Relate each two documents: a copy of one story, else the engine's relation, if aligned."""
    from auditor.corpus.relation import NOT_ALIGNED

    docs = report.documents
    position = {d.id: i for i, d in enumerate(docs)}
    engine = {(position[r.a], position[r.b]): r.relation for r in report.relations}
    engine.update({(j, i): rel for (i, j), rel in list(engine.items())})
    return tuple(
        (i, j, copied.get((i, j)) or engine.get((i, j), NOT_ALIGNED))
        for i, j in itertools.combinations(range(len(docs)), 2)
    )


def document(article: Article, doc_id: str) -> Document:
    """Segment an article into a document of the engine."""
    from auditor.read.segment import split_sentences

    return Document(
        id=doc_id,
        path=article.path,
        text=article.text,
        sha256=article.sha256,
        encoding="utf-8",
        date=article.date,
        body_start=article.body_start,
        sentences=split_sentences(article.text, article.body_start),
    )


def align_pairs(n: int) -> list[tuple[int, int]]:
    """Return the document pairs to align: all of them in a small event, else hub and chain."""
    if n <= ALL_PAIRS:
        return list(itertools.combinations(range(n), 2))
    chain = [(k - 1, k) for k in range(2, n)]
    return [(0, k) for k in range(1, n)] + chain


def _doc_id(i: int) -> str:
    """Return the document id of the i-th article: a, b, ..., z, aa, ab, ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[i] if i < 26 else _doc_id(i // 26 - 1) + letters[i % 26]
