"""Official titles: the same person given different offices within a text or across sources."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from auditor.mentions.namewords import similar
from auditor.model import Category, Document, Hit, Severity, Span, TitleMention
from auditor.rules.registry import UNSETTLED, Context, rule


@dataclass(frozen=True)
class Verdict:
    """Why a title is the odd one out: the office the evidence supports and how sure we are."""

    office: str
    severity: Severity
    confidence: float
    reason: str
    # A tie between this text and another: "version" (the other is its reference, whose title
    # is the fix), "reference" (the other is a version of this one: no fix), "source" (two
    # independent sources: the other's title, for the editor to check); "" if settled.
    tie: str = ""


@rule(
    "T101",
    Severity.ERROR,
    Category.INCONSISTENCY,
    fires=(
        "Deputy Secretary of State Ann Lee met him. Later, «Assistant Secretary of State» Ann "
        "Lee left. Lee said so. Deputy Secretary of State Ann Lee returned.",
        (
            "«Deputy Secretary of State» Ann Lee met Ivan Petrov.",
            "«Assistant Secretary of State» Ann Lee met Ivan Petrov.",
        ),
        (
            "Deputy Foreign Minister Ivan Petrov spoke.",
            "«Foreign Minister» Ivan Petrov spoke. Later Deputy Foreign Minister Ivan Petrov left.",
        ),
        (
            "The Kelby club board met on Monday and chose a «president» for the next season.",
            "The Kelby club board met on Monday and chose a «vice president» for the next season.",
        ),
    ),
    quiet=(
        "Secretary of State Ann Lee spoke. Lee, the top US diplomat, left.",
        (
            "NATO Secretary General Jan Berg spoke in Brussels.",
            "NATO Secretary General Jan Berg spoke. Berg left.",
        ),
        (
            "Deputy Foreign Minister Ivan Petrov spoke.",
            "Russian Deputy Foreign Minister Ivan Petrov spoke. Petrov left.",
        ),
        ("Foreign Minister Ivan Petrov spoke.", "Defence Minister Olga Petrova spoke."),
        ("Minister Ivan Petrov spoke.", "State Department spokesman Ivan Petrov spoke."),
        (
            "President Ann Lee opened the Kelby club fair on Monday.",
            "Vice President Ivan Petrov opened the Kelby club fair on Monday.",
        ),
    ),
)
def title_conflict(doc: Document, ctx: Context) -> Iterator[Hit]:
    """The same person is given two different offices of one rank ladder.

    Two sentences of different sources aligned as saying the same thing that each name one
    office of a ladder, one of them with no name next to it, name the same office: "chose a
    president" and "chose a vice president" conflict too (the title links of the align stage).

    Role descriptions ("the top US diplomat") and omitted titles are not conflicts. The finding
    points at the odd title and shows the others as evidence; when the other source and this
    text agree against it, it is an error; a plain disagreement between two sources is a
    warning on both, each offered the other's title: the fix when the later text is a version
    of the first (a translation of an original), for the editor to check between independent
    sources.

    Why it matters:
        A Deputy Secretary is not an Under Secretary or an Assistant Secretary; a Deputy
        Minister is not a Minister; a Lieutenant General is not a General. MT systems often pick
        the wrong rung of the ladder, and the error usually shows as a disagreement with the
        other source or with the same text elsewhere.
    Example:
        Assistant Secretary of State Maria Lopez, where the other source and the same text call
        her Deputy Secretary of State
    Use instead:
        Deputy Secretary of State Maria Lopez
    Known false positives:
        A person promoted between the two mentions, and two people with the same surname and
        no first name given.
    """
    people = _by_person(ctx)
    role = _role(ctx, doc)
    judged: dict[tuple[str, str, str, str], tuple[Verdict, tuple[Span, ...], str] | None] = {}
    done: set[int] = set()
    for m in ctx.mentions_of(doc.id, TitleMention):
        key = (m.key, m.family, m.name, m.office)
        if key not in judged:  # titles of one person in one office are judged alike, once
            judged[key] = _judged(m, doc.id, people[m.key, m.family], role)
        found = judged[key]
        if found is None:
            continue
        verdict, related, support = found
        done.add(m.start)
        yield Hit(
            m.start,
            m.end,
            f"{m.name} is called {m.text!r} here but {support!r} {verdict.reason}; "
            f"{m.office} and {verdict.office} are different offices"
            f"{UNSETTLED if verdict.tie == 'source' else '.'}",
            suggestion=None if verdict.tie == "reference" else _match_case(support, m.text),
            related=related,
            confidence=verdict.confidence,
            severity=verdict.severity,
        )

    yield from (h for h in _other_rung(doc, ctx, role) if h.start not in done)


def _other_rung(doc: Document, ctx: Context, role: str) -> Iterator[Hit]:
    """Yield the offices that the sentence of another source saying the same thing names on
    another rung (the title links of the align stage)."""
    seen: set[int] = set()
    for k in ctx.facts:
        if k.kind != "title" or doc.id not in (k.doc_a, k.doc_b):
            continue
        m, other, t = (k.a, k.doc_b, k.b) if k.doc_a == doc.id else (k.b, k.doc_a, k.a)
        if not isinstance(m, TitleMention) or not isinstance(t, TitleMention) or m.start in seen:
            continue
        seen.add(m.start)
        yield Hit(
            m.start,
            m.end,
            f"{m.text!r} here, but the sentence of {ctx.document(other).name} saying the same "
            f"thing has {t.text!r}; {m.office} and {t.office} are different offices"
            f"{UNSETTLED if role == 'source' else '.'}",
            suggestion=None if role == "reference" else _match_case(t.text, m.text),
            related=(Span(other, t.start, t.end, t.text),),
            confidence=0.6,
            severity=Severity.WARNING,
        )


def _role(ctx: Context, doc: Document) -> str:
    """Return how this text stands to the others: a later "version" of the first, the first
    text others are versions of ("reference"), or one "source" among independent ones."""
    if ctx.follows_reference(doc):
        return "version"
    return "reference" if any(ctx.is_reference(doc.id, o.id) for o in ctx.others(doc)) else "source"


def _by_person(ctx: Context) -> dict[tuple[str, str], list[tuple[str, TitleMention]]]:
    """Return (doc id, title) of every title, by the person's key and the office family."""
    people: dict[tuple[str, str], list[tuple[str, TitleMention]]] = defaultdict(list)
    for doc_id in ctx.mentions:
        for t in ctx.mentions_of(doc_id, TitleMention):
            people[t.key, t.family].append((doc_id, t))
    return people


