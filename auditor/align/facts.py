"""Fact links: mentions in different sources that state the same fact, however worded.

The sentence alignment pairs sentences for the side-by-side view; the rules that compare facts
across sources read these links instead. Two mentions are linked when they fill the same slot:

- numbers: the same counted noun or unit right after the number ("23 points", "10 people"),
  the same predicate or anchor next to it ("scored", "Jackman"), and sentences that are aligned
  or share rare content; an age ("a 61-year-old man", "Ann Lee, 61,") with an age next to the
  same words, or of the same name. In sentences aligned as saying the same thing, the one number
  of a slot in each links whatever the words around it (and `numberlinks` links what slots
  alone cannot: the one number of each of two aligned sentences, one changed number in a
  list). A number with no noun, a time of day or a score ("15-2") links by slot to nothing: it
  is compared only as the one number changed between sentences saying the same thing
  (`numberlinks`).
- dates and weekdays: the same anchor or predicate next to them ("struck on Sunday", "the quake
  struck Sunday") in sentences that are aligned or share rare content, or the same happening
  (`happening`: one verb, and participants or the noun that names it, "the quake, which struck
  on Sunday" and "an earthquake shook the island on Sunday"); a weekday links with a
  date too ("struck on Sunday", "struck on March 10"). The date line, dateline or time stamp at
  the top of an article is its publication date, never a fact: it is left out (see
  `published`), and a day and month without a year take the year that puts them within six
  months of it.

A link says nothing about whether the values agree; the rules decide that.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import combinations

from auditor.align.context import (
    DIRECTIONS,
    context_stems,
    continuation,
    name_next_to,
    subject,
)
from auditor.align.fact import Fact, by_sentence
from auditor.align.happening import Happening, happening, leading_verb, saying
from auditor.align.match import Sides, make_sides, signatures
from auditor.align.namelinks import find_names, link_names
from auditor.align.numberlinks import link_aligned_numbers, link_left_over, number_form
from auditor.align.published import is_published, publication_date, publication_spans
from auditor.align.relative import is_relative, relative_days
from auditor.align.similarity import CALENDAR, STOPWORDS, WEIGHTS, WORD, stem
from auditor.align.titlelinks import link_titles, office_reader
from auditor.knowledge.lexicon import alternation, lexicon
from auditor.knowledge.titles import TitleBook
from auditor.mentions.quantities import SIGN, DateRef, same_value
from auditor.model import (
    START,
    Alignment,
    DateMention,
    Document,
    EventLink,
    FactLink,
    Mention,
    NumberMention,
    Sentence,
    WeekdayMention,
)

Things = dict[tuple[str, str], int]  # how many things a text counts by slot and word after
FACT_KINDS = (NumberMention, DateMention, WeekdayMention)
MIN_EVIDENCE = 1.0  # shared rare content (in `evidence` units) of unaligned linked sentences
SPEECH = lexicon().word_set("report_verbs")  # they date the reporting, not the event
MIN_PARTICIPANTS = 2  # shared participants that make one verb's two dates one happening
TITLES = frozenset(  # "Mr", "Dr", "Sen.": words of a name that do not say who
    stem(w) for w in lexicon().word_set("name_function_words") | lexicon().word_set("abbreviations")
)
MAX_BUCKET = 30  # a slot filled more often than this in one text is too common to link
YEAR = "a year"  # a year alone: compared only between sentences that say the same thing
AGE = "an age"  # "a 61-year-old man": compared with the age next to the same words
BARE = "a number"  # no noun, a time or a score: compared only as the one changed (`numberlinks`)
NOUN = re.compile(rf"[\s-]*(?:(?:{alternation(lexicon().scales)})[\s-]+)?([A-Za-z]+)")
NOT_QUANTITY = re.compile(r"\s*(?::\d|-\d|[ap]\.?m\b)", re.I)
OLD = re.compile(r"[\s-]*(?:years?[\s-]*)?old\b", re.I)
APPOSITION_BEFORE = re.compile(r"\b[A-Z][a-z]+, $")  # "Lee, 46," a name, then the age
APPOSITION_AFTER = re.compile(r"(?:,|\.(?!\d))")
# The other end of a range ("$24 to $26 per share", "between 12 and 15"): not one value.
RANGE_BEFORE = re.compile(rf"\d\s*(?:to|and|-|–)\s*{SIGN}?\Z")
RANGE_AFTER = re.compile(rf"\s*(?:to|-|–)\s*{SIGN}?\d")


DIRECTION = alternation(DIRECTIONS)
MEASURED_FROM = re.compile(  # "3 miles southwest of Cobb", "75 miles from San Francisco"
    rf"\s+(?:(?:{DIRECTION})(?:-(?:{DIRECTION}))*\s+of|from)\s+(?:the\s+)?([A-Z][\w'’-]*)", re.I
)


def link_facts(
    docs: Sequence[Document],
    mentions: Mapping[str, Sequence[Mention]],
    alignments: Sequence[Alignment],
    titles: TitleBook,
    events: Sequence[EventLink] = (),
) -> tuple[FactLink, ...]:
    """Return the links between facts (and names one word apart, and offices named on two
    rungs by sentences saying the same thing) of every two documents; `events` are the align
    stage's event links between them."""
    if len(docs) < 2:
        return ()
    aligned = aligned_pairs(alignments)
    said = same_sentences(aligned)  # what only sentences saying the same thing compare
    offices = {d.id: office_reader(d, mentions.get(d.id, ()), titles) for d in docs}
    facts = {d.id: list(find_facts(d, mentions.get(d.id, ()), said[d.id])) for d in docs}
    names = {d.id: find_names(d, titles.heads) for d in docs}
    sigs = {d.id: signatures(d) for d in docs}
    by_id = {d.id: d for d in docs}
    things = {d.id: count_things(d, facts[d.id], mentions.get(d.id, ())) for d in docs}
    told = Told(by_id)
    out: list[FactLink] = []
    for x, y in combinations(docs, 2):
        relation = Relation(x.id, y.id, make_sides(sigs[x.id], sigs[y.id], WEIGHTS), aligned)
        counted = (things[x.id], things[y.id])
        paired = _paired(aligned, x.id, y.id)
        pair = [*_link_pair(facts[x.id], facts[y.id], relation, counted, paired, told)]
        pair += link_aligned_numbers(facts[x.id], facts[y.id], aligned, (YEAR, AGE, BARE))
        known = {(k.a, k.b) for k in pair}
        left = link_left_over(
            facts[x.id], facts[y.id], aligned, by_id, (YEAR, AGE, BARE), _two_people
        )
        numbers = [*pair, *(k for k in left if (k.a, k.b) not in known)]
        out += [k for k in numbers if not _measured_apart(k, by_id)]
        out += link_titles(offices[x.id], offices[y.id], aligned)
        out += link_names(x, y, names, relation, events)
    return tuple(out)


