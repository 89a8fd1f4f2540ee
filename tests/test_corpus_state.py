"""Corpus state without a cluster: articles described once, older layouts, dismissals kept."""

from __future__ import annotations

import json
from pathlib import Path

from auditor.corpus import state
from auditor.corpus.feed import list_refs
from auditor.corpus.run import select_entries
from auditor.corpus.tasks import scan

TEXT = "Ferry crews on the Kestrel Bay line walked off the job, stranding 4,200 commuters."


def _feed(tmp_path: Path, texts: dict[str, str]) -> Path:
    feed = tmp_path / "feed.jsonl"
    records = [{"id": k, "date": "2024-03-01", "text": t} for k, t in texts.items()]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return feed


def test_a_rerun_describes_only_new_or_changed_articles(tmp_path: Path) -> None:
    conn = state.open_state(tmp_path / "out")
    feed = _feed(tmp_path, {"a": TEXT})
    first, _ = select_entries(scan(list_refs([str(feed)]), state.described(conn)), None)
    assert first["a"].terms is not None and "n:kestrel" in first["a"].terms
    state.save_articles(conn, [(e, "e1") for e in state.with_terms(conn, first).values()])

    feed = _feed(tmp_path, {"a": TEXT, "b": TEXT.replace("4,200", "4,300")})
    known = state.described(conn)
    again, _ = select_entries(scan(list_refs([str(feed)]), known), None)
    assert again["a"].terms is None and again["b"].terms is not None  # only b is described
    filled = state.with_terms(conn, again)
    assert filled["a"].terms == first["a"].terms and filled["a"].words == first["a"].words


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
