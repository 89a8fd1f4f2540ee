"""Number links that only aligned sentences can make: the slot of each number is not enough.

`facts` links two numbers that count the same noun. Two sentences aligned with each other say
more: when each holds a single counted number next to the same predicate, the two numbers count
the same thing whatever noun each uses ("exempting 22 nations", "exempting 32 countries"); and
when they list as many numbers of one noun or unit and all agree but one on each side, those two
are one fact changed ("$29 for A, $89 for B" against "A is $39, B is $89"). The same holds for
every number of the two sentences, counted or not ("Flight 77", "at 5:30 a.m.", "a 3-1
deficit", "in 2000"): when all agree in value but one on one side (and at most two on the
other), the one left over is the same fact as a number of the same form (a time, a pair like a
score or a range, a year, a count) standing by the same words: the same label or word right
before it ("Flight", "No.", "dialed"), the same predicate, the same counted noun, or, when they
do not both count a noun, a content word next to both.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

from auditor.align.context import HEDGES, NOT_CONTEXT, context_stems
from auditor.align.fact import Anchors, Fact, by_sentence
from auditor.align.similarity import STOPWORDS, WORD, stem
from auditor.knowledge.lexicon import alternation, lexicon
from auditor.mentions.namewords import similar
from auditor.mentions.quantities import same_value
from auditor.model import DateMention, Document, FactLink, Mention, NumberMention, Sentence

Aligned = Mapping[tuple[str, int, str, int], str]
MAX_LEFT = 2  # numbers of one sentence left without an equal value: more is another scope
TIME_AFTER = re.compile(r"\s*(?::\d|[ap]\.?m\b|o['’]clock)", re.I)  # "5:30", "4 a.m.", "8.40am"
TIME_BEFORE = re.compile(r"\d:\Z")
PAIR_AFTER = re.compile(r"\s*[-–]\s*(\d+(?:\.\d+)?)")  # one side of a score or range: "3-1"
PAIR_BEFORE = re.compile(r"(\d+(?:\.\d+)?)\s*[-–]\s*\Z")
DETERMINERS = alternation(lexicon().word_set("partitive_determiners"))
MEASURES = lexicon().word_set("measures")
PARTITIVE = re.compile(rf"\s+of\s+(?:{DETERMINERS})\s+", re.I)  # "30 of the women"
RUN = 3  # words after a number (or "of the") read as what it counts
SKIPPED = HEDGES | {"than"}  # "more than 30", "at least 112": the word before is further back


def link_aligned_numbers(
    xs: Sequence[Fact], ys: Sequence[Fact], aligned: Aligned, skip: Collection[str]
) -> Iterator[FactLink]:
    """Yield the links of numbers of aligned sentences that their slots alone do not make.

    `skip` names the slots never linked this way (years, ages: they need their own words).
    """
    mine, theirs = _counted(xs, skip), _counted(ys, skip)
    if not mine or not theirs:
        return
    x, y = next(iter(mine.values()))[0].doc, next(iter(theirs.values()))[0].doc
    for (dx, i, dy, j), kind in aligned.items():
        if (dx, dy) != (x, y) or i not in mine or j not in theirs:
            continue
        fs, gs = mine[i], theirs[j]
        if kind == "same" and len(fs) == len(gs) == 1:
            f, g = fs[0], gs[0]
            worded = bool(f.near & g.near) or similar(f.slot, g.slot)
            if f.slot != g.slot and worded and not converted(f, g):
                yield FactLink(f.mention.kind, x, f.mention, y, g.mention, kind, True)
        yield from _one_changed(fs, gs, kind)


def converted(f: Fact, g: Fact) -> bool:
    """Return True if two numbers are amounts in two units of measure, not one spelled two
    ways ("roubles", "rubles"): one converted into the other ("2 million euros ($2.6
    million)", "20 years", "two decades"), never one value changed."""
    return (
        f.slot != g.slot
        and f.slot in MEASURES
        and g.slot in MEASURES
        and not similar(f.slot, g.slot)
    )


def _counted(facts: Sequence[Fact], skip: Collection[str]) -> dict[int, list[Fact]]:
    """Return the counted numbers of each sentence, slots in `skip` left out."""
    return by_sentence(
        f for f in facts if isinstance(f.mention, NumberMention) and f.slot not in skip
    )


