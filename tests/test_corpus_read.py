"""Corpus mode, reading and grouping: feeds, folders, dates, sources, events, relations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from auditor.corpus.features import terms
from auditor.corpus.feed import Article, Bad, list_refs, read_ref
from auditor.corpus.group import Item, group
from auditor.corpus.relation import copy_relation, shingles, stories

STORY = (
    "Ferry crews on the Kestrel Bay line walked off the job on Thursday, stranding about 4,200 "
    "commuters. The Maritime Workers Union said 310 deckhands joined the strike after talks with "
    "Bayline Ferries broke down over pay. Union secretary Dana Holloway said fatigue at sea was a "
    "safety issue. Chief executive Marcus Oyelaran called the walkout unnecessary."
)
OTHER = (
    "Islanders queued for buses as the Kestrel Bay ferry strike entered a second day. Bayline "
    "Ferries cancelled every crossing. About 4,200 people use the line daily; the Maritime Workers "
    "Union says 310 members stopped work. Marcus Oyelaran said the offer stood, and Dana Holloway "
    "said the dispute was about fatigue."
)
UNRELATED = (
    "The Millbrook public library won the national Reading Spaces award for its converted tram "
    "depot. Judges praised the long reading hall. Head librarian Tomas Varga said the prize "
    "would buy books in the languages of the town's newest residents."
)


def _read(tmp_path: Path) -> list[Article | Bad]:
    return [read_ref(r) for r in list_refs([str(tmp_path)])]


def test_folder_articles_keep_outlet_and_dateline_date(tmp_path: Path) -> None:
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "a.txt").write_text(" date 2024-03-14\n\n" + STORY, encoding="utf-8")
    (tmp_path / "b.md").write_text(OTHER, encoding="utf-8")
    b, a = _read(tmp_path)  # in path order: b.md, wire/a.txt
    assert isinstance(a, Article) and isinstance(b, Article)
    assert (a.source, a.date, a.text[a.body_start :].strip()) == ("wire", "2024-03-14", STORY)
    assert (b.source, b.date) == ("", None)  # no dateline: no date, never the file's mtime


def test_feed_records_and_bad_lines(tmp_path: Path) -> None:
    records = [
        {"id": "x1", "source": "post", "date": "2024-03-16T08:00:00Z", "title": "T", "text": STORY},
        {"id": "x2", "source": "post", "text": ""},
        {"id": "x3", "date": "16 March", "text": OTHER},
    ]
    lines = [json.dumps(r) for r in records] + ["", "{not json"]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = _read(tmp_path)
    assert len(got) == 4  # the blank line is not an article
    first = got[0]
    assert isinstance(first, Article)
    assert (first.key, first.source, first.date, first.title) == ("x1", "post", "2024-03-16", "T")
    bad = [g for g in got[1:] if isinstance(g, Bad)]
    assert len(bad) == 3
    assert "x2" in bad[0].message and "'text'" in bad[0].message
    assert "ISO date" in bad[1].message
    assert "not a JSON record" in bad[2].message


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    from auditor.model import InputError

    with pytest.raises(InputError, match="no such file"):
        list_refs([str(tmp_path / "nowhere")])


def _item(key: str, text: str, date: str | None = None) -> Item:
    return Item(key, date, terms(text))


FILLERS = [_item(f"z{i}", UNRELATED.replace("Millbrook", f"Town{i}")) for i in range(5)]


def test_same_event_articles_group_and_others_stay_apart() -> None:
    events = group([_item("a", STORY), _item("b", OTHER), _item("c", UNRELATED), *FILLERS])
    assert ("a", "b") in events
    assert all(len(e) == 1 or e == ("a", "b") or "c" in e or e[0].startswith("z") for e in events)
    assert not any("a" in e and "c" in e for e in events)


def test_date_window_splits_and_undated_joins_by_content() -> None:
    far = group([_item("a", STORY, "2024-03-14"), _item("b", OTHER, "2024-05-01"), *FILLERS])
    assert ("a",) in far and ("b",) in far
    undated = group([_item("a", STORY, "2024-03-14"), _item("b", OTHER), *FILLERS])
    assert ("a", "b") in undated


def test_copies_of_one_story() -> None:
    story, other = shingles(STORY), shingles(OTHER)
    assert copy_relation(story, story) == "duplicate"
    trimmed = shingles(STORY.rsplit(" Chief", 1)[0])
    assert copy_relation(story, trimmed) == "trimmed-copy"
    assert copy_relation(trimmed, story) == "trimmed-copy"
    assert copy_relation(story, other) is None  # another outlet's story of the same event


def test_stories_count_versions_and_copies_once() -> None:
    rel = {(0, 1): "duplicate", (0, 2): "sources", (1, 2): "versions", (2, 3): "not-aligned"}
    assert stories(4, rel) == [0, 0, 0, 3]


def test_output_folder_inside_the_corpus_is_not_read(tmp_path: Path) -> None:
    from auditor.corpus.run import outside

    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "events.jsonl").write_text('{"event": "e1"}\n', encoding="utf-8")
    refs = outside(list_refs([str(tmp_path)]), tmp_path / "out")
    assert [Path(r.url).name for r in refs] == ["a.txt"]


def test_progress_shows_on_a_terminal_only() -> None:
    import io

    from auditor.corpus.progress import Progress

    quiet = Progress.for_terminal(io.StringIO())
    quiet.start("read", 10)
    quiet.advance(read=5)
    assert not quiet.enabled and quiet.stream.getvalue() == ""  # type: ignore[attr-defined]
    shown = Progress(stream=io.StringIO(), enabled=True)
    shown.start("read", 10)
    shown.advance(read=4)
    line = shown.stream.getvalue()  # type: ignore[attr-defined]
    assert "read 4/10 articles" in line and "articles/s" in line and "left" in line


def test_since_keeps_undated_and_later_articles_and_duplicate_ids_are_bad(tmp_path: Path) -> None:
    from auditor.corpus.run import select_entries
    from auditor.corpus.tasks import scan

    records = [
        {"id": "old", "date": "2024-01-01", "text": STORY},
        {"id": "new", "date": "2024-03-01", "text": OTHER},
        {"id": "undated", "text": UNRELATED},
        {"id": "new", "date": "2024-03-02", "text": UNRELATED},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    entries, bad = select_entries(scan(list_refs([str(feed)]), frozenset()), "2024-02-01")
    assert sorted(entries) == ["new", "undated"]
    assert [b.message for b in bad] == [f"{feed}#new: duplicate article id"]


def _unit(shared: float, own: dict[str, float]) -> dict[str, float]:
    """Return a unit vector with `shared` of its square on the common axis `t`."""
    scale = (1 - shared) ** 0.5
    return {"t": shared**0.5, **{k: v * scale for k, v in own.items()}}


def _link(vectors: dict[str, dict[str, float]]) -> list[tuple[str, ...]]:
    """Group articles given as vectors, every pair a candidate."""
    from auditor.corpus.group import COPY_CAP, link

    def cos(x: str, y: str) -> float:
        return sum(v * vectors[y].get(t, 0.0) for t, v in vectors[x].items())

    def similar(xs: Sequence[str], ys: Sequence[str]) -> float:
        return sum(min(cos(x, y), COPY_CAP) for x in xs for y in ys)

    keys = sorted(vectors)
    scored = sorted(((cos(x, y), x, y) for x in keys for y in keys if x < y), reverse=True)
    return link(keys, scored, similar, dict.fromkeys(keys))


def test_two_tight_events_of_one_kind_stay_apart_but_copies_do_not_keep_a_source_out() -> None:
    two_kinds = {
        "a1": _unit(0.25, {"p": 1.0}),
        "a2": _unit(0.25, {"p": 0.8, "q": 0.6}),
        "b1": _unit(0.25, {"r": 1.0}),
        "b2": _unit(0.25, {"r": 0.8, "s": 0.6}),
    }
    assert _link(two_kinds) == [("a1", "a2"), ("b1", "b2")]  # 0.25 across, 0.85 inside
    copies = {"w1": _unit(0.35, {"p": 1.0}), "w2": _unit(0.35, {"p": 1.0}), "c": {"t": 1.0}}
    assert _link(copies) == [("c", "w1", "w2")]  # the copies' 1.0 counts as 0.6


def _pairs(items: list[Item]) -> set[tuple[str, str]]:
    """Return the index's candidate pairs, by key (the smaller first)."""
    from auditor.corpus.group import arrays, candidates, idf

    feed = arrays(items)
    found = candidates(feed, idf(feed)).tolist()
    return {(min(feed.keys[a], feed.keys[b]), max(feed.keys[a], feed.keys[b])) for a, b in found}