def _origin(text: str, m: Mention) -> str | None:
    """Return the place a distance is measured from ("3 miles southwest of Cobb": "cobb")."""
    if not isinstance(m, NumberMention):
        return None
    found = MEASURED_FROM.match(text, _noun_end(text, m))
    return found.group(1).lower() if found and found.group(1)[0].isupper() else None


def _measured_apart(link: FactLink, docs: Mapping[str, Document]) -> bool:
    """Return True if a link's two distances are measured from different places ("75 miles
    north of San Francisco", "3 miles southwest of Cobb"): two quantities, not one."""
    here, there = _origin(docs[link.doc_a].text, link.a), _origin(docs[link.doc_b].text, link.b)
    return here is not None and there is not None and here != there


@dataclass(frozen=True)
class Told:
    """What the sentences of facts tell, read only for the facts compared: the happening a
    date or weekday dates and the names of its sentence."""

    docs: Mapping[str, Document]

    def happening(self, f: Fact) -> Happening | None:
        """Return what a date or weekday dates: its verb, participants (None for a number)."""
        if f.mention.kind == "number":
            return None
        doc = self.docs[f.doc]
        s = doc.sentences[f.sentence]
        return happening(doc.text, s.start, s.end, f.mention.start, f.mention.end)

    def names(self, f: Fact) -> frozenset[str]:
        """Return the stems of the capitalised words of a fact's sentence."""
        doc = self.docs[f.doc]
        s = doc.sentences[f.sentence]
        return _capitalised(doc.text, s.start, s.end)


