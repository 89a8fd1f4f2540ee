"""Numbers, amounts and dates that differ between sources, and weekdays that contradict dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TypeVar

from auditor.mentions.quantities import WEEKDAYS, DateRef, same_value
from auditor.model import (
    Category,
    DateMention,
    Document,
    Hit,
    NumberMention,
    Severity,
    Span,
    WeekdayMention,
)
from auditor.rules.registry import Context, M, rule

D = TypeVar("D", DateMention, WeekdayMention)
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
    """A number differs from the one in the aligned sentence of the other source.

    Numbers are compared after normalisation ("100,000" = "100 000" = "100 thousand", "eight
    hours" = "8-hour"), so only real differences remain. Same unit on both sides makes it an
    error.

    Why it matters:
        A digit dropped, a scale word lost or a count changed by translation puts a wrong fact
        in print; numbers are what readers quote.
    Example:
        10,000 troops, where the other source says 100,000 troops
    Use instead:
        100,000 troops (after checking which source is right)
    Known false positives:
        Two sources that report different counts of different things in aligned sentences
        ("six hours" of talks, "eight hours" of travel). A number with no counterpart is never
        flagged: the other source may simply leave it out.
    """
    for index, sentence in enumerate(doc.sentences):
        mine = ctx.mentions_of(doc.id, NumberMention, sentence.start, sentence.end)
        if not mine:
            continue
        theirs = _counterpart_mentions(doc, index, ctx, NumberMention)
        for m in _unmatched(mine, [t for _, t in theirs]):
            rivals = [(d, t) for d, t in theirs if t in _unmatched([t for _, t in theirs], mine)]
            if not rivals:
                continue
            yield _number_hit(doc, ctx, m, rivals)


def _number_hit(
    doc: Document, ctx: Context, m: NumberMention, rivals: Sequence[tuple[str, NumberMention]]
) -> Hit:
    """Build the finding for a number that no counterpart number equals."""
    same_unit = [t for _, t in rivals if m.unit and t.unit == m.unit]
    best = same_unit[0] if same_unit else rivals[0][1]
    single = len(rivals) == 1 or len(same_unit) == 1
    return Hit(
        m.start,
        m.end,
        f"{m.text!r} here, but the aligned sentence of the other source says {best.text!r}.",
        suggestion=best.text if single and doc.id != ctx.docs[0].id else None,
        related=tuple(Span(d, t.start, t.end, t.text) for d, t in rivals),
        confidence=0.8 if same_unit else 0.6,
        severity=Severity.ERROR if same_unit else None,
    )


def _counterpart_mentions(
    doc: Document, index: int, ctx: Context, kind: type[M]
) -> list[tuple[str, M]]:
    """Return (doc id, mention) of one kind in the sentences aligned with sentence `index`."""
    return [
        (other.id, m)
        for other, s in ctx.counterparts(doc, index, kinds=("same",))
        for m in ctx.mentions_of(other.id, kind, s.start, s.end)
    ]


def _unmatched(
    mine: Sequence[NumberMention], theirs: Sequence[NumberMention]
) -> list[NumberMention]:
    """Return the numbers of `mine` whose value is in none of `theirs`."""
    return [m for m in mine if not any(same_value(m.value, t.value) for t in theirs)]


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
    ),
    quiet=(
        ("Biden and Putin met in June in Geneva.", "Biden and Putin met in Geneva in June 2021."),
        ("The talks in Geneva began on Monday.", "On Monday, the talks in Geneva began."),
        ("The talks in Geneva began on Monday.", "The talks in Geneva began on 10 January."),
    ),
)
def date_mismatch(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A date or weekday differs from the one in the aligned sentence of the other source.

    Partial dates agree with fuller ones ("June" and "June 2021"); only a field given on both
    sides and different (another day, month or year, another weekday) is flagged.

    Why it matters:
        A wrong date misplaces the event; translation swaps day and month, and rewriting turns
        "yesterday" into the wrong weekday.
    Example:
        18 June 2021, where the other source says 16 June 2021
    Use instead:
        16 June 2021 (after checking which source is right)
    Known false positives:
        Aligned sentences that mention two different days on purpose (a meeting announced on
        one day for another).
    """
    for index in range(len(doc.sentences)):
        yield from _day_hits(doc, ctx, index, DateMention)
        yield from _day_hits(doc, ctx, index, WeekdayMention)


def _day_hits(doc: Document, ctx: Context, index: int, kind: type[D]) -> Iterator[Hit]:
    """Yield a hit for each date (or weekday) of a sentence that its counterparts contradict."""
    sentence = doc.sentences[index]
    mine = ctx.mentions_of(doc.id, kind, sentence.start, sentence.end)
    theirs = _counterpart_mentions(doc, index, ctx, kind) if mine else []
    for m in mine:
        if any(_agree(m, t) for _, t in theirs) or not theirs:
            continue
        yield Hit(
            m.start,
            m.end,
            f"{m.text!r} here, but the aligned sentence of the other source says "
            f"{theirs[0][1].text!r}.",
            suggestion=theirs[0][1].text if len(theirs) == 1 and doc.id != ctx.docs[0].id else None,
            related=tuple(Span(d, t.start, t.end, t.text) for d, t in theirs),
            confidence=0.8,
        )


def _agree(a: D, b: D) -> bool:
    """Return True if two date or weekday mentions can denote the same day."""
    if isinstance(a, WeekdayMention) and isinstance(b, WeekdayMention):
        return a.weekday == b.weekday
    if isinstance(a, DateMention) and isinstance(b, DateMention):
        return _date(a).agrees(_date(b))
    return False


def _date(m: DateMention) -> DateRef:
    """Return the DateRef of a date mention."""
    return DateRef(m.start, m.end, m.year, m.month, m.day)


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
    for w in ctx.mentions_of(doc.id, WeekdayMention):
        date = _adjacent_date(doc, w, dates)
        actual = _weekday_of(_date(date), doc.date) if date else None
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
    doc: Document, weekday: WeekdayMention, dates: Sequence[DateMention]
) -> DateMention | None:
    """Return a date written right after (or before) the weekday, with only punctuation between."""
    for d in dates:
        lo, hi = (weekday.end, d.start) if d.start >= weekday.end else (d.end, weekday.start)
        gap = doc.text[lo:hi]
        if 0 <= hi - lo <= WEEKDAY_REACH and not any(c.isalpha() for c in gap):
            return d
    return None


def _weekday_of(date: DateRef, dateline: str | None) -> int | None:
    """Return the weekday of a date, taking a missing year from a dateline within six months."""
    if date.year is not None or not dateline:
        return date.weekday()
    if date.month is None or date.day is None:
        return None
    line = dt.date.fromisoformat(dateline)
    for year in (line.year, line.year - 1, line.year + 1):
        try:
            day = dt.date(year, date.month, date.day)
        except ValueError:
            continue
        if abs((day - line).days) <= 183:
            return day.weekday()
    return None