def test_the_index_pairs_dated_articles_only_within_the_window() -> None:
    items = [
        _item("a", STORY, "2024-03-14"),
        _item("b", OTHER, "2024-03-16"),
        _item("c", STORY, "2024-03-30"),  # the same text two weeks later
        _item("d", OTHER),  # undated: meets every day
        *FILLERS,
    ]
    pairs = _pairs(items)
    assert {("a", "b"), ("a", "d"), ("c", "d")} <= pairs
    assert ("a", "c") not in pairs and ("b", "c") not in pairs


def test_the_window_bounds_the_candidates_and_the_events() -> None:
    from datetime import date, timedelta

    from auditor.corpus.group import DATE_WINDOW

    def day(n: int) -> str:
        return (date(2024, 3, 1) + timedelta(days=n)).isoformat()

    items = [
        _item("a", STORY, day(0)),
        _item("b", OTHER, day(DATE_WINDOW)),  # the last day of the window of a
        _item("c", STORY, day(DATE_WINDOW + 1)),  # just outside it
        *FILLERS,
    ]
    assert ("a", "b") in _pairs(items) and ("a", "c") not in _pairs(items)
    events = group(items)
    assert any({"a", "b"} <= set(e) for e in events)
    assert not any({"a", "c"} <= set(e) for e in events)  # the same text, a day too late