def _one_changed(fs: Sequence[Fact], gs: Sequence[Fact], kind: str) -> Iterator[FactLink]:
    """Yield the link of the one number that differs between two aligned sentences stating two
    or more numbers each, all others agreeing: within one slot, or over the whole sentence when
    the two left over count one noun spelled two ways ("13 Shi'ites", "23 Shiites")."""
    if len(fs) < 2 or len(gs) < 2:
        return  # no list of two on each side (most aligned sentences state one number)
    found = set()
    lists = [([f for f in fs if f.slot == s], [g for g in gs if g.slot == s]) for s in _slots(fs)]
    for left, right in [*lists, (list(fs), list(gs))]:
        pair = _left_over(left, right)
        if pair and pair not in found and similar(pair[0].slot, pair[1].slot):
            found.add(pair)
            f, g = pair
            yield FactLink(f.mention.kind, f.doc, f.mention, g.doc, g.mention, kind, True)


def _slots(facts: Sequence[Fact]) -> list[str]:
    """Return the slots of the facts, each once, in order."""
    return list(dict.fromkeys(f.slot for f in facts))


def _left_over(left: Sequence[Fact], right: Sequence[Fact]) -> tuple[Fact, Fact] | None:
    """Return the one number of each list with no equal value in the other, if the lists are
    as long (two or more) and that is all that differs."""
    if len(left) < 2 or len(left) != len(right):
        return None
    odd, rest = _unmatched(left, right, _agree)
    return (odd[0], rest[0]) if len(odd) == len(rest) == 1 else None


def _agree(f: Fact, g: Fact) -> bool:
    """Return True if two numbers state the same value."""
    a, b = f.mention, g.mention
    return (
        isinstance(a, NumberMention)
        and isinstance(b, NumberMention)
        and same_value(a.value, b.value)
    )


def number_form(text: str, m: Mention) -> Anchors:
    """Return the form of a number (or a year) alone: its words are read only when it is left
    over (`number_anchors`)."""
    if isinstance(m, DateMention):
        return Anchors("year", None, None, frozenset(), frozenset())
    return Anchors(*_form(text, m), None, frozenset(), frozenset())


def number_anchors(text: str, s: Sentence, m: Mention, noun: str | None) -> Anchors:
    """Return the form of a number (or a year) of sentence `s` and the words it stands by;
    `noun` is its unit or counted noun, if it has one."""
    wide = frozenset(context_stems(text, s.start, s.end, m.start, m.end))
    if isinstance(m, DateMention):
        return Anchors("year", None, None, frozenset(), wide)
    heads = _heads(text, m.end, s.end) | ({noun} if noun else set())
    return Anchors(*_form(text, m), _before(text, s, m), heads, wide)


def _form(text: str, m: Mention) -> tuple[str, float | None]:
    """Return whether a number is (part of) a time of day, a pair like "3-1" (with the other
    number of the pair), or a count."""
    lead = text[max(0, m.start - 12) : m.start]
    if TIME_AFTER.match(text, m.end) or TIME_BEFORE.search(lead):
        return "time", None
    pair = PAIR_AFTER.match(text, m.end) or PAIR_BEFORE.search(lead)
    return ("pair", float(pair.group(1))) if pair else ("count", None)


def _before(text: str, s: Sentence, m: Mention) -> str | None:
    """Return the word right before a number, hedges passed over ("more than 30"), when it is
    a label (capitalised, not opening the sentence: "Flight 77", "No. 2") or a content word."""
    words = list(WORD.finditer(text, max(s.start, m.start - 60), m.start))
    for w in reversed(words):
        low = w.group().lower()
        if low in SKIPPED:
            continue
        if w.group()[0].isdigit():
            return None
        label = w.group()[0].isupper() and text[s.start : w.start()].strip() != ""
        return stem(low) if label or (low not in NOT_CONTEXT and len(low) > 2) else None
    return None


def _heads(text: str, pos: int, end: int) -> frozenset[str]:
    """Return the stems of the words a number counts: the run of words right after it ("40
    Airbus A320 jets"), or the last word of the run after "of the" ("30 of the women", "two of
    the pirate vessels": vessels)."""
    partitive = PARTITIVE.match(text, pos, end)
    pos = partitive.end() if partitive else pos
    words: list[str] = []
    for w in WORD.finditer(text, pos, end):
        if len(words) == RUN or w.group()[0].isdigit() or text[pos : w.start()].strip(" -"):
            break
        key = stem(w.group().replace("'", "").replace("’", ""))
        if key in STOPWORDS:
            break
        words.append(key)
        pos = w.end()
    keep = words[-1:] if partitive else words
    return frozenset(w for w in keep if w not in NOT_CONTEXT and len(w) > 2)