@dataclass(frozen=True)
class Relation:
    """How the sentences of x relate to those of y: their alignment kind, "shared" (rare
    content in common) or None; each pair is measured at most once."""

    x: str
    y: str
    sides: Sides
    aligned: Mapping[tuple[str, int, str, int], str]
    measured: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def kind(self, i: int, j: int) -> str | None:
        """Return the alignment kind of sentence i of x and j of y, None if not aligned."""
        return self.aligned.get((self.x, i, self.y, j))

    def __call__(self, i: int, j: int) -> str | None:
        """Return how sentence i of x relates to sentence j of y."""
        if (i, j) not in self.measured:
            kind = self.kind(i, j)
            shared = kind is None and self.sides.evidence((i,), (j,)) >= MIN_EVIDENCE
            self.measured[i, j] = kind or ("shared" if shared else None)
        return self.measured[i, j]


def same_sentences(aligned: Mapping[tuple[str, int, str, int], str]) -> dict[str, set[int]]:
    """Return the sentences of each document aligned with another as saying the same thing."""
    out: dict[str, set[int]] = defaultdict(set)
    for (dx, i, _, _), kind in aligned.items():
        if kind == "same":
            out[dx].add(i)
    return out


def aligned_pairs(alignments: Sequence[Alignment]) -> dict[tuple[str, int, str, int], str]:
    """Return the kind of link of every sentence pair inside an alignment group, both ways."""
    out: dict[tuple[str, int, str, int], str] = {}
    for al in alignments:
        for (dx, xs), (dy, ys) in combinations(al.sentences.items(), 2):
            for i in xs:
                out.update({(dx, i, dy, j): al.kind for j in ys})
                out.update({(dy, j, dx, i): al.kind for j in ys})
    return out


def _link_pair(
    xs: Sequence[Fact],
    ys: Sequence[Fact],
    relation: Relation,
    things: tuple[Things, Things],
    paired: tuple[set[int], set[int]],
    told: Told,
) -> Iterator[FactLink]:
    """Yield the links between the facts of two documents that fill the same slot (`things`:
    how many things each counts by slot and word after, `count_things`; `paired`: the
    sentences of each aligned with one of the other; `told`: what their sentences tell)."""
    buckets: dict[str, list[Fact]] = defaultdict(list)
    for f in ys:
        buckets[f.slot].append(f)
    xsent, ysent = by_sentence(xs), by_sentence(ys)
    for f in xs:
        bucket = buckets.get(f.slot, [])
        if f.slot == BARE or len(bucket) > MAX_BUCKET:
            continue
        dated = told.happening(f)
        for g in bucket:
            if not comparable(f.mention, g.mention):
                continue
            counts = _counts_alike(f, g, things)
            near = bool(f.near & g.near) or counts
            close = near or agree(f.mention, g.mention)
            alone = f.sole and g.sole
            other = told.happening(g)
            same = _same_happening(dated, other)
            # Two facts neither close nor of one happening link only as the one of their slot
            # in sentences aligned as saying the same thing: no shared content is measured.
            if close or same:
                basis = relation(f.sentence, g.sentence)
            else:
                basis = relation.kind(f.sentence, g.sentence) if alone else None
            if same is False and (basis != "same" or _crossed(dated, other)):
                continue  # "convicted Thursday", "sentenced Tuesday": two happenings
            if same and alone and basis is None and _one_happening(dated, other):
                basis = "shared"  # the same verb and participants: one happening
            if basis is None or not (close or same or _aligned_alone(f, basis, alone)):
                continue
            # Two numbers of sentences that only share content, each aligned with another
            # sentence, are each told with their own counterpart (two heists, two prices).
            if f.mention.kind == "number" and basis == "shared" and _elsewhere(f, g, paired):
                continue
            # Two subjects ("Smith scored 23", "Jones scored 20") are two facts, unless the
            # sentences are aligned as saying the same thing ("in Greece" and "in Athens").
            # Two people's ages are two facts wherever they stand.
            named = _same_subject(f, g)
            if _two_subjects(f, g, named, basis, told):
                continue
            # A number must be the only one of its slot in both sentences (an age, or next to
            # the same name), and a year alone is compared only between sentences that say the
            # same thing, however differently worded.
            if f.mention.kind == "number" and not (
                (alone or (f.slot == AGE and named) or counts)
                and (close or _rest_agrees(f, g, xsent[f.sentence], ysent[g.sentence]))
            ):
                continue
            if f.slot == YEAR and not (alone and basis == "same"):
                continue
            # A count agreeing in value only does not explain away one worded alike; a date is
            # close by the same words or the same happening, never by agreeing values alone.
            worded = bool(f.near & g.near) or counts or f.mention.kind != "number"
            if f.mention.kind != "number":
                close = near or bool(same)
            yield FactLink(f.mention.kind, f.doc, f.mention, g.doc, g.mention, basis, close, worded)


