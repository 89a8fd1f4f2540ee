"""Name links: a multi-word name in one source and a name one word away in the other.

Two outlets name an organisation, an event or a place the same way; when the sentences that
speak of it (aligned, or sharing rare content) give two names of the same length that differ in
one word, with the same words next to them, and neither text uses the other's form, one of
them is probably wrong ("Academy Awards" and "Central Awards"). The last word (the kind:
"Center", "Survey") must be the same, and a name whose last word stands alone elsewhere is
taken for a person ("Bill Clinton", "Hillary Clinton": "Clinton said") and left alone, unless
that word is the kind of the text's only body of that kind: then it is the body's short name
("the Indian Navy", later "the Navy" and "a Navy spokesman"), and it repeats the full name.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Container, Iterator, Mapping, Sequence
from dataclasses import dataclass

from auditor.align.context import context_stems
from auditor.align.fact import by_sentence
from auditor.align.similarity import CALENDAR, STOPWORDS, stem
from auditor.knowledge.lexicon import alternation, lexicon
from auditor.knowledge.names import fold_words
from auditor.model import Document, EventLink, FactLink, NameMention

WORD = r"(?:[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*|(?:[A-Z]\.){2,})"
# A capital opens each pattern, so that a search passes over the other characters at once; the
# lookbehind after it says that no word, dot or hyphen stands before that capital.
SINGLE = re.compile(r"[A-Z](?<![\w.-][A-Z])[a-z]+\b")
INNER = alternation(lexicon().word_set("name_inner"))
LEADING = STOPWORDS | CALENDAR  # never the first word of a name
TRAILING = CALENDAR | lexicon().word_set("name_inner")  # never the last ("on Saturday")
FUNCTION_WORDS = STOPWORDS | lexicon().word_set("name_function_words")  # "Mr", "the"
TOKEN = re.compile(r"\S+")
QUOTES = "'’\"”"
QUOTE = re.compile(f"[{QUOTES}]")
BODIES = lexicon().word_set("organisation_nouns") | lexicon().word_set("name_kinds")
NO_LINK = (0.0, -1)  # the strength and sentence of no event link
FIRST = r"[A-Z](?<![\w.-][A-Z])(?:[\w'’]*(?:-[A-Za-z][\w'’]*)*|\.(?:[A-Z]\.)+)"  # a first WORD
PHRASE = re.compile(rf"{FIRST}(?:\s+(?:(?:{INNER})\s+)*{WORD})+")


@dataclass(frozen=True)
class Name:
    """A capitalised multi-word name in a sentence."""

    mention: NameMention
    sentence: int
    words: tuple[str, ...]


def find_names(doc: Document, titles: Collection[str] = ()) -> list[Name]:
    """Return the capitalised names of two or more words, leading function words and trailing
    days, months and joining words removed ("the Indian Navy on Saturday": "Indian Navy"), a
    closing quotation mark or apostrophe left out ("'The Hunger Games'"), and so are leading
    `titles` ("President Sui Ruizhe": "Sui Ruizhe"; "President Reagan's" is no name). The name
    of a body that starts a longer one is a name too, as in a title-case headline ("The Hunger
    Games Director Gary Ross Still In Negotiations": "Hunger Games")."""
    out = []
    leading = LEADING | frozenset(titles)
    for m in PHRASE.finditer(doc.text, doc.body_start):
        spans = [w.span() for w in TOKEN.finditer(doc.text, m.start(), m.end())]
        while spans and _word(doc.text, spans[0]) in leading:
            spans = spans[1:]
        while spans and _word(doc.text, spans[-1]) in TRAILING:
            spans = spans[:-1]
        quoted = _quoted(doc.text, spans) if QUOTE.search(doc.text, m.start(), m.end()) else None
        if quoted is not None:  # a closing mark ends the name: "'Hunger Games' Sequel"
            spans = spans[: quoted + 1]
            last = doc.text[spans[-1][0] : spans[-1][1]].rstrip(QUOTES)
            spans[-1] = (spans[-1][0], spans[-1][0] + len(last))
        if len(spans) < 2 or spans[-1][0] == spans[-1][1]:
            continue
        body = next((k for k in range(1, len(spans) - 1) if _word(doc.text, spans[k]) in BODIES), 0)
        for found in (spans[: body + 1], spans) if body else (spans,):
            if (name := _name(doc, found)) is not None:
                out.append(name)
    return out


def _quoted(text: str, spans: Sequence[tuple[int, int]]) -> int | None:
    """Return the index of the first word span that ends in a quotation mark, if one does."""
    return next((k for k, (_, end) in enumerate(spans) if text[end - 1] in QUOTES), None)


def _name(doc: Document, spans: Sequence[tuple[int, int]]) -> Name | None:
    """Return the name made of some word spans, or None if it runs past its sentence."""
    start, end = spans[0][0], spans[-1][1]
    s = doc.sentence_at(start)
    if s is None or end > s.end:
        return None
    words = tuple([doc.text[a:b] for a, b in spans])
    mention = NameMention(start, end, doc.text[start:end], " ".join(w.lower() for w in words))
    return Name(mention, s.index, words)


def _near(doc: Document, name: Name) -> set[str]:
    """Return the stems of the content words next to a name."""
    s = doc.sentences[name.sentence]
    return context_stems(doc.text, s.start, s.end, name.mention.start, name.mention.end)


def _word(text: str, span: tuple[int, int]) -> str:
    """Return the word at a span, lower case."""
    return text[span[0] : span[1]].lower()


def link_names(
    x: Document,
    y: Document,
    names: Mapping[str, Sequence[Name]],
    relation: Callable[[int, int], str | None],
    events: Sequence[EventLink] = (),
) -> Iterator[FactLink]:
    """Yield links between names of x and y one word apart, in related sentences; `events` are
    the event links of the two documents."""
    keys = {d.id: Counter(n.mention.key for n in names[d.id]) for d in (x, y)}
    met = _meetings(names[x.id], names[y.id], keys[x.id], keys[y.id])
    bodies = [(n, found) for n, _, found in met if _body(n)]  # they may be counterparts
    among = {n.sentence for n, _ in bodies}, {o.sentence for _, found in bodies for o in found}
    closest = closest_pairs(events, x, y, among)
    # What is counted below is counted only for the kinds of the names compared.
    compared = {_kind(n) for n, _, _ in met}
    kinds = {kind for kind, _ in compared}
    bare = {d.id: _alone(d, names[d.id], kinds) for d in (x, y)}
    alone = set(bare[x.id]) | set(bare[y.id])
    only = {d.id: _only([n for n in names[d.id] if n.words[-1].lower() in kinds]) for d in (x, y)}
    sole = _sole([n for n in names[x.id] if _kind(n) in compared])
    sole |= _sole([o for o in names[y.id] if _kind(o) in compared])
    here, there = by_sentence(names[x.id]), by_sentence(names[y.id])
    near: dict[NameMention, set[str]] = {}  # of y's names, read when first compared
    for n, mine, candidates in met:
        mine_near = _near(x, n)
        for o in candidates:
            # One text using both names two things ("the Academy Awards", "the Emmy Awards")
            # or contradicts itself ("The Hunger Games", "The Central Games" where the other
            # source has "The Hunger Games" in that sentence): two words next to both say
            # which. A name used once where the other source repeats its own, in sentences one
            # of which is the other's closest counterpart and that name one body of that kind
            # each, needs none; the kind alone ("the Navy") repeats the text's only name of that
            # kind (`short`).
            theirs = o.mention.key in keys[x.id]
            counterparts = (n.sentence, o.sentence) in closest and {n.mention, o.mention} <= sole
            kind = n.words[-1].lower()
            short = _body(n) and n.mention.key in only[x.id] and o.mention.key in only[y.id]
            uses = sorted(
                (
                    keys[x.id][n.mention.key] + short * bare[x.id][kind],
                    keys[y.id][o.mention.key] + short * bare[y.id][kind],
                )
            )
            once = uses[0] == 1 and uses[1] >= 2
            wanted = 0 if _body(n) and once and counterparts else 1 + (mine or theirs)
            if o.mention not in near:
                near[o.mention] = _near(y, o)
            if len(mine_near & near[o.mention]) < wanted or not one_word_apart(n, o):
                continue
            if _tells_apart(x, n, o, here[n.sentence]) or _tells_apart(y, o, n, there[o.sentence]):
                continue
            basis = relation(n.sentence, o.sentence)
            if basis is None or (kind in alone and not short):
                continue
            yield FactLink("name", x.id, n.mention, y.id, o.mention, basis)


def _meetings(
    xs: Sequence[Name], ys: Sequence[Name], x_keys: Container[str], y_keys: Container[str]
) -> list[tuple[Name, bool, list[Name]]]:
    """Return the names of x that meet names of y of their kind, each with whether y uses its
    form and the names it meets. Both texts using both forms name two things: a form y uses
    meets only the forms of y that x does not use (meeting all of them grew with the square of
    the names)."""
    by_head: dict[tuple[str, int], list[Name]] = defaultdict(list)
    unused: dict[tuple[str, int], list[Name]] = defaultdict(list)  # forms x does not use
    for o in ys:
        by_head[_kind(o)].append(o)
        if o.mention.key not in x_keys:
            unused[_kind(o)].append(o)
    out = []
    for n in xs:
        mine = n.mention.key in y_keys
        if found := (unused if mine else by_head).get(_kind(n)):
            out.append((n, mine, found))
    return out


def _tells_apart(doc: Document, name: Name, other: Name, names: Sequence[Name]) -> bool:
    """Return True if the name's sentence also names the other name's own word apart, alone or
    in another name of the kind ("the FLDS, an offshoot of the Mormon Church": the FLDS Church
    is another church; "the Yangtze River and the Yellow River"); a name of another kind is
    another thing ("the Order of Friendship and the Medal of Honor"). `names` are those of the
    name's sentence."""
    word = next(q for p, q in zip(name.words, other.words, strict=True) if p != q)
    sentence = doc.sentences[name.sentence]
    alone = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    around = [n for n in names if n.mention != name.mention]
    for m in alone.finditer(doc.text, sentence.start, sentence.end):
        if name.mention.start <= m.start() < name.mention.end:
            continue
        inside = [n for n in around if n.mention.start <= m.start() < n.mention.end]
        if not inside or any(n.words[-1].lower() == name.words[-1].lower() for n in inside):
            return True
    return False


def closest_pairs(
    links: Sequence[EventLink],
    x: Document,
    y: Document,
    among: tuple[Container[int], Container[int]] | None = None,
) -> frozenset[tuple[int, int]]:
    """Return the sentence pairs (of x, of y) in which one sentence is the other's strongest
    event link (the other may have a stronger one elsewhere: a sentence of one outlet often tells
    what two of the other's do), and the two opening sentences when an event link joins them:
    a headline or lead sums up its article, so two articles' openings tell one story.

    With `among` (sentences of x, of y), only the pairs of those sentences, read from the links
    of those sentences alone.
    """
    ways = ((x.id, y.id), (y.id, x.id))
    pairs = [
        (e.i, e.j, e.evidence) if e.a == x.id else (e.j, e.i, e.evidence)
        for e in links
        if (e.a, e.b) in ways
    ]
    if among is not None:
        pairs = [p for p in pairs if p[0] in among[0] or p[1] in among[1]]
    openings = (_opening(x), _opening(y))
    best_x: dict[int, tuple[float, int]] = {}
    best_y: dict[int, tuple[float, int]] = {}
    for i, j, strength in pairs:
        if (strength, j) > best_x.get(i, NO_LINK):
            best_x[i] = (strength, j)
        if (strength, i) > best_y.get(j, NO_LINK):
            best_y[j] = (strength, i)
    linked = {(i, j) for i, j, _ in pairs}
    found = (
        {(i, j) for i, (_, j) in best_x.items()}
        | {(i, j) for j, (_, i) in best_y.items()}
        | ({openings} & linked)
    )
    if among is not None:
        found = {(i, j) for i, j in found if i in among[0] and j in among[1]}
    return frozenset(found)


def _opening(doc: Document) -> int:
    """Return the index of the first sentence of the article's body (its headline or lead)."""
    return next((s.index for s in doc.sentences if s.start >= doc.body_start), -1)


def _kind(n: Name) -> tuple[str, int]:
    """Return what makes two names comparable: their last word and their length."""
    return n.words[-1].lower(), len(n.words)


def _body(n: Name) -> bool:
    """Return True if a name ends in a noun that names a body, event or place ("Awards")."""
    return n.words[-1].lower() in BODIES


def _sole(names: Sequence[Name]) -> set[NameMention]:
    """Return the names that are the only one of their kind in their sentence."""
    kinds = [(n.sentence, _kind(n)) for n in names]
    count = Counter(kinds)
    return {n.mention for n, kind in zip(names, kinds, strict=True) if count[kind] == 1}


def one_word_apart(a: Name, b: Name) -> bool:
    """Return True if two names differ in one content word that is not an inflection."""
    diff = [(p, q) for p, q in zip(a.words, b.words, strict=True) if p != q]
    if len(diff) != 1:
        return False
    p, q = diff[0]
    if stem(p) == stem(q) or fold_words(p) == fold_words(q):  # "Recognised", "Recognized"
        return False
    return not {p.lower(), q.lower()} & FUNCTION_WORDS


def _only(names: Sequence[Name]) -> set[str]:
    """Return the keys of the names that are the text's only name ending in their last word."""
    keys: dict[str, set[str]] = defaultdict(set)
    for n in names:
        keys[n.words[-1].lower()].add(n.mention.key)
    return {k for found in keys.values() if len(found) == 1 for k in found}


def _alone(doc: Document, names: Sequence[Name], kinds: Container[str]) -> Counter[str]:
    """Return how often each of the words `kinds` (lower case: the last words of names) stands
    alone, capitalised, outside every name (surnames)."""
    firsts = [n.mention.start for n in names]
    ends = [n.mention.end for n in names]
    starts = {s.start for s in doc.sentences}
    words = []
    for m in SINGLE.finditer(doc.text, doc.body_start):
        word = m.group().lower()
        if word not in kinds:
            continue
        at = m.start()
        k = bisect.bisect_right(firsts, at) - 1
        if at not in starts and (k < 0 or at >= ends[k]):
            words.append(word)
    return Counter(words)
