"""Title links: the office that two sentences saying the same thing name on different rungs.

A titled person is compared by person (`T101` reads the title mentions). Two sentences aligned
as saying the same thing also name offices with no name next to them, or with the name spelled
another way ("elect a president", "elect a vice president"; "the CIA director", "the CIA deputy
director"). When each of the two names exactly one office of a family (the rank ladder of
`titles.toml`) and the offices differ, the two titles are linked: one of them is on the wrong
rung. Two named titles ("President Lee", "Vice President Park") are never linked this way: named
people are judged by person, with all of each one's titles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from functools import cache

from auditor.knowledge.titles import TitleBook
from auditor.mentions.people import Tokens, title_runs, title_words
from auditor.model import Document, FactLink, Mention, TitleMention

Aligned = Mapping[tuple[str, int, str, int], str]
Offices = dict[int, dict[str, list[TitleMention]]]  # sentence -> office family -> titles


def find_offices(
    doc: Document, mentions: Sequence[Mention], book: TitleBook, sentences: Collection[int]
) -> Offices:
    """Return the offices some sentences name, by family: named people's titles as mentioned,
    the others as titles with no name."""
    named = {m.start: m for m in mentions if isinstance(m, TitleMention)}
    heads = _heads(book.heads)
    out: Offices = defaultdict(lambda: defaultdict(list))
    for s in (doc.sentences[i] for i in sorted(sentences)):
        if not heads.search(doc.text, s.start, s.end):
            continue
        toks = Tokens(doc.text, s.start, s.end)
        for i, j in title_runs(toks, book):
            office = book.office([w for t in toks[i:j] for w in title_words(t.text)])
            if office is None:
                continue
            start, end = toks[i].start, toks[j - 1].end
            title = named.get(start) or TitleMention(
                start, end, doc.text[start:end], "", office.canonical, office.family, ""
            )
            out[s.index][office.family].append(title)
    return out


@cache
def _heads(words: frozenset[str]) -> re.Pattern[str]:
    """Return a pattern finding the head words of the offices (a sentence without one names
    none); a lookahead for their first letters passes over other words at once (twice as fast)."""
    first = "".join(sorted({w[:1].lower() for w in words} | {w[:1].upper() for w in words}))
    ahead = rf"(?=[{re.escape(first)}])" if first else ""
    return re.compile(rf"\b{ahead}(?:{'|'.join(sorted(words, key=len, reverse=True))})", re.I)


def link_titles(
    x: str, y: str, offices: Mapping[str, Offices], aligned: Aligned
) -> Iterator[FactLink]:
    """Yield the links of the one office of a family that aligned sentences give differently."""
    mine, theirs = offices[x], offices[y]
    for (dx, i, dy, j), kind in aligned.items():
        if kind != "same" or (dx, dy) != (x, y) or i not in mine or j not in theirs:
            continue
        for family in mine[i].keys() & theirs[j].keys():
            fs, gs = mine[i][family], theirs[j][family]
            if len(fs) == len(gs) == 1 and _differ(fs[0], gs[0]):
                yield FactLink("title", x, fs[0], y, gs[0], kind, True)


def _differ(a: TitleMention, b: TitleMention) -> bool:
    """Return True if two titles name different offices, one of them with no name next to it
    (two named are judged by person by `T101`, with all of each one's titles)."""
    return a.office != b.office and not (a.key and b.key)
