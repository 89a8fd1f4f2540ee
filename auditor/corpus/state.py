"""The corpus state: an SQLite file in the output folder (articles, events, findings, dismissals).

One connection per run; everything the run changes is written in one transaction that the run
commits only after its outputs are in place, so an interrupted run leaves the previous state.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from auditor.corpus.pages import with_rules
from auditor.corpus.tasks import Entry, EventResult
from auditor.model import Report

DB_NAME = "audit-corpus.sqlite"
SCHEMA_VERSION = "4"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, path TEXT NOT NULL, source TEXT NOT NULL,
    date TEXT, title TEXT, url TEXT, words INTEGER NOT NULL, event TEXT);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, members TEXT NOT NULL, signature TEXT NOT NULL,
    relations TEXT NOT NULL, rules TEXT NOT NULL, report BLOB);
CREATE TABLE IF NOT EXISTS findings (
    event TEXT NOT NULL, article TEXT NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL,
    fingerprint TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS findings_event ON findings (event);
CREATE TABLE IF NOT EXISTS dismissals (fingerprint TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS vocabulary (id INTEGER PRIMARY KEY, term TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terms (
    sha256 TEXT PRIMARY KEY, words INTEGER NOT NULL, ids BLOB NOT NULL, counts BLOB NOT NULL);
"""
OLD_TABLES = """
DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS events; DROP TABLE IF EXISTS findings;
DROP TABLE IF EXISTS terms; DROP TABLE IF EXISTS vocabulary;
"""


def open_state(folder: Path) -> sqlite3.Connection:
    """Open (or create) the state database of an output folder."""
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / DB_NAME, isolation_level="DEFERRED")
    conn.executescript(SCHEMA)
    row = conn.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
    if row is None or row[0] != SCHEMA_VERSION:  # new, or an older layout: audit everything
        conn.executescript(OLD_TABLES + SCHEMA)  # (the dismissals stay)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        conn.commit()
    return conn


def cached_events(
    conn: sqlite3.Connection, members: Mapping[str, str], signature: str
) -> dict[str, EventResult]:
    """Return the stored results of the events that have these members (by event id) and this
    signature (one query for the whole feed)."""
    rows = conn.execute(
        "SELECT id, members, relations, rules, report FROM events WHERE signature = ?",
        (signature,),
    )
    return {
        event_id: _result(event_id, relations, rules, report)
        for event_id, stored, relations, rules, report in rows
        if members.get(event_id) == stored
    }


def _result(event_id: str, relations: str, rules: str, report: bytes | None) -> EventResult:
    """Return a stored event's result from its row."""
    codes = tuple(json.loads(rules))
    unpacked = _unpack(report)
    return EventResult(
        event_id,
        tuple(tuple(r) for r in json.loads(relations)),
        unpacked and with_rules(unpacked, codes),
        codes,
    )


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
    """Store an event's result (its slim report) and findings (replacing what the event had)."""
    conn.execute("DELETE FROM findings WHERE event = ?", (result.id,))
    relations, rules = json.dumps(result.relations), json.dumps(result.rules)
    conn.execute(
        "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?)",
        (result.id, members, signature, relations, rules, _pack(result.report)),
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
    """Store every article read in this run with its event (the feed as it is now); forget the
    terms of articles no longer in it."""
    conn.execute("DELETE FROM articles")
    conn.executemany(
        "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (a.key, a.sha256, a.path, a.source, a.date, a.title, a.url, e.words, event)
            for e, event in entries
            for a in [e.article]
        ],
    )
    conn.execute("DELETE FROM terms WHERE sha256 NOT IN (SELECT sha256 FROM articles)")


def described(conn: sqlite3.Connection) -> frozenset[str]:
    """Return the content hashes of the articles whose terms the state holds."""
    return frozenset(r[0] for r in conn.execute("SELECT sha256 FROM terms"))


@dataclass(frozen=True)
class Described:
    """The feed's articles as ids of the state's vocabulary: what grouping reads (see
    `group.from_ids`). `rows` holds each article's term ids and counts, in feed order."""

    vocabulary: list[str]
    rows: list[tuple[Any, Any]]