def _paired(
    aligned: Mapping[tuple[str, int, str, int], str], x: str, y: str
) -> tuple[set[int], set[int]]:
    """Return the sentences of x aligned with one of y, and those of y aligned with one of x."""
    pairs = [(i, j) for dx, i, dy, j in aligned if (dx, dy) == (x, y)]
    return {i for i, _ in pairs}, {j for _, j in pairs}


def _elsewhere(f: Fact, g: Fact, paired: tuple[set[int], set[int]]) -> bool:
    """Return True if the sentences of two facts are each aligned with a sentence of the other
    document (not with each other)."""
    return f.sentence in paired[0] and g.sentence in paired[1]


def _same_subject(f: Fact, g: Fact) -> bool:
    """Return True if two facts are told of one subject: a name shared, and for ages one
    person's name within the other's, titles left out ("Mr Carver, 26", "John Carver, 26"),
    never two people of one family ("Alice Carver, 58", "John Carver, 26")."""
    if f.slot == AGE:
        one, two = f.subject - TITLES, g.subject - TITLES
        return bool(one and two) and (one <= two or two <= one)
    return bool(f.subject & g.subject)


def _two_people(f: Fact, g: Fact) -> bool:
    """Return True if two facts are the ages of two people, each named."""
    return f.slot == g.slot == AGE and bool(f.subject and g.subject) and not _same_subject(f, g)


def _two_subjects(f: Fact, g: Fact, named: bool, basis: str, told: Told) -> bool:
    """Return True if two facts have different subjects ("Smith scored 23", "Jones scored
    20"), unless their sentences are aligned as saying the same thing (not for two people's
    ages), or a subject is named in the other sentence too ("Mark Teixeira" was offered a
    contract in one, a contract was offered to "Mark Teixeira" in the other)."""
    if not f.subject or not g.subject or named:
        return False
    if f.slot == AGE:
        return True
    if basis == "same":
        return False
    return not (f.subject <= told.names(g) or g.subject <= told.names(f))


def _counts_alike(f: Fact, g: Fact, things: Sequence[Things]) -> bool:
    """Return True if two numbers count the same thing, named right after their noun ("three
    bank workers", "the 17-inch MacBook Pro", "14 miles north-northeast of Healdsburg"), and
    each text counts one such thing (`things`, of each text): several values of it in one text
    ("the 11-inch model", "the 13-inch model") are several things."""
    return (
        f.after is not None
        and f.after == g.after
        and all(text.get((f.slot, f.after)) == 1 for text in things)
    )


