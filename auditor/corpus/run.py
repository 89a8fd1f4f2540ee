"""A corpus run: list the feed, scan it, group events, audit what changed, write, commit."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.config import Config
from auditor.corpus.cluster import Workers, batches, map_batches, stream_batches
from auditor.corpus.events import Event, event_id, job, members, ordered
from auditor.corpus.feed import Bad, Ref, list_refs
from auditor.corpus.group import events, from_ids
from auditor.corpus.progress import Progress
from auditor.corpus.tasks import (
    Entry,
    EventJob,
    EventResult,
    audit_events,
    scan,
    shared_terms,
)

SCAN_BATCH = 200  # articles per scanning task
AUDIT_BATCH = 40  # articles per auditing task
# A local run describes and audits up to this many articles in a worker thread of its own
# process (about 10 s of one core): starting worker processes costs more than they save there.
INLINE_WORK = 200

if TYPE_CHECKING:
    from auditor.corpus.state import Described


@dataclass(frozen=True)
class Options:
    """What a corpus run reads, where it writes, and where it runs."""

    paths: tuple[str, ...]
    output: Path
    config: Config = field(default_factory=Config)
    since: str | None = None
    scheduler: str | None = None
    workers: int | None = None
    suppressions: frozenset[str] = frozenset()
    inline: int = INLINE_WORK  # articles a local run's stage handles in this process


@dataclass(frozen=True)
class Outcome:
    """What a run did: events, articles, audits done and reused, skipped articles, outputs."""

    events: tuple[Event, ...]
    bad: tuple[Bad, ...]
    audited: int
    reused: int
    written: tuple[str, ...]


def run_corpus(options: Options, progress: Progress | None = None) -> Outcome:
    """Run the corpus mode end to end; the state commits only after the outputs are in place.

    Each audited event's pages are written to the staging folder and its slim report to the
    (uncommitted) state as soon as it arrives; the run keeps only the slim reports.
    """
    from auditor.corpus import state
    from auditor.corpus.outputs import open_staging, write_outputs, write_pages

    progress = progress or Progress()
    refs = outside(list_refs(list(options.paths)), options.output)
    conn = state.open_state(options.output)
    try:
        fresh_dismissals = options.suppressions - state.dismissals(conn)
        state.add_dismissals(conn, options.suppressions)
        with ExitStack() as stack:
            workers = Workers(stack, options.scheduler, options.workers, options.inline)
            progress.start("read", len(refs))
            scanned = _scan(workers, refs, state.described(conn), progress)
            entries, bad = select_entries(scanned, options.since)
            del scanned
            entries, described = state.with_ids(conn, entries)
            keysets = _group(entries, described)
            del described
            grouped = {
                event_id(g): g for g in (ordered([entries[k] for k in ks]) for ks in keysets)
            }
            progress.events = len(grouped)
            signature = _signature(options.config)
            staging = open_staging(options.output)
            results = _cached(conn, grouped, signature, fresh_dismissals, options.output, staging)
            todo = [eid for eid in grouped if eid not in results]
            progress.start("audit", len(grouped))
            progress.advance(audited=len(results))
            jobs = [job(eid, grouped[eid]) for eid in todo]
            dismissed = state.dismissals(conn)
            config = options.config
            client = workers.client(sum(len(j.refs) for j in jobs)) if jobs else None
            for _, batch in stream_batches(
                client, audit_events, _audit_batches(jobs), config, dismissed
            ):
                for r in batch:
                    write_pages(staging, r.pages)
                    results[r.id] = _received(r)
                    g = grouped[r.id]
                    keys = [e.article.key for e in g]
                    state.save_event(conn, results[r.id], members(g), signature, keys)
                progress.advance(audited=len(batch))
        progress.done()
        events = tuple(Event(eid, g, results[eid]) for eid, g in grouped.items())
        bad = bad + tuple(b for r in results.values() for b in r.bad)
        written = write_outputs(options.output, staging, events, bad, config.fail_on)
        _save(conn, grouped)
        conn.commit()
    finally:
        conn.close()
    return Outcome(events, bad, len(todo), len(grouped) - len(todo), tuple(written))


def _scan(
    workers: Workers, refs: list[Ref], known: frozenset[str], progress: Progress
) -> list[Entry | Bad]:
    """Read and hash every article; describe those the state does not know.

    On a named scheduler the workers do both; a local run reads and hashes in this process
    first, so that only the new articles' number decides where they are described.
    """
    if workers.remote:
        client = workers.client(len(refs))
        shared = client.scatter(known, broadcast=True) if known else known
        return map_batches(client, scan, batches(refs, SCAN_BATCH), shared, done=_advance(progress))
    scanned = scan(refs, known, describe=False)
    fresh = [e.ref for e in scanned if isinstance(e, Entry) and e.article.sha256 not in known]
    progress.advance(read=len(refs) - len(fresh))
    if not fresh:
        return scanned
    client = workers.client(len(fresh))
    described = map_batches(
        client, scan, batches(fresh, SCAN_BATCH), frozenset(), done=_advance(progress)
    )
    by_ref = dict(zip(fresh, described, strict=True))  # in order, one result per article
    return [by_ref.get(e.ref, e) if isinstance(e, Entry) else e for e in scanned]


def _advance(progress: Progress) -> Callable[[list[Entry | Bad]], list[Entry | Bad]]:
    """Return the callback that counts a scanned batch as read and keeps it with shared terms."""

    def arrived(batch: list[Entry | Bad]) -> list[Entry | Bad]:
        progress.advance(read=len(batch))
        return shared_terms(batch)

    return arrived


def outside(refs: list[Ref], folder: Path) -> list[Ref]:
    """Leave out files under the output folder (its own JSON Lines are not a feed)."""
    root = folder.resolve()
    inside = {u for u in {r.url for r in refs} if "://" not in u and _under(u, root)}
    return [r for r in refs if r.url not in inside]


def _under(path: str, root: Path) -> bool:
    """Return True if the file at `path` is in the folder `root` (resolved)."""
    return Path(path).resolve().is_relative_to(root)


def select_entries(
    scanned: Sequence[Entry | Bad], since: str | None
) -> tuple[dict[str, Entry], tuple[Bad, ...]]:
    """Return the readable articles by key (dated on or after `since`) and the bad ones."""
    entries: dict[str, Entry] = {}
    bad: list[Bad] = []
    for s in scanned:
        if isinstance(s, Bad):
            bad.append(s)
        elif s.article.key in entries:
            bad.append(
                Bad(s.article.key, s.article.path, f"{s.article.path}: duplicate article id")
            )
        elif since is None or s.article.date is None or s.article.date >= since:
            entries[s.article.key] = s
    return entries, tuple(bad)


def _group(entries: dict[str, Entry], described: Described) -> list[tuple[str, ...]]:
    """Group the articles into events."""
    dates = [e.article.date for e in entries.values()]
    return events(from_ids(list(entries), dates, described.vocabulary, described.rows))


def _signature(config: Config) -> str:
    """Return the digest of everything an audit's result depends on besides its articles."""
    from auditor.measure.signature import signature

    text = json.dumps(signature(config), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _cached(
    conn: sqlite3.Connection,
    grouped: dict[str, tuple[Entry, ...]],
    signature: str,
    fresh_dismissals: frozenset[str],
    folder: Path,
    staging: Path,
) -> dict[str, EventResult]:
    """Return the events the state already audited (their pages linked into staging).

    An event is audited again when its articles changed, the signature changed, a finding of
    it was dismissed in this run, or its pages are missing from the last run's output.
    """
    from auditor.corpus import state
    from auditor.corpus.outputs import keep_pages

    stored = state.cached_events(conn, {eid: members(g) for eid, g in grouped.items()}, signature)
    return {
        eid: hit
        for eid, hit in stored.items()
        if not _dismissed_now(hit, fresh_dismissals)
        and keep_pages(folder, staging, eid, hit.report)
    }


def _dismissed_now(result: EventResult, fresh: frozenset[str]) -> bool:
    """Return True if a finding of the stored result was dismissed in this run."""
    found = result.report.findings if result.report else ()
    return any(f.fingerprint in fresh for f in found)


def _received(result: EventResult) -> EventResult:
    """Return an audited event as the run keeps it: pages written, rules documented by code."""
    from auditor.corpus.pages import with_rules

    report = result.report and with_rules(result.report, result.rules)
    return replace(result, report=report, pages=())


def _audit_batches(jobs: list[EventJob]) -> list[list[EventJob]]:
    """Batch events so that each task audits about `AUDIT_BATCH` articles, largest first."""
    out: list[list[EventJob]] = [[]]
    size = 0
    for j in sorted(jobs, key=lambda j: (-len(j.refs), j.id)):
        if size >= AUDIT_BATCH:
            out.append([])
            size = 0
        out[-1].append(j)
        size += len(j.refs)
    return [b for b in out if b]


def _save(conn: sqlite3.Connection, grouped: dict[str, tuple[Entry, ...]]) -> None:
    """Store the articles with their events, and forget events that no longer exist."""
    from auditor.corpus import state

    state.drop_events(conn, state.stored_event_ids(conn) - set(grouped))
    state.save_articles(conn, ((e, eid) for eid, g in grouped.items() for e in g))