def link_left_over(
    xs: Sequence[Fact],
    ys: Sequence[Fact],
    aligned: Aligned,
    docs: Mapping[str, Document],
    skip: Collection[str],
    apart: Callable[[Fact, Fact], bool],
) -> Iterator[FactLink]:
    """Yield the link of the one number (or year) of a sentence (or two) whose value the
    sentences aligned with it as saying the same thing do not state, to the one there standing
    by it.

    `skip` names the slots that are no counted noun (years, ages, bare numbers); `apart` tells
    two facts that are never one (the ages of two people)."""
    mine = by_sentence(f for f in xs if f.anchors is not None)
    theirs = by_sentence(f for f in ys if f.anchors is not None)
    if not mine or not theirs:
        return
    x, y = next(iter(mine.values()))[0].doc, next(iter(theirs.values()))[0].doc

    def words(f: Fact) -> Anchors:
        doc = docs[f.doc]
        noun = f.slot if f.slot not in skip else None
        return number_anchors(doc.text, doc.sentences[f.sentence], f.mention, noun)

    for xs_, ys_ in _same_groups(aligned, x, y):
        ours = [f for i in xs_ for f in mine.get(i, ())]
        others = [g for j in ys_ for g in theirs.get(j, ())]
        if not ours or not others:
            continue  # no number left over on one side: nothing changed
        for year in (False, True):
            fs = [f for f in ours if isinstance(f.mention, DateMention) == year]
            gs = [g for g in others if isinstance(g.mention, DateMention) == year]
            pair = _changed(*_unmatched(fs, gs, _same), words, apart)
            if pair is not None:
                f, g = pair
                yield FactLink(f.mention.kind, x, f.mention, y, g.mention, "same", True)


def _same_groups(aligned: Aligned, x: str, y: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Return the groups of sentences of x and of y aligned as saying the same thing (1:1, 1:2,
    2:1): the sentences of a group say together what the other side's say."""
    theirs: dict[int, set[int]] = defaultdict(set)
    mine: dict[int, set[int]] = defaultdict(set)
    for (dx, i, dy, j), kind in aligned.items():
        if kind == "same" and (dx, dy) == (x, y):
            theirs[i].add(j)
            mine[j].add(i)
    groups = {
        (tuple(sorted({k for j in js for k in mine[j]})), tuple(sorted(js)))
        for js in theirs.values()
    }
    return sorted(groups)


def _unmatched(
    fs: Sequence[Fact], gs: Sequence[Fact], equal: Callable[[Fact, Fact], bool]
) -> tuple[list[Fact], list[Fact]]:
    """Return the facts of each side with no `equal` one on the other (each used once)."""
    rest = list(gs)
    odd = []
    for f in fs:
        same = next((g for g in rest if equal(f, g)), None)
        if same is None:
            odd.append(f)
        else:
            rest.remove(same)
    return odd, rest


def _same(f: Fact, g: Fact) -> bool:
    """Return True if two numbers, or two years, state the same value."""
    a, b = f.mention, g.mention
    if isinstance(a, DateMention) and isinstance(b, DateMention):
        return a.year == b.year
    return _form_of(f) == _form_of(g) and _agree(f, g)


def _form_of(f: Fact) -> str | None:
    """Return the form of a number (a time, a pair, a count)."""
    return f.anchors.form if f.anchors else None


def _changed(
    left: Sequence[Fact],
    right: Sequence[Fact],
    words: Callable[[Fact], Anchors],
    apart: Callable[[Fact, Fact], bool],
) -> tuple[Fact, Fact] | None:
    """Return the one changed pair: one side has one number left over, the other at most
    MAX_LEFT, and exactly one of those stands by it (`words` reads what each stands by), the
    two not `apart`."""
    if not left or not right or max(len(left), len(right)) > MAX_LEFT:
        return None
    if min(len(left), len(right)) != 1:
        return None
    read = {id(f): words(f) for f in (*left, *right)}
    ranked = [
        (0 if apart(f, g) or converted(f, g) else _stands_by(f, g, read[id(f)], read[id(g)]), f, g)
        for f in left
        for g in right
    ]
    best = max(rank for rank, _, _ in ranked)
    pairs = [(f, g) for rank, f, g in ranked if rank == best]
    return pairs[0] if best and len(pairs) == 1 else None


def _stands_by(f: Fact, g: Fact, a: Anchors, b: Anchors) -> int:
    """Return how closely two numbers of one form stand by the same words: 2 for the same
    counted noun, other number of a pair (or two years), label or word right before both, or
    predicate, 1 for only a content word next to both, else 0; two numbers counting different
    nouns stand by the same thing only when one's noun is the other's predicate ("arrested 38
    people", "made 48 arrests")."""
    if a.form != b.form:
        return 0
    if a.form == "year" or (a.partner is not None and a.partner == b.partner):
        return 2
    heads = bool(a.heads & b.heads) or bool(f.near & b.heads) or bool(a.heads & g.near)
    if heads:
        return 2
    if a.heads and b.heads:  # two counted nouns: "lost 17 games", "lost 27 kilos"
        return 0
    if f.near & g.near or (a.before is not None and a.before == b.before):
        return 2
    return int(bool(a.wide & b.wide))