def count_things(doc: Document, facts: Sequence[Fact], mentions: Sequence[Mention]) -> Things:
    """Return how many things a text counts by slot and word after the counted noun: one for
    each value, but two values next to the same word that restate one quantity are one thing,
    which the text contradicts ("launched a refresh of the 10-inch MacBook Pro", "had expected
    the refresh of the 17-inch MacBook Pro")."""
    by_key: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if isinstance(f.mention, NumberMention) and f.after is not None:
            by_key[f.slot, f.after].append(f)
    numbers = sorted((m for m in mentions if isinstance(m, NumberMention)), key=START)
    return {key: _quantities(doc, found, numbers) for key, found in by_key.items()}


def _quantities(doc: Document, found: Sequence[Fact], numbers: Sequence[NumberMention]) -> int:
    """Return how many quantities some numbers of one slot and word after state: their values
    (keys), joined when two facts, each alone of them in its sentence, restate one quantity."""
    if len(found) == 1:
        return 1
    groups = [{key} for key in {f.mention.key for f in found}]
    per_sentence = Counter(f.sentence for f in found)
    alone = [f for f in found if per_sentence[f.sentence] == 1]
    for f, g in combinations(alone, 2):
        if not f.near & g.near:
            continue  # tested first: most pairs fail it, and finding their groups is not free
        one = next(k for k in groups if f.mention.key in k)
        two = next(k for k in groups if g.mention.key in k)
        if one is not two and restated(doc, f.mention, g.mention, numbers):
            groups.remove(two)
            one |= two
    return len(groups)


def _same_happening(a: Happening | None, b: Happening | None) -> bool | None:
    """Return True if two dates or weekdays date one happening (one verb, a shared participant),
    False if they date two, None when a verb is unknown."""
    return a.relation(b) if a and b else None


def _crossed(a: Happening | None, b: Happening | None) -> bool:
    """Return True if the doer of one fact's happening undergoes the other's ("a gunman shot
    a clerk", "police shot the gunman"): two happenings, even in sentences aligned as one."""
    return bool(a and b and a.crossed(b))


def _one_happening(a: Happening | None, b: Happening | None) -> bool:
    """Return True if the happenings of two facts of one verb share enough participants, or
    are named by one noun ("the quake struck", "an earthquake shook")."""
    if a is None or b is None:
        return False
    return a.shared(b) >= MIN_PARTICIPANTS or a.named_alike(b)


def _aligned_alone(f: Fact, basis: str, alone: bool) -> bool:
    """Return True if two facts, each alone of its slot in its sentence, fill the same slot
    because their sentences are aligned as saying the same thing."""
    return alone and basis == "same"


def _rest_agrees(f: Fact, g: Fact, xs: Sequence[Fact], ys: Sequence[Fact]) -> bool:
    """Return True if no other number of f's sentence conflicts with one of g's in the same
    slot: one number changed is a conflict, several changed are another scope ("13 homers and
    43 RBIs in 54 games" against "33 homers and 121 RBIs in 157 games")."""
    return not any(
        k.slot == h.slot != BARE and not agree(k.mention, h.mention)
        for k in xs
        if k is not f and k.mention.kind == "number"
        for h in ys
        if h is not g and h.mention.kind == "number"
    )


def restated(doc: Document, a: Mention, b: Mention, numbers: Sequence[NumberMention]) -> bool:
    """Return True if two numbers of one document, in different sentences, state the same
    quantity: the same counted noun, content words next to one standing next to the other too
    ("a 61-year-old Vancouver man", "64-year-old Vancouver man charged"), and no other number
    of a slot in both sentences differing (several changed are another scope: "12 magazines
    and 300 rounds" in one operation, "31 magazines and 923 rounds" in five). `numbers` are
    the document's numbers in order of their start."""
    if not (isinstance(a, NumberMention) and isinstance(b, NumberMention)):
        return False
    sa, sb = doc.sentence_at(a.start), doc.sentence_at(b.start)
    noun = counted_noun(doc.text, a)
    if sa is None or sb is None or sa == sb or noun is None or noun != counted_noun(doc.text, b):
        return False
    if not _around(doc, a, sa, noun) & _around(doc, b, sb, noun):
        return False
    rest_a = _slots(doc, [n for n in _within(numbers, sa) if n != a])
    rest_b = _slots(doc, [n for n in _within(numbers, sb) if n != b])
    return not any(
        rest_a[k] and rest_b[k] and rest_a[k].isdisjoint(rest_b[k])
        for k in rest_a.keys() & rest_b.keys()
    )