def test_cross_sums_match_the_capped_cosines_of_the_vectors() -> None:
    import random

    from auditor.corpus.group import COPY_CAP, arrays, cross_sum, idf, vectors

    rng = random.Random(3)
    words = [f"w:{w}" for w in "abcdefghij"] + ["n:kim", "#:12"]
    items = [
        Item(f"k{i}", None, {w: rng.randint(1, 4) for w in rng.sample(words, 5)}) for i in range(8)
    ]
    feed = arrays(items)
    matrix = vectors(feed, idf(feed))
    dense = matrix.toarray()
    row = {it.key: i for i, it in enumerate(items)}
    xs, ys = ["k0", "k3", "k5"], ["k1", "k7"]
    expected = sum(min(float(dense[row[x]] @ dense[row[y]]), COPY_CAP) for x in xs for y in ys)
    assert cross_sum(matrix, row)(xs, ys) == pytest.approx(expected)
    assert cross_sum(matrix, row)(["k2"], ["k2"]) == pytest.approx(min(1.0, COPY_CAP))


def _one_by_one(items: list[Item]) -> set[tuple[str, str]]:
    """Return the candidates of datasketch's own MinHash and MinHashLSH, one article at a time
    (an index per week, each article querying the weeks near its day, then inserted), within
    the date window."""
    from collections import Counter
    from datetime import date

    from datasketch import MinHash, MinHashLSH
    from datasketch.hashfunc import sha1_hash32

    from auditor.corpus.group import (
        DATE_WINDOW,
        KEY_TERMS,
        LSH_THRESHOLD,
        NUM_PERM,
        arrays,
        idf,
        within_window,
    )

    span = 2 * DATE_WINDOW + 1

    feed = arrays(items)
    weight = dict(zip(feed.terms, idf(feed).tolist(), strict=True))
    df = Counter(t for it in items for t in it.terms)
    shared = sorted((t for t in df if df[t] > 1), key=lambda t: (-weight[t], t))
    rank = {t: i for i, t in enumerate(shared)}
    bands = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    index: dict[int | None, MinHashLSH] = {}
    pairs = set()
    for it in items:
        keys = sorted((t for t in it.terms if t in rank), key=rank.__getitem__)[:KEY_TERMS]
        if not keys:
            continue
        mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=lambda t: sha1_hash32(t.encode()))
        mh.update_batch(keys)
        day = date.fromisoformat(it.date).toordinal() if it.date else None
        near = list(index) if day is None else [None, (day - DATE_WINDOW) // span]
        near += [] if day is None else [(day + DATE_WINDOW) // span]
        for week in {s for s in near if s in index}:
            pairs.update((min(it.key, k), max(it.key, k)) for k in index[week].query(mh))
        own = None if day is None else day // span
        index.setdefault(own, MinHashLSH(num_perm=NUM_PERM, params=(bands.b, bands.r)))
        index[own].insert(it.key, mh)
    date_of = {it.key: it.date for it in items}
    return {(a, b) for a, b in pairs if within_window(date_of[a], date_of[b])}


def test_the_array_index_finds_exactly_what_datasketch_finds_one_by_one() -> None:
    import random

    rng = random.Random(5)
    words = [f"{k}:{i}" for k in "wn#" for i in range(60)]
    items = [
        Item(
            f"k{i:03d}",
            None if rng.random() < 0.2 else f"2024-03-{rng.randint(1, 28):02d}",
            {w: rng.randint(1, 3) for w in rng.sample(words, rng.randint(0, 25))},
        )
        for i in range(150)
    ]
    expected = _one_by_one(items)
    assert len(expected) > 100
    assert _pairs(items) == expected


def test_signatures_are_datasketch_minhashes() -> None:
    import numpy as np
    from datasketch import MinHash
    from datasketch.hashfunc import sha1_hash32

    from auditor.corpus.minhash import permuted, signatures, term_hashes

    sets = [["n:kim", "w:ferry", "#:12"], ["w:strike"], ["n:bay", "w:ferry", "n:kestrel"]]
    terms = sorted({t for s in sets for t in s})
    rows = np.array([i for i, s in enumerate(sets) for _ in s])
    ids = np.array([terms.index(t) for s in sets for t in s])
    values = permuted(term_hashes(terms), 64, 64)[ids]
    articles, signature = signatures(rows, values)
    assert articles.tolist() == [0, 1, 2]
    for s, got in zip(sets, signature, strict=True):
        mh = MinHash(num_perm=64, seed=1, hashfunc=lambda t: sha1_hash32(t.encode()))
        mh.update_batch(s)
        assert got.tolist() == mh.hashvalues.tolist()


def test_feeds_without_shared_terms_or_articles_group_alone() -> None:
    assert group([]) == []
    assert group([Item("a", None, {}), Item("b", "2024-01-01", {"n:kim": 2})]) == [("a",), ("b",)]
    assert group([Item("a", None, {"w:ferry": 1}), Item("b", None, {"w:ferry": 2})]) == [("a", "b")]
