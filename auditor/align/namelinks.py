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
LEADING = STOPWORDS | CALENDAR  # never the first word of a name
TRAILING = CALENDAR | lexicon().word_set("name_inner")  # never the last ("on Saturday")
FUNCTION_WORDS = STOPWORDS | lexicon().word_set("name_function_words")  # "Mr", "the"
TOKEN = re.compile(r"\S+")
QUOTES = "'’\"”"
PHRASE = re.compile(rf"(?<![\w.-]){WORD}(?:\s+(?:(?:{INNER})\s+)*{WORD})+")


@dataclass(frozen=True)
class Name:
    """A capitalised multi-word name in a sentence."""

    mention: NameMention
    sentence: int
    words: tuple[str, ...]
    near: frozenset[str]  # stems of the content words next to it


def find_names(doc: Document) -> list[Name]:
    """Return the capitalised names of two or more words, leading function words and trailing
    days, months and joining words removed ("the Indian Navy on Saturday": "Indian Navy"), a
    closing quotation mark or apostrophe left out ("'The Hunger Games'")."""
    out = []
    for m in PHRASE.finditer(doc.text, doc.body_start):
        spans = [(w.start(), w.end()) for w in TOKEN.finditer(doc.text, m.start(), m.end())]
        while spans and _word(doc.text, spans[0]) in LEADING:
            spans = spans[1:]
        while spans and _word(doc.text, spans[-1]) in TRAILING:
            spans = spans[:-1]
        quoted = next((k for k, (a, b) in enumerate(spans) if doc.text[b - 1] in QUOTES), None)
        if quoted is not None:  # a closing mark ends the name: "'Hunger Games' Sequel"
            spans = spans[: quoted + 1]
            last = doc.text[spans[-1][0] : spans[-1][1]].rstrip(QUOTES)
            spans[-1] = (spans[-1][0], spans[-1][0] + len(last))
        if len(spans) < 2 or spans[-1][0] == spans[-1][1]:
            continue
        start, end = spans[0][0], spans[-1][1]
        s = doc.sentence_at(start)
        if s is None or end > s.end:
            continue
        words = tuple(doc.text[a:b] for a, b in spans)
        mention = NameMention(start, end, doc.text[start:end], " ".join(w.lower() for w in words))
        near = context_stems(doc.text, s.start, s.end, start, end)
        out.append(Name(mention, s.index, words, frozenset(near)))
    return out


def _word(text: str, span: tuple[int, int]) -> str:
    """Return the word at a span, lower case."""
    return text[span[0] : span[1]].lower()


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
        for o in by_head.get((n.words[-1].lower(), len(n.words)), ()):
            # Both texts using both forms name two things; one text using both names two
            # things ("the Academy Awards", "the Emmy Awards") or contradicts itself ("The
            # Hunger Games", "The Central Games" where the other source has "The Hunger
            # Games" in that sentence): two words next to both say which.
            mine, theirs = n.mention.key in keys[y.id], o.mention.key in keys[x.id]
            if (mine and theirs) or len(n.near & o.near) < 1 + (mine or theirs):
                continue
            if not one_word_apart(n, o):
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
    return stem(p) != stem(q) and not {p.lower(), q.lower()} & FUNCTION_WORDS


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