def _within(numbers: Sequence[NumberMention], s: Sentence) -> Sequence[NumberMention]:
    """Return the numbers (in order of their start) that start inside sentence `s`."""
    lo = bisect.bisect_left(numbers, s.start, key=lambda n: n.start)
    return numbers[lo : bisect.bisect_left(numbers, s.end, lo, key=lambda n: n.start)]


def _slots(doc: Document, numbers: Sequence[NumberMention]) -> dict[str, set[float]]:
    """Return the values of some numbers by counted noun."""
    out: dict[str, set[float]] = defaultdict(set)
    for n in numbers:
        if (noun := counted_noun(doc.text, n)) is not None:
            out[noun].add(n.value)
    return out


def _around(doc: Document, m: Mention, s: Sentence, noun: str) -> set[str]:
    """Return the stems of the content words next to a number, its counted noun left out."""
    return context_stems(doc.text, s.start, s.end, m.start, m.end) - {noun}


def comparable(a: Mention, b: Mention) -> bool:
    """Return False for a weekday and a date whose weekday is unknown (no year, no day)."""
    if isinstance(a, WeekdayMention) and isinstance(b, DateMention):
        return date_of(b).weekday() is not None
    if isinstance(a, DateMention) and isinstance(b, WeekdayMention):
        return date_of(a).weekday() is not None
    return True


def agree(a: Mention, b: Mention) -> bool:
    """Return True if two facts of one kind can state the same value."""
    if isinstance(a, NumberMention) and isinstance(b, NumberMention):
        return same_value(a.value, b.value)
    if isinstance(a, WeekdayMention) and isinstance(b, WeekdayMention):
        return a.weekday == b.weekday
    if isinstance(a, DateMention) and isinstance(b, DateMention):
        return date_of(a).agrees(date_of(b))
    if isinstance(a, DateMention) and isinstance(b, WeekdayMention):
        a, b = b, a
    if isinstance(a, WeekdayMention) and isinstance(b, DateMention):
        return date_of(b).weekday() == a.weekday
    return False


def date_of(m: DateMention) -> DateRef:
    """Return the DateRef of a date mention."""
    return DateRef(m.start, m.end, m.year, m.month, m.day)


def find_facts(
    doc: Document, mentions: Sequence[Mention], anchored: Container[int] | None = None
) -> list[Fact]:
    """Return the checkable facts of a document: numbers with a noun, event dates, weekdays;
    the numbers and years of the `anchored` sentences (all when None) with their anchors."""
    out: list[Fact] = []
    published = publication_spans(doc, mentions)
    issued = publication_date(doc, mentions)
    for m in [*mentions, *relative_days(doc, mentions, issued)]:
        if not isinstance(m, FACT_KINDS) or is_published(published, m):
            continue
        s = doc.sentence_at(m.start)
        if s is None or m.end > s.end:
            continue
        slot = counted_noun(doc.text, m) if isinstance(m, NumberMention) else _when(doc.text, m)
        if slot == "when" and leading_verb(doc.text, s.start, s.end, m.start, m.end) in saying():
            slot = "when said"  # "Oppal said at a news conference Thursday"
        if slot is None and isinstance(m, NumberMention):
            if anchored is not None and s.index not in anchored:
                continue  # compared only between sentences saying the same thing
            slot = BARE
        if slot is None:
            continue
        if isinstance(m, DateMention) and not m.month:
            slot = YEAR
        if isinstance(m, DateMention) and m.year is None and m.day and m.month and issued:
            m = replace(m, year=year_near(m.month, m.day, issued))
        number = m.kind == "number" and slot != AGE  # an age is about the words around it
        old = OLD.match(doc.text, m.end) if slot == AGE else None
        end = old.end() if old else m.end
        near = context_stems(doc.text, s.start, s.end, m.start, end, predicate=number) - {slot}
        who = subject(doc.text, s.start, m.start) if m.kind == "number" else frozenset()
        counts = None
        if isinstance(m, NumberMention) and slot not in (AGE, BARE) and not _in_range(doc.text, m):
            counts = continuation(doc.text, _noun_end(doc.text, m), s.end) or _named_before(
                doc.text, s.start, m.start
            )
        if slot == AGE:  # whose age: the name before "Lee, 46," or after "46-year-old Lee"
            who = name_next_to(
                doc.text, *((end, s.end) if old else (s.start, m.start)), after=bool(old)
            )
        anchors = None
        if (m.kind == "number" or slot == YEAR) and (anchored is None or s.index in anchored):
            anchors = number_form(doc.text, m)
        out.append(Fact(doc.id, m, s.index, slot, frozenset(near), who, True, counts, anchors))
    # A relative day is counted apart: it leaves the other dates of its sentence alone as before.
    keys = [(f.sentence, f.slot, f.mention.kind, is_relative(f.mention)) for f in out]
    count = Counter(keys)
    return [  # built sole: copied (slow for a dataclass) only when another shares its slot
        f if count[key] == 1 else replace(f, sole=False) for f, key in zip(out, keys, strict=True)
    ]


