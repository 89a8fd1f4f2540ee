"""Corpus state without a cluster: articles described once, older layouts, dismissals kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from auditor.corpus import state
from auditor.corpus.features import terms
from auditor.corpus.feed import list_refs
from auditor.corpus.group import Feed
from auditor.corpus.run import select_entries
from auditor.corpus.tasks import Entry, scan

TEXT = "Ferry crews on the Kestrel Bay line walked off the job, stranding 4,200 commuters."


def _feed(tmp_path: Path, texts: dict[str, str]) -> Path:
    feed = tmp_path / "feed.jsonl"
    records = [{"id": k, "date": "2024-03-01", "text": t} for k, t in texts.items()]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return feed


def _described(conn: sqlite3.Connection, feed: Path) -> tuple[dict[str, Entry], Feed]:
    """Scan a feed against the state, store what is new, and lay it out for grouping."""
    from auditor.corpus.group import from_ids

    entries, _ = select_entries(scan(list_refs([str(feed)]), state.described(conn)), None)
    described, ids = state.with_ids(conn, entries)
    dates = [e.article.date for e in entries.values()]
    return entries, from_ids(list(described), dates, ids.vocabulary, ids.rows)


def _fresh(texts: dict[str, str]) -> Feed:
    """Lay out the articles as a first run would (no state)."""
    from auditor.corpus.group import Item, arrays

    return arrays([Item(k, "2024-03-01", terms(t)) for k, t in texts.items()])


def _same(a: Feed, b: Feed) -> bool:
    """Return True if two feeds are laid out identically."""
    arrays_equal = all((getattr(a, f) == getattr(b, f)).all() for f in ("ids", "counts", "starts"))
    return arrays_equal and (a.keys, a.dates, a.terms) == (b.keys, b.dates, b.terms)


def test_a_rerun_describes_only_new_or_changed_articles(tmp_path: Path) -> None:
    conn = state.open_state(tmp_path / "out")
    texts = {"a": TEXT, "c": TEXT.replace("Ferry", "Tram")}
    first, laid = _described(conn, _feed(tmp_path, texts))
    assert first["a"].terms is not None and "n:kestrel" in first["a"].terms
    assert _same(laid, _fresh(texts))
    state.save_articles(conn, [(e, "e1") for e in state.with_ids(conn, first)[0].values()])

    grown = {"b": TEXT.replace("4,200", "4,300"), "a": TEXT}  # c gone, b new and first
    again, laid = _described(conn, _feed(tmp_path, grown))
    assert again["a"].terms is None and again["b"].terms is not None  # only b is described
    assert _same(laid, _fresh(grown))  # the stored ids give the layout of a fresh run
    assert "w:tram" not in laid.terms and "#:4300" in laid.terms  # ids renumbered


def _vocabulary(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT term FROM vocabulary ORDER BY id")]


def test_the_vocabulary_forgets_the_terms_of_articles_that_left_the_feed(tmp_path: Path) -> None:
    conn = state.open_state(tmp_path / "out")
    long = " ".join(f"Delegate{i} of Province{i} counted {i * 7} ballots." for i in range(40))
    first, _ = _described(conn, _feed(tmp_path, {"a": TEXT, "z": long}))
    state.save_articles(conn, [(e, "e1") for e in state.with_ids(conn, first)[0].values()])
    assert "n:province39" in _vocabulary(conn)

    kept = {"a": TEXT}  # z left the feed, and with it most of the vocabulary
    _, laid = _described(conn, _feed(tmp_path, kept))
    assert _same(laid, _fresh(kept))
    assert sorted(_vocabulary(conn)) == sorted(terms(TEXT))  # renumbered to a's terms alone

    grown = {"b": TEXT.replace("4,200", "4,300"), "a": TEXT}
    _, laid = _described(conn, _feed(tmp_path, grown))
    assert _same(laid, _fresh(grown))  # a's renumbered ids still lay out a fresh run's feed


def test_an_older_state_is_audited_again_but_keeps_its_dismissals(tmp_path: Path) -> None:
    conn = state.open_state(tmp_path)
    state.add_dismissals(conn, ["fp1"])
    conn.execute("INSERT INTO events VALUES ('e1', '[]', 'sig', '[]', '[]', NULL)")
    conn.execute("UPDATE meta SET value = '0' WHERE name = 'schema'")
    conn.commit()
    conn.close()
    reopened = state.open_state(tmp_path)
    assert state.stored_event_ids(reopened) == set()
    assert state.dismissals(reopened) == {"fp1"}
    row = reopened.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
    assert row == (state.SCHEMA_VERSION,)
