"""Name links: a multi-word name in one source and a name one word away in the other.

Two outlets name an organisation, an event or a place the same way; when the sentences that
speak of it (aligned, or sharing rare content) give two names of the same length that differ in
one word, with the same words next to them, and neither text uses the other's form, one of
them is probably wrong ("Academy
Awards" and "Central Awards"). The last word (the kind: "Center", "Survey") must be the same,
and a name whose last word stands alone elsewhere is taken for a person ("Bill Clinton",
"Hillary Clinton": "Clinton said") and left alone.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from auditor.align.context import context_stems
from auditor.align.similarity import CALENDAR, STOPWORDS, stem
from auditor.knowledge.lexicon import alternation, lexicon
from auditor.model import Document, FactLink, NameMention

WORD = r"(?:[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*|(?:[A-Z]\.){2,})"
SINGLE = re.compile(r"(?<![\w.-])[A-Z][a-z]+\b")
INNER = alternation(lexicon().word_set("name_inner"))
PHRASE = re.compile(rf"(?<![\w.-]){WORD}(?:\s+(?:(?:{INNER})\s+)*{WORD})+")


@dataclass(frozen=True)
class Name:
    """A capitalised multi-word name in a sentence."""

    mention: NameMention
    sentence: int
    words: tuple[str, ...]
    near: frozenset[str]  # stems of the content words next to it


def find_names(doc: Document) -> list[Name]:
    """Return the capitalised names of two or more words, leading function words removed."""
    out = []
    for m in PHRASE.finditer(doc.text, doc.body_start):
        words = m.group().split()
        start = m.start()
        while words and (words[0].lower() in STOPWORDS or words[0].lower() in CALENDAR):
            start = doc.text.index(words[1], start + len(words[0])) if len(words) > 1 else start
            words = words[1:]
        if len(words) < 2 or words[-1].lower() in CALENDAR:
            continue
        s = doc.sentence_at(start)
        if s is None or m.end() > s.end:
            continue
        text = doc.text[start : m.end()]
        mention = NameMention(start, m.end(), text, " ".join(w.lower() for w in words))
        near = context_stems(doc.text, s.start, s.end, start, m.end())
        out.append(Name(mention, s.index, tuple(words), frozenset(near)))
    return out


def link_names(
    x: Document,
    y: Document,
    names: Mapping[str, Sequence[Name]],
    relation: Callable[[int, int], str | None],
) -> Iterator[FactLink]:
    """Yield links between names of x and y one word apart, in related sentences."""
    keys = {d.id: {n.mention.key for n in names[d.id]} for d in (x, y)}
    alone = _alone(x, names[x.id]) | _alone(y, names[y.id])
    by_head: dict[tuple[str, int], list[Name]] = defaultdict(list)
    for n in names[y.id]:
        by_head[n.words[-1].lower(), len(n.words)].append(n)
    for n in names[x.id]:
        if n.mention.key in keys[y.id]:
            continue
        for o in by_head.get((n.words[-1].lower(), len(n.words)), ()):
            if o.mention.key in keys[x.id] or not n.near & o.near or not one_word_apart(n, o):
                continue
            basis = relation(n.sentence, o.sentence)
            if basis is None or n.words[-1].lower() in alone:
                continue
            yield FactLink("name", x.id, n.mention, y.id, o.mention, basis)


def one_word_apart(a: Name, b: Name) -> bool:
    """Return True if two names differ in one content word that is not an inflection."""
    diff = [(p, q) for p, q in zip(a.words, b.words, strict=True) if p != q]
    if len(diff) != 1:
        return False
    p, q = diff[0]
    return stem(p) != stem(q) and p.lower() not in STOPWORDS and q.lower() not in STOPWORDS


def _alone(doc: Document, names: Sequence[Name]) -> set[str]:
    """Return the words that stand alone, capitalised, outside every name (surnames)."""
    firsts = [n.mention.start for n in names]
    starts = {s.start for s in doc.sentences}
    out = set()
    for m in SINGLE.finditer(doc.text, doc.body_start):
        k = bisect.bisect_right(firsts, m.start()) - 1
        if m.start() in starts or (k >= 0 and m.start() < names[k].mention.end):
            continue
        out.add(m.group().lower())
    return out
