"""Numbers, amounts and dates that differ between sources, and weekdays that contradict dates."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import replace

from auditor.align.facts import agree, date_of, restated, year_near
from auditor.align.relative import is_relative
from auditor.mentions.quantities import WEEKDAYS, DateRef
from auditor.model import (
    Category,
    DateMention,
    Document,
    FactLink,
    Hit,
    Mention,
    NumberMention,
    Severity,
    Span,
    WeekdayMention,
)
from auditor.rules.registry import UNSETTLED, Context, rule

WEEKDAY_REACH = 40  # characters between a weekday and the date it names


@rule(
    "F101",
    Severity.WARNING,
    Category.INCONSISTENCY,
    scope="sources",
    fires=(
        (
            "Russia has massed «100,000 troops» near the border.",
            "Russia has massed «10,000 troops» near the border.",
        ),
        (
            "The meeting lasted «eight hours» in Geneva.",
            "The meeting lasted «six hours» in Geneva.",
        ),
    ),
    quiet=(
        (
            "Russia has massed 100,000 troops near the border.",
            "Russia massed 100 thousand troops near the border.",
        ),
        ("The meeting lasted eight hours in Geneva.", "The nearly 8-hour meeting in Geneva ended."),
        (
            "Russia has massed 100,000 troops near the border.",
            "Russia has massed troops near the border.",
        ),
    ),
)
def number_mismatch(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A number differs from the other source's number for the same quantity.

    Numbers are compared only with the same quantity in the other source (the fact links of
    the align stage): the same counted noun or unit, the same word governing it, in sentences
    that are aligned or share rare content. A score is not a run, a time of day is not a count,
    an age ("a 61-year-old man") is compared only with an age. Values are compared after
    normalisation ("100,000" = "100 000" = "100 thousand", "eight hours" = "8-hour"). The
    closest link decides: a value agreeing in a sentence that merely shares content does not
    outweigh a different value in the sentence aligned as saying the same thing. It is an
    error in sentences aligned as saying the same thing, or when most other sources agree
    against this one (which it names). The other source's value is the suggestion; when
    neither the text itself, a majority of sources nor a reference says which is right, the
    message says so and the suggestion is for the editor to check, never a safe fix.

    Why it matters:
        A digit dropped, a scale word lost or a count changed by translation puts a wrong fact
        in print; numbers are what readers quote.
    Example:
        10,000 troops, where the other source says 100,000 troops
    Use instead:
        100,000 troops (after checking which source is right)
    Known false positives:
        Two sources that report different counts of different things with the same noun and
        verb ("served four months" for two sentences). A number with no counterpart is never
        flagged: the other source may simply leave it out.
    """
    for m in ctx.mentions_of(doc.id, NumberMention):
        theirs = ctx.linked(doc.id, m)
        if not theirs or any(agree(k.a, k.b) for _, _, k in strongest(theirs)):
            continue
        rivals = _rivals(ctx, doc, m, theirs)
        if rivals:
            yield _conflict(doc, ctx, m, rivals, ctx.independent(_sources(theirs), doc.id))


def strongest(
    linked: Sequence[tuple[str, Mention, FactLink]],
) -> list[tuple[str, Mention, FactLink]]:
    """Return the links of the strongest kind: a fact in a sentence aligned as saying the same
    thing outweighs one in a sentence that merely shares content."""
    best = max((k.strength for _, _, k in linked), default=0)
    return [t for t in linked if t[2].strength == best]


def _rivals(
    ctx: Context, doc: Document, m: Mention, theirs: Sequence[tuple[str, Mention, FactLink]]
) -> list[tuple[str, Mention, FactLink]]:
    """Return the linked facts that state another value, unless this document states theirs."""
    return [
        (d, t, k) for d, t, k in theirs if not agree(k.a, k.b) and not _explained(ctx, doc, m, t, k)
    ]


def _explained(ctx: Context, doc: Document, m: Mention, t: Mention, link: FactLink) -> bool:
    """Return True if this document states the other source's value for this fact, linked at
    least as closely elsewhere (the other fact's real counterpart is another mention; a link
    made by agreeing values alone does not outweigh one made by the same words), unless that
    mention restates this one's fact (the text contradicts itself)."""
    return any(
        d == doc.id
        and agree(k.a, k.b)
        and k.strength >= link.strength
        and (k.worded or not link.worded)
        and not restated(doc, m, mine, ctx.by_start(doc.id, NumberMention))
        for d, mine, k in ctx.linked(_other(link, doc.id), t)
    )


def _echo(ctx: Context, doc: Document, m: Mention, t: Mention, other: str) -> Mention | None:
    """Return a mention of this document that restates m's fact with the other source's value."""
    return next(
        (
            mine
            for d, mine, k in ctx.linked(other, t)
            if d == doc.id
            and agree(k.a, k.b)
            and restated(doc, m, mine, ctx.by_start(doc.id, NumberMention))
        ),
        None,
    )