def with_ids(
    conn: sqlite3.Connection, entries: dict[str, Entry]
) -> tuple[dict[str, Entry], Described]:
    """Return the entries with their word counts but not their terms, and every entry's terms as
    ids of the state's vocabulary (stored ones by content hash); store the new ones.

    A re-run reads each known article's terms as two arrays, never as strings.
    """
    import numpy as np

    vocabulary = [r[0] for r in conn.execute("SELECT term FROM vocabulary ORDER BY id")]
    known = len(vocabulary)
    wanted = any(e.terms is None for e in entries.values())
    stored = {r[0]: r[1:] for r in conn.execute("SELECT * FROM terms")} if wanted else {}
    column: dict[str, int] | None = None
    out, rows, fresh = {}, [], []
    for key, e in entries.items():
        if e.terms is None:
            words, ids, counts = stored[e.article.sha256]
            row = (np.frombuffer(ids, np.int32), np.frombuffer(counts, np.int32))
        else:
            column = column if column is not None else {t: j for j, t in enumerate(vocabulary)}
            words = e.words
            row = (_ids(e.terms, column, vocabulary), np.fromiter(e.terms.values(), np.int32))
            fresh.append((e.article.sha256, words, row[0].tobytes(), row[1].tobytes()))
        rows.append(row)
        out[key] = replace(e, words=words, terms=None)
    conn.executemany("INSERT OR IGNORE INTO terms VALUES (?, ?, ?, ?)", fresh)
    added = enumerate(vocabulary[known:], start=known)
    conn.executemany("INSERT INTO vocabulary VALUES (?, ?)", list(added))
    _compact(conn, vocabulary, rows, {e.article.sha256 for e in entries.values()})
    return out, Described(vocabulary, rows)


def _compact(
    conn: sqlite3.Connection, vocabulary: list[str], rows: list[tuple[Any, Any]], feed: set[str]
) -> None:
    """Renumber the stored vocabulary to the terms of the feed's articles once at most half of
    it is in use (articles that left the feed leave their terms behind), so the state grows
    with the feed, not with its history. Grouping renumbers ids itself: results do not change."""
    import numpy as np

    used = np.zeros(len(vocabulary), dtype=bool)
    for ids, _ in rows:
        used[ids] = True
    if not vocabulary or 2 * int(used.sum()) > len(vocabulary):
        return
    new = np.cumsum(used, dtype=np.int32) - 1  # the new id of each term in use
    stored = conn.execute("SELECT sha256, ids FROM terms").fetchall()
    conn.executemany(
        "DELETE FROM terms WHERE sha256 = ?", [(h,) for h, _ in stored if h not in feed]
    )
    conn.executemany(
        "UPDATE terms SET ids = ? WHERE sha256 = ?",
        [(new[np.frombuffer(ids, np.int32)].tobytes(), h) for h, ids in stored if h in feed],
    )
    conn.execute("DELETE FROM vocabulary")
    kept = (t for t, u in zip(vocabulary, used, strict=True) if u)
    conn.executemany("INSERT INTO vocabulary VALUES (?, ?)", list(enumerate(kept)))


def _ids(terms: dict[str, int], column: dict[str, int], vocabulary: list[str]) -> Any:
    """Return the ids of an article's terms, adding its new terms to the vocabulary."""
    import numpy as np

    before = len(column)
    ids = [column.setdefault(t, len(column)) for t in terms]
    vocabulary.extend(t for t, j in zip(terms, ids, strict=True) if j >= before)
    return np.array(ids, dtype=np.int32)


def add_dismissals(conn: sqlite3.Connection, fingerprints: Iterable[str]) -> None:
    """Record findings an editor dismissed; they stay dismissed in every later run."""
    conn.executemany("INSERT OR IGNORE INTO dismissals VALUES (?)", [(f,) for f in fingerprints])


def dismissals(conn: sqlite3.Connection) -> frozenset[str]:
    """Return every dismissed fingerprint."""
    return frozenset(r[0] for r in conn.execute("SELECT fingerprint FROM dismissals"))


def _pack(report: Report | None) -> bytes | None:
    """Serialise a slim report for the database (our own data: pickled and compressed; its rules
    are stored by code)."""
    if report is None:
        return None
    return zlib.compress(pickle.dumps(replace(report, rules={}), protocol=5), 3)


def _unpack(blob: bytes | None) -> Report | None:
    """Deserialise a stored report."""
    return None if blob is None else pickle.loads(zlib.decompress(blob))
