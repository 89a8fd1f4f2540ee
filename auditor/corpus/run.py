"""A corpus run: list the feed, scan it, group events, audit what changed, write, commit."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from auditor.config import Config
from auditor.corpus.cluster import batches, connect, map_batches
from auditor.corpus.events import Event, dismiss, event_id, job, members, ordered
from auditor.corpus.feed import Bad, Ref, list_refs
from auditor.corpus.group import Item, group
from auditor.corpus.progress import Progress
from auditor.corpus.tasks import Entry, EventJob, EventResult, audit_events, scan

SCAN_BATCH = 200  # articles per scanning task
AUDIT_BATCH = 40  # articles per auditing task


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


@dataclass(frozen=True)
class Outcome:
    """What a run did: events, articles, audits done and reused, skipped articles, outputs."""

    events: tuple[Event, ...]
    bad: tuple[Bad, ...]
    audited: int
    reused: int
    written: tuple[str, ...]


def run_corpus(options: Options, progress: Progress | None = None) -> Outcome:
    """Run the corpus mode end to end; the state commits only after the outputs are in place."""
    from auditor.corpus import state
    from auditor.corpus.outputs import write_outputs

    progress = progress or Progress()
    refs = outside(list_refs(list(options.paths)), options.output)
    conn = state.open_state(options.output)
    try:
        state.add_dismissals(conn, options.suppressions)
        with connect(options.scheduler, options.workers) as client:
            progress.start("read", len(refs))
            scanned = map_batches(
                client,
                scan,
                batches(refs, SCAN_BATCH),
                done=lambda b: progress.advance(read=len(b)),
            )
            entries, bad = select_entries(scanned, options.since)
            del scanned
            keysets = _group(entries)
            light = {k: replace(e, terms={}) for k, e in entries.items()}  # terms served
            del entries
            grouped = [ordered([light[k] for k in keys]) for keys in keysets]
            progress.events = len(grouped)
            signature = _signature(options.config)
            results, todo = _cached(conn, grouped, signature)
            progress.start("audit", len(grouped))
            progress.advance(audited=len(results))
            jobs = [job(event_id(g), g) for g in todo]
            for r in map_batches(
                client,
                audit_events,
                _audit_batches(jobs),
                options.config,
                done=lambda b: progress.advance(audited=len(b)),
            ):
                results[r.id] = r
        progress.done()
        dismissed = state.dismissals(conn)
        events = tuple(
            Event(event_id(g), g, dismiss(results[event_id(g)], dismissed)) for g in grouped
        )
        bad = bad + tuple(b for r in results.values() for b in r.bad)
        fresh = {event_id(g) for g in todo}
        unchanged = set() if options.suppressions else set(results) - fresh
        written = write_outputs(options.output, events, bad, options.config.fail_on, unchanged)
        _save(conn, grouped, results, signature, fresh)
        conn.commit()
    finally:
        conn.close()
    return Outcome(events, bad, len(todo), len(grouped) - len(todo), tuple(written))


def outside(refs: list[Ref], folder: Path) -> list[Ref]:
    """Leave out files under the output folder (its own JSON Lines are not a feed)."""
    root = folder.resolve()
    return [r for r in refs if "://" in r.url or not Path(r.url).resolve().is_relative_to(root)]


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


def _group(entries: dict[str, Entry]) -> list[tuple[str, ...]]:
    """Group the articles into events."""
    items = [Item(k, e.article.date, e.terms) for k, e in entries.items()]
    return group(items)


def _signature(config: Config) -> str:
    """Return the digest of everything an audit's result depends on besides its articles."""
    from auditor.measure.signature import signature

    text = json.dumps(signature(config), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _cached(
    conn: sqlite3.Connection, grouped: list[tuple[Entry, ...]], signature: str
) -> tuple[dict[str, EventResult], list[tuple[Entry, ...]]]:
    """Split the events into those the state already audited and those to audit."""
    from auditor.corpus import state

    results: dict[str, EventResult] = {}
    todo = []
    for g in grouped:
        hit = state.cached_event(conn, event_id(g), members(g), signature)
        if hit is None:
            todo.append(g)
        else:
            results[hit.id] = hit
    return results, todo


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


def _save(
    conn: sqlite3.Connection,
    grouped: list[tuple[Entry, ...]],
    results: dict[str, EventResult],
    signature: str,
    fresh: set[str],
) -> None:
    """Store the articles, the new audits, and forget events that no longer exist."""
    from auditor.corpus import state

    ids = {event_id(g) for g in grouped}
    state.drop_events(conn, state.stored_event_ids(conn) - ids)
    for g in grouped:
        eid = event_id(g)
        if eid in fresh:
            keys = [e.article.key for e in g]
            state.save_event(conn, results[eid], members(g), signature, keys)
    state.save_articles(conn, ((e, event_id(g)) for g in grouped for e in g))