def _other(link: FactLink, doc_id: str) -> str:
    """Return the document at the other end of a link."""
    return link.doc_b if link.doc_a == doc_id else link.doc_a


def _sources(linked: Sequence[tuple[str, Mention, FactLink]]) -> set[str]:
    """Return the documents the linked mentions come from."""
    return {d for d, _, _ in linked}


def _conflict(
    doc: Document,
    ctx: Context,
    m: Mention,
    rivals: Sequence[tuple[str, Mention, FactLink]],
    sources: int,
) -> Hit:
    """Build the finding for a fact that the linked facts of the other sources contradict."""
    same = [r for r in rivals if r[2].basis == "same"]
    other, best, _ = (same or rivals)[0]
    against = ctx.independent(_sources(rivals), doc.id)
    single = len({_value(m, t) for _, t, _ in rivals}) == 1  # "Thursday" and "March 14, 2013"
    majority = against >= 2 and against == sources
    others = ctx.independent((d.id for d in ctx.docs), doc.id)
    echo = _echo(ctx, doc, m, best, other) if single else None
    where = (
        f"{against} of {others} other independent sources say {_said(best)}"
        if majority
        else f"the other source ({ctx.document(other).name}) says {_said(best)}"
    )
    if echo is not None:
        where += f", as this text does elsewhere ({echo.text!r}),"
    settled = majority or echo is not None or ctx.follows_reference(doc)
    settled = settled or ctx.is_reference(doc.id, other)
    related = [Span(d, t.start, t.end, t.text) for d, t, _ in rivals]
    if echo is not None:
        related.append(Span(doc.id, echo.start, echo.end, echo.text))
    return Hit(
        m.start,
        m.end,
        f"{_said(m)} here, but {where} for the same {_what(m)}{'.' if settled else UNSETTLED}",
        suggestion=_value(m, best) if single and not ctx.is_reference(doc.id, other) else None,
        related=tuple(related),
        confidence=0.85 if majority or same or echo else 0.6,
        severity=Severity.ERROR if majority or same or echo else None,
    )


def _relative_days(ctx: Context, doc_id: str) -> list[Mention]:
    """Return the relative days of a document ("yesterday") that are linked as facts."""
    ends = [end for k in ctx.facts for end in ((k.doc_a, k.a), (k.doc_b, k.b))]
    return list({m.start: m for d, m in ends if d == doc_id and is_relative(m)}.values())


def _said(m: Mention) -> str:
    """Return how a fact reads, a relative day with the date it stands for."""
    return f"{m.text!r} ({_iso(m)})" if is_relative(m) else repr(m.text)


def _iso(m: Mention) -> str:
    """Return the weekday and date a resolved relative day stands for."""
    day = date_of(m) if isinstance(m, DateMention) else None
    if day is None or not (day.year and day.month and day.day):
        return ""
    when = dt.date(day.year, day.month, day.day)
    return f"{WEEKDAYS[when.weekday()].capitalize()} {when.isoformat()}"


def _value(m: Mention, other: Mention) -> str | None:
    """Return the other source's value in the form of `m`: a date's weekday for a weekday; no
    value for or from a relative day ("yesterday" is not replaced by a date, nor a date by it)."""
    if is_relative(m) or (is_relative(other) and not isinstance(m, WeekdayMention)):
        return None
    if isinstance(m, WeekdayMention) and isinstance(other, DateMention):
        day = date_of(other).weekday()
        return None if day is None else WEEKDAYS[day].capitalize()
    if isinstance(m, DateMention) and isinstance(other, WeekdayMention):
        return None
    return other.text


def _what(m: Mention) -> str:
    """Name what a fact is: a quantity, date or weekday."""
    return {"number": "quantity", "date": "happening", "weekday": "happening"}[m.kind]


