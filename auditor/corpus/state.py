"""The corpus state: an SQLite file in the output folder (articles, events, findings, dismissals).

One connection per run; everything the run changes is written in one transaction that the run
commits only after its outputs are in place, so an interrupted run leaves the previous state.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from auditor.corpus.tasks import Entry, EventResult
from auditor.model import Report

DB_NAME = "audit-corpus.sqlite"
SCHEMA_VERSION = "1"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, path TEXT NOT NULL, source TEXT NOT NULL,
    date TEXT, title TEXT, url TEXT, words INTEGER NOT NULL, event TEXT);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, members TEXT NOT NULL, signature TEXT NOT NULL,
    relations TEXT NOT NULL, report BLOB);
CREATE TABLE IF NOT EXISTS findings (
    event TEXT NOT NULL, article TEXT NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL,
    fingerprint TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS findings_event ON findings (event);
CREATE TABLE IF NOT EXISTS dismissals (fingerprint TEXT PRIMARY KEY);
"""


def open_state(folder: Path) -> sqlite3.Connection:
    """Open (or create) the state database of an output folder."""
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / DB_NAME, isolation_level="DEFERRED")
    conn.executescript(SCHEMA)
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    conn.commit()
    return conn


def cached_event(
    conn: sqlite3.Connection, event_id: str, members: str, signature: str
) -> EventResult | None:
    """Return the stored result of an event with these members and this signature, if any."""
    row = conn.execute(
        "SELECT relations, report FROM events WHERE id = ? AND members = ? AND signature = ?",
        (event_id, members, signature),
    ).fetchone()
    if row is None:
        return None
    relations = tuple(tuple(r) for r in json.loads(row[0]))
    report = _unpack(row[1])
    return EventResult(event_id, relations, report)


def stored_event_ids(conn: sqlite3.Connection) -> set[str]:
    """Return the ids of the events in the state."""
    return {r[0] for r in conn.execute("SELECT id FROM events")}


def save_event(
    conn: sqlite3.Connection,
    result: EventResult,
    members: str,
    signature: str,
    keys: list[str],
) -> None:
    """Store an event's result and findings (replacing what the event had)."""
    conn.execute("DELETE FROM findings WHERE event = ?", (result.id,))
    conn.execute(
        "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?)",
        (result.id, members, signature, json.dumps(result.relations), _pack(result.report)),
    )
    if result.report is None:
        return
    by_doc = {d.id: k for d, k in zip(result.report.documents, keys, strict=True)}
    conn.executemany(
        "INSERT INTO findings VALUES (?, ?, ?, ?, ?)",
        [
            (result.id, by_doc[f.doc], f.rule, f.severity.value, f.fingerprint)
            for f in result.report.findings
        ],
    )


def drop_events(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    """Forget events that no longer exist."""
    for event_id in ids:
        conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
        conn.execute("DELETE FROM findings WHERE event = ?", (event_id,))


def save_articles(conn: sqlite3.Connection, entries: Iterable[tuple[Entry, str]]) -> None:
    """Store every article read in this run with its event (the feed as it is now)."""
    conn.execute("DELETE FROM articles")
    conn.executemany(
        "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (a.key, a.sha256, a.path, a.source, a.date, a.title, a.url, e.words, event)
            for e, event in entries
            for a in [e.article]
        ],
    )


def add_dismissals(conn: sqlite3.Connection, fingerprints: Iterable[str]) -> None:
    """Record findings an editor dismissed; they stay dismissed in every later run."""
    conn.executemany("INSERT OR IGNORE INTO dismissals VALUES (?)", [(f,) for f in fingerprints])


def dismissals(conn: sqlite3.Connection) -> frozenset[str]:
    """Return every dismissed fingerprint."""
    return frozenset(r[0] for r in conn.execute("SELECT fingerprint FROM dismissals"))


def load_reports(conn: sqlite3.Connection, ids: Iterable[str]) -> Iterator[Report | None]:
    """Yield the stored report of each event id, in order."""
    for event_id in ids:
        row = conn.execute("SELECT report FROM events WHERE id = ?", (event_id,)).fetchone()
        yield _unpack(row[0]) if row else None


def _pack(report: Report | None) -> bytes | None:
    """Serialise a report for the database (our own data: pickled and compressed)."""
    return None if report is None else zlib.compress(pickle.dumps(report, protocol=5), 3)


def _unpack(blob: bytes | None) -> Report | None:
    """Deserialise a stored report."""
    return None if blob is None else pickle.loads(zlib.decompress(blob))