NAMED_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w'’]*)(?:\s+[A-Z][\w'’]*)*\s+\Z")


def _named_before(text: str, start: int, pos: int) -> str | None:
    """Return the stem of the first word of the name right before a number, if one stands
    there ("the MacBook Pro 17-inch")."""
    found = NAMED_BEFORE.search(text, max(start, pos - 60), pos)
    if found is None or found.start() == start:
        return None
    key = stem(found.group(1))
    return None if key in STOPWORDS or key in CALENDAR else key


def _in_range(text: str, m: NumberMention) -> bool:
    """Return True if a number is one end of a range ("$24 to $26", "12-15 people")."""
    return bool(
        RANGE_BEFORE.search(text, max(0, m.start - 8), m.start) or RANGE_AFTER.match(text, m.end)
    )


def _noun_end(text: str, m: NumberMention) -> int:
    """Return where the unit or counted noun of a number ends."""
    after = None if m.unit else NOUN.match(text, m.end)
    return after.end() if after else m.end


@lru_cache(maxsize=1024)
def _capitalised(text: str, start: int, end: int) -> frozenset[str]:
    """Return the stems of the capitalised words of the sentence text[start:end]."""
    return frozenset(stem(w) for w in WORD.findall(text, start, end) if w[0].isupper())


def _when(text: str, m: Mention) -> str:
    """Return the slot of a date or weekday (either fills it): the day something was said
    ("officials said on Monday"), or of an event ("it struck on Monday, officials said")."""
    before = text[max(0, m.start - 30) : m.start].split()[-2:]
    said = any(w.strip(",.;:").lower() in SPEECH for w in before)
    return "when said" if said else "when"


def counted_noun(text: str, m: NumberMention) -> str | None:
    """Return the unit or the noun counted by a number, or None (a time, a score, no noun)."""
    if NOT_QUANTITY.match(text, m.end) or text[max(0, m.start - 1) : m.start] == ":":
        return None
    if OLD.match(text, m.end) or _appositive_age(text, m):
        return AGE
    if m.unit:
        return m.unit
    after = NOUN.match(text, m.end)
    if after is None:
        return None
    noun = stem(after.group(1))
    return None if noun in STOPWORDS or noun in CALENDAR or len(noun) < 3 else noun


def _appositive_age(text: str, m: NumberMention) -> bool:
    """Return True for a person's age set off by commas after the name ("Lee, 46, said")."""
    return (
        0 < m.value <= 120
        and m.value == int(m.value)
        and APPOSITION_AFTER.match(text, m.end) is not None  # first: most numbers fail it
        and APPOSITION_BEFORE.search(text, max(0, m.start - 40), m.start) is not None
    )


def year_near(month: int, day: int, published: dt.date) -> int | None:
    """Return the year of a day and month without one: the year that puts it within six months
    of the publication date."""
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            continue
        if abs((when - published).days) <= 183:
            return year
    return None