@rule(
    "F102",
    Severity.ERROR,
    Category.INCONSISTENCY,
    scope="sources",
    fires=(
        (
            "The summit was held on «16 June 2021» in Geneva.",
            "The summit was held on «18 June 2021» in Geneva.",
        ),
        ("The talks in Geneva began on «Monday».", "The talks in Geneva began on «Tuesday»."),
        (
            "The talks in Geneva began on «10 January 2022».",
            "The talks in Geneva began on «Tuesday».",
        ),
    ),
    quiet=(
        ("Biden and Putin met in June in Geneva.", "Biden and Putin met in Geneva in June 2021."),
        ("The talks in Geneva began on Monday.", "On Monday, the talks in Geneva began."),
        ("The talks in Geneva began on Monday.", "The talks in Geneva began on 10 January."),
    ),
)
def date_mismatch(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A date or weekday differs from the other source's date of the same happening.

    Dates are compared only with the date the other source gives the same happening (the fact
    links: the same words next to it, in sentences that are aligned or share rare content).
    The date at the top of an article is its publication date and is never compared. Partial
    dates agree with fuller ones ("June" and "June 2021"); only a field given on both sides and
    different (another day, month or year, another weekday) is flagged. A weekday is compared
    with a date by the date's weekday; a day and month without a year take the year of the
    article's publication date, and without one say no weekday; "yesterday", "today",
    "tomorrow", "tonight" and "last night" count as the day they stand for in an article with a
    publication date. It is an error in
    sentences aligned as saying the same thing, or when most other sources agree against this
    one (which it names), and a warning otherwise. The other source's date is the suggestion,
    to be checked when nothing says which source is right (as for F101).

    Why it matters:
        A wrong date misplaces the event; translation swaps day and month, and rewriting turns
        "yesterday" into the wrong weekday.
    Example:
        18 June 2021, where the other source says 16 June 2021
    Use instead:
        16 June 2021 (after checking which source is right)
    Known false positives:
        Sentences that mention two different days on purpose (a meeting announced on one day
        for another).
    """
    days: list[Mention] = [*ctx.mentions_of(doc.id, DateMention)]
    days += ctx.mentions_of(doc.id, WeekdayMention)
    days += _relative_days(ctx, doc.id)
    for m in sorted(days, key=lambda m: m.start):
        theirs = ctx.linked(doc.id, m)
        if not theirs or any(agree(k.a, k.b) for _, _, k in strongest(theirs)):
            continue
        rivals = _rivals(ctx, doc, m, theirs)
        if rivals:
            hit = _conflict(doc, ctx, m, rivals, ctx.independent(_sources(theirs), doc.id))
            yield replace(hit, severity=hit.severity or Severity.WARNING, confidence=0.8)


@rule(
    "F103",
    Severity.ERROR,
    Category.INCONSISTENCY,
    fires=(
        "The talks opened in Geneva on «Tuesday», January 10, 2022.",
        " date 2022-01-11\n\nThe talks opened on «Friday», 10 January, in Geneva.",
    ),
    quiet=(
        "The talks opened in Geneva on Monday, January 10, 2022.",
        " date 2022-01-11\n\nThe talks opened on Monday in Geneva.",
        "On Friday he said the talks of January 10, 2022 went well.",
    ),
)
def weekday_contradicts_date(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A weekday that does not fall on the date given right next to it.

    A date without a year takes the year of the dateline. A weekday on its own is never
    compared with the dateline ("on Monday" in an article dated Tuesday means the day before).

    Why it matters:
        "Tuesday, January 10, 2022" cannot be right: 10 January 2022 was a Monday. One of the
        two is wrong, and readers who check the calendar lose trust.
    Example:
        Tuesday, January 10, 2022
    Use instead:
        Monday, January 10, 2022
    Known false positives:
        A date without a year next to a weekday in an article about another year than its
        dateline.
    """
    dates = [m for m in ctx.mentions_of(doc.id, DateMention) if m.day and m.month]
    longest = max((d.end - d.start for d in dates), default=0)
    for w in ctx.mentions_of(doc.id, WeekdayMention):
        date = _adjacent_date(doc, w, dates, longest)
        actual = _weekday_of(date_of(date), doc.date) if date else None
        if date is None or actual is None or actual == w.weekday:
            continue
        name = WEEKDAYS[actual].capitalize()
        yield Hit(
            w.start,
            w.end,
            f"{date.text!r} was a {name}, not a {w.text}.",
            suggestion=name,
            related=(Span(doc.id, date.start, date.end, date.text),),
            confidence=0.9,
        )


def _adjacent_date(
    doc: Document, weekday: WeekdayMention, dates: Sequence[DateMention], longest: int
) -> DateMention | None:
    """Return a date written right after (or before) the weekday, with only punctuation between.

    `dates` are in text order and at most `longest` characters long; only those within reach
    of the weekday are looked at.
    """
    first = bisect.bisect_left(dates, weekday.start - WEEKDAY_REACH - longest, key=_start)
    last = bisect.bisect_right(dates, weekday.end + WEEKDAY_REACH, key=_start)
    for d in dates[first:last]:
        lo, hi = (weekday.end, d.start) if d.start >= weekday.end else (d.end, weekday.start)
        gap = doc.text[lo:hi]
        if 0 <= hi - lo <= WEEKDAY_REACH and not any(c.isalpha() for c in gap):
            return d
    return None


def _start(m: Mention) -> int:
    """Return where a mention starts (the sort key of mentions in text order)."""
    return m.start


def _weekday_of(date: DateRef, dateline: str | None) -> int | None:
    """Return the weekday of a date, taking a missing year from a dateline within six months."""
    if date.year is not None or not dateline:
        return date.weekday()
    if date.month is None or date.day is None:
        return None
    year = year_near(date.month, date.day, dt.date.fromisoformat(dateline))
    return None if year is None else replace(date, year=year).weekday()