def _judged(
    m: TitleMention, doc_id: str, titles: Sequence[tuple[str, TitleMention]], role: str
) -> tuple[Verdict, tuple[Span, ...], str] | None:
    """Return the verdict on `m`, its evidence (each other wording's first span), its support."""
    peers = [(d, t) for d, t in titles if same_person(t.name, m.name)]
    verdict = judge(m, doc_id, peers, role)
    if verdict is None:
        return None
    first: dict[tuple[str, str], Span] = {}
    for d, t in peers:
        if t.office != m.office:
            first.setdefault((d, t.text), Span(d, t.start, t.end, t.text))
    related = tuple(first.values())
    support = next(t for _, t in peers if t.office == verdict.office)
    return verdict, related, support.text


def same_person(a: str, b: str) -> bool:
    """Return True unless two names with the same surname have different first names (a
    spelling variant is the same name: "Ahmad" / "Ahmed")."""
    first_a, first_b = a.split()[0], b.split()[0]
    if len(a.split()) < 2 or len(b.split()) < 2 or len(first_a.rstrip(".")) == 1:
        return True
    return similar(first_a.lower(), first_b.lower())


def judge(
    m: TitleMention, doc_id: str, peers: Sequence[tuple[str, TitleMention]], role: str
) -> Verdict | None:
    """Decide whether title `m` is the odd one out among the titles of the same person."""
    offices: dict[str, set[str]] = {}
    for d, t in peers:
        offices.setdefault(d, set()).add(t.office)
    office = m.office
    own = offices[doc_id]
    reliable = {d: next(iter(o)) for d, o in offices.items() if d != doc_id and len(o) == 1}
    if len(own) == 1:
        return _consistent_doc(office, reliable, role)
    if office in reliable.values():
        return None
    agreed = [o for o in reliable.values() if o in own]
    if agreed:
        return Verdict(agreed[0], Severity.ERROR, 0.9, "in the other source and elsewhere here")
    if reliable:
        other = Counter(reliable.values()).most_common(1)[0][0]
        return Verdict(
            other,
            Severity.ERROR,
            0.8,
            "in the other source (and this text also disagrees with itself)",
        )
    return _inconsistent_alone(m, [t for d, t in peers if d == doc_id])


def _consistent_doc(office: str, reliable: dict[str, str], role: str) -> Verdict | None:
    """Judge a title in a text that is consistent with itself against the other sources."""
    votes = Counter(reliable.values())
    votes[office] += 1
    rivals = [(n, o) for o, n in votes.items() if o != office]
    if not rivals:
        return None
    count, rival = max(rivals)
    if count > votes[office]:
        where = f"in {count} of {len(reliable)} other sources"
        return Verdict(rival, Severity.ERROR, 0.85, where)
    if count == votes[office]:
        return Verdict(rival, Severity.WARNING, 0.6, "in the other source", role)
    return None


def _inconsistent_alone(m: TitleMention, own: Sequence[TitleMention]) -> Verdict | None:
    """Judge a title in a text that gives the person two offices and has no other source."""
    votes = Counter(t.office for t in own)
    office = m.office
    best, count = votes.most_common(1)[0]
    if count > votes[office]:
        return Verdict(best, Severity.ERROR, 0.75, "elsewhere in this text")
    first = min(own, key=lambda t: t.start).office
    if first != office:
        return Verdict(first, Severity.WARNING, 0.6, "earlier in this text")
    return None


def _match_case(replacement: str, original: str) -> str:
    """Give `replacement` the capitalisation of `original`'s first letter."""
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement[:1].lower() + replacement[1:]
