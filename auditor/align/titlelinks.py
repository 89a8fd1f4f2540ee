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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from auditor.knowledge.titles import TitleBook
from auditor.mentions.people import Tokens, title_runs, title_words
from auditor.model import Document, FactLink, Mention, TitleMention

Aligned = Mapping[tuple[str, int, str, int], str]
Offices = dict[str, list[TitleMention]]  # office family -> titles (of one sentence)


@dataclass(frozen=True)
class OfficeReader:
    """The offices a document's sentences name, each sentence read when first asked for: a
    sentence needs reading only when the one aligned with it names an office."""

    doc: Document
    named: Mapping[int, TitleMention]  # the titles of named people, by start
    book: TitleBook
    read: dict[int, Offices] = field(default_factory=dict)

    def offices(self, i: int) -> Offices:
        """Return the offices sentence i names, by family (`find_offices`)."""
        if i not in self.read:
            self.read[i] = find_offices(self.doc, self.named, self.book, i)
        return self.read[i]


def office_reader(doc: Document, mentions: Sequence[Mention], book: TitleBook) -> OfficeReader:
    """Return the reader of the offices of a document's sentences, none read yet."""
    named = {m.start: m for m in mentions if isinstance(m, TitleMention)}
    return OfficeReader(doc, named, book)


def find_offices(
    doc: Document, named: Mapping[int, TitleMention], book: TitleBook, i: int
) -> Offices:
    """Return the offices sentence i names, by family: named people's titles as mentioned
    (`named`, by start), the others as titles with no name."""
    s = doc.sentences[i]
    out: Offices = defaultdict(list)
    if not _heads(book.heads).search(doc.text, s.start, s.end):
        return out
    toks = Tokens(doc.text, s.start, s.end)
    for first, last in title_runs(toks, book):
        office = book.office([w for t in toks[first:last] for w in title_words(t.text)])
        if office is None:
            continue
        start, end = toks[first].start, toks[last - 1].end
        title = named.get(start) or TitleMention(
            start, end, doc.text[start:end], "", office.canonical, office.family, ""
        )
        out[office.family].append(title)
    return out


@cache
def _heads(words: frozenset[str]) -> re.Pattern[str]:
    """Return a pattern finding the head words of the offices (a sentence without one names
    none); a lookahead for their first letters passes over other words at once (twice as fast)."""
    first = "".join(sorted({w[:1].lower() for w in words} | {w[:1].upper() for w in words}))
    ahead = rf"(?=[{re.escape(first)}])" if first else ""
    return re.compile(rf"\b{ahead}(?:{'|'.join(sorted(words, key=len, reverse=True))})", re.I)


def link_titles(x: OfficeReader, y: OfficeReader, aligned: Aligned) -> Iterator[FactLink]:
    """Yield the links of the one office of a family that aligned sentences give differently."""
    for (dx, i, dy, j), kind in aligned.items():
        if kind != "same" or (dx, dy) != (x.doc.id, y.doc.id) or not (mine := x.offices(i)):
            continue
        theirs = y.offices(j)
        for family in mine.keys() & theirs.keys():
            fs, gs = mine[family], theirs[family]
            if len(fs) == len(gs) == 1 and _differ(fs[0], gs[0]):
                yield FactLink("title", dx, fs[0], dy, gs[0], kind, True)


def _differ(a: TitleMention, b: TitleMention) -> bool:
    """Return True if two titles name different offices, one of them with no name next to it
    (two named are judged by person by `T101`, with all of each one's titles)."""
    return a.office != b.office and not (a.key and b.key)
