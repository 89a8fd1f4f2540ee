"""One government body called a ministry in one place and a department in another."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from auditor.knowledge.lexicon import alternation, lexicon
from auditor.knowledge.names import fold_words
from auditor.model import Category, Document, Hit, Severity, Span
from auditor.rules.registry import Context, rule

KINDS = lexicon().words["government_bodies"]
FILLERS = lexicon().word_set("portfolio_fillers")
VAGUE = lexicon().word_set("vague_portfolios")
WORD = r"[A-Z][a-z]+"
PHRASE = rf"{WORD}(?: (?:and )?{WORD})?"
KIND = alternation(KINDS)
# "Ministry of (the) Defense", "Department of Foreign Affairs"; "Defense Ministry".
OF_FORM = re.compile(rf"\b(?P<kind>{KIND}) of (?:the )?(?P<field>{PHRASE})")
PRE_FORM = re.compile(rf"\b(?P<field>(?:{WORD} )?{WORD}) (?P<kind>{KIND})\b")
QUALIFIER = re.compile(r"(?P<word>[A-Z][\w.]*?)(?:['’]s)?\s+$")
OF_COUNTRY = re.compile(rf"\s+of (?:the )?(?P<word>{WORD})")


@dataclass(frozen=True, slots=True)
class Body:
    """One mention of a government body: its kind, portfolio, country qualifier and span."""

    kind: str
    field: str
    country: str
    start: int
    end: int
    text: str


@rule(
    "N104",
    Severity.WARNING,
    Category.INCONSISTENCY,
    level="preview",
    fires=(
        "Officials from the Ministry of Defense joined. The «Defense Department» later said "
        "it supported the talks.",
        "The Foreign Ministry said the talks would go on. The Foreign Ministry added that a "
        "date was set. The «Department of Foreign Affairs» gave no date.",
    ),
    quiet=(
        "Officials from the Ministry of Defense joined. The Defense Ministry later said it "
        "supported the talks.",
        "Russia's Defense Ministry said the drills were over. The U.S. Defense Department "
        "said it was watching.",
        "The Police Department and the Ministry of Justice both declined to comment.",
    ),
)
def institution_named_two_ways(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A government body called a ministry in one place and a department in another.

    Within one text, the same portfolio (defense, foreign affairs, justice...) of the same
    country (none named, or the same one) appears as a "Ministry" and as a "Department". A
    country has one or the other; the form used less often is flagged, with the other as its
    fix (no fix when both are used equally often).

    Why it matters:
        Machine translation renders one source word as "ministry" or "department" at random, so
        one article ends up with a "Ministry of Defense" and a "Defense Department" for the same
        government, and readers wonder whether two bodies are meant.
    Example:
        Officials from the Ministry of Defense joined. The Defense Department later said...
    Use instead:
        The name the country really uses, every time.
    Known false positives:
        Two countries' bodies in one article where neither is named with its country
        ("the Defense Ministry" for one, "the Defense Department" for another).
    """
    portfolio = ctx.knowledge.titles.portfolio if ctx.knowledge else frozenset()
    groups = _alias_index(ctx)
    by_body: dict[tuple[str, str], list[Body]] = defaultdict(list)
    for body in _bodies(doc, portfolio, groups):
        by_body[(body.field, body.country)].append(body)
    for bodies in by_body.values():
        yield from _conflict(doc.id, bodies)


def _conflict(doc_id: str, bodies: Sequence[Body]) -> Iterator[Hit]:
    """Flag the less used kind of one body, with the more used kind's wording as the fix."""
    kinds = {kind: [b for b in bodies if b.kind == kind] for kind in KINDS}
    if not all(kinds.values()):
        return
    first, second = sorted(KINDS, key=lambda k: (-len(kinds[k]), kinds[k][0].start))
    wrong, right = kinds[second], kinds[first]
    fix = right[0].text if len(right) > len(wrong) else None
    model = right[0]
    for body in wrong:
        yield Hit(
            body.start,
            body.end,
            f"The same body is called “{body.text}” here and “{model.text}” elsewhere in this "
            "text: a government has a ministry or a department of one portfolio, not both.",
            suggestion=fix,
            related=tuple(Span(doc_id, b.start, b.end, b.text) for b in right[:3]),
            confidence=0.6,
        )


def _bodies(doc: Document, portfolio: frozenset[str], groups: dict[str, str]) -> Iterator[Body]:
    """Yield the ministries and departments named in the body of `doc`, in text order."""
    found: dict[int, Body] = {}
    for form in (OF_FORM, PRE_FORM):
        for m in form.finditer(doc.text, doc.body_start):
            start, key = _field(m, portfolio)
            if key and start not in found:
                country = _country(doc.text, start, m.end(), groups)
                found[start] = Body(
                    m["kind"], key, country, start, m.end(), m.string[start : m.end()]
                )
    yield from (found[s] for s in sorted(found))


def _field(m: re.Match[str], portfolio: frozenset[str]) -> tuple[int, str]:
    """Return where a body's name starts and its portfolio ("Defense" in "Russian Defense")."""
    key = _portfolio_key(m["field"], portfolio)
    if key or m.re is OF_FORM or " " not in m["field"]:
        return m.start(), key
    last = m["field"].rsplit(" ", 1)[1]
    return m.end("field") - len(last), _portfolio_key(last, portfolio)


def _portfolio_key(field: str, portfolio: frozenset[str]) -> str:
    """Return the portfolio a field names ("Foreign Affairs" -> "foreign"), or "" if none."""
    words = [w for w in fold_words(field) if w not in FILLERS]
    if not words or words[0] not in portfolio or words[0] in VAGUE:
        return ""
    return " ".join(words)


def _country(text: str, start: int, end: int, groups: dict[str, str]) -> str:
    """Return the country word qualifying a body ("Russia's", "U.S.", "of Ukraine"), or ""."""
    before = QUALIFIER.search(text, max(0, start - 30), start)
    word = before["word"] if before else ""
    if not word or word in ("The", "A"):
        after = OF_COUNTRY.match(text, end)
        word = after["word"] if after else ""
    return groups.get(word.lower(), word.lower())


def _alias_index(ctx: Context) -> dict[str, str]:
    """Map each spelling of a country ("us", "american") to its group's first name."""
    groups = ctx.knowledge.aliases if ctx.knowledge else ()
    return {s.lower(): group[0].lower() for group in groups for s in group}
