"""Numbers, amounts and dates that differ between sources, and weekdays that contradict dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from auditor.mentions.quantities import WEEKDAYS, DateRef, same_value
from auditor.model import Category, Document, Hit, Mention, Severity, Span
from auditor.rules.registry import Context, rule

WEEKDAY_REACH = 40  # characters between a weekday and the date it names


@rule(
    "F101",
    Severity.WARNING,
    Category.INCONSISTENCY,
    scope="sources",
    fires=(
        (
            "Russia has massed 100,000 troops near the border.",
            "Russia has massed 10,000 troops near the border.",
        ),
        ("The meeting lasted eight hours in Geneva.", "The meeting lasted six hours in Geneva."),
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
    hours" = "8-hour"), so only real differences remain: a digit dropped, a scale word lost,
    a count changed by translation. A number with no counterpart is not flagged (the other
    source may simply leave it out). Same unit on both sides makes it an error.
    Example: "10,000 troops" where the other source says "100,000 troops"
    """
    for index, sentence in enumerate(doc.sentences):
        mine = _in(ctx, doc.id, sentence.start, sentence.end, "number")
        if not mine:
            continue
        theirs = _counterpart_mentions(doc, index, ctx, "number")
        for m in _unmatched(mine, [t for _, t in theirs]):
            rivals = [(d, t) for d, t in theirs if t in _unmatched([t for _, t in theirs], mine)]
            if not rivals:
                continue
            yield _number_hit(doc, ctx, m, rivals)


def _number_hit(
    doc: Document, ctx: Context, m: Mention, rivals: Sequence[tuple[str, Mention]]
) -> Hit:
    """Build the finding for a number that no counterpart number equals."""
    same_unit = [t for _, t in rivals if m.attrs["unit"] and t.attrs["unit"] == m.attrs["unit"]]
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


def _in(ctx: Context, doc_id: str, start: int, end: int, kind: str) -> list[Mention]:
    """Return the mentions of one kind inside a span of a document."""
    return [
        m
        for m in ctx.mentions.get(doc_id, ())
        if m.kind == kind and start <= m.start and m.end <= end
    ]


def _counterpart_mentions(
    doc: Document, index: int, ctx: Context, kind: str
) -> list[tuple[str, Mention]]:
    """Return (doc id, mention) of one kind in the sentences aligned with sentence `index`."""
    return [
        (other.id, m)
        for other, s in ctx.counterparts(doc, index, kinds=("same",))
        for m in _in(ctx, other.id, s.start, s.end, kind)
    ]


def _unmatched(mine: Sequence[Mention], theirs: Sequence[Mention]) -> list[Mention]:
    """Return the numbers of `mine` whose value is in none of `theirs`."""
    return [
        m for m in mine if not any(same_value(m.attrs["value"], t.attrs["value"]) for t in theirs)
    ]


@rule(
    "F102",
    Severity.ERROR,
    Category.INCONSISTENCY,
    scope="sources",
    fires=(
        (
            "The summit was held on 16 June 2021 in Geneva.",
            "The summit was held on 18 June 2021 in Geneva.",
        ),
        ("The talks in Geneva began on Monday.", "The talks in Geneva began on Tuesday."),
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
    Example: "18 June 2021" where the other source says "16 June 2021"
    """
    for index, sentence in enumerate(doc.sentences):
        for kind in ("date", "weekday"):
            mine = _in(ctx, doc.id, sentence.start, sentence.end, kind)
            theirs = _counterpart_mentions(doc, index, ctx, kind) if mine else []
            for m in mine:
                if any(_agree(m, t) for _, t in theirs) or not theirs:
                    continue
                yield Hit(
                    m.start,
                    m.end,
                    f"{m.text!r} here, but the aligned sentence of the other source says "
                    f"{theirs[0][1].text!r}.",
                    suggestion=theirs[0][1].text
                    if len(theirs) == 1 and doc.id != ctx.docs[0].id
                    else None,
                    related=tuple(Span(d, t.start, t.end, t.text) for d, t in theirs),
                    confidence=0.8,
                )


def _agree(a: Mention, b: Mention) -> bool:
    """Return True if two date or weekday mentions can denote the same day."""
    if a.kind == "weekday":
        return bool(a.attrs["weekday"] == b.attrs["weekday"])
    return _date(a).agrees(_date(b))


def _date(m: Mention) -> DateRef:
    """Return the DateRef of a date mention."""
    return DateRef(m.start, m.end, m.attrs["year"], m.attrs["month"], m.attrs["day"])


@rule(
    "F103",
    Severity.ERROR,
    Category.INCONSISTENCY,
    fires=(
        "The talks opened in Geneva on Tuesday, January 10, 2022.",
        " date 2022-01-11\n\nThe talks opened on Friday, 10 January, in Geneva.",
    ),
    quiet=(
        "The talks opened in Geneva on Monday, January 10, 2022.",
        " date 2022-01-11\n\nThe talks opened on Monday in Geneva.",
        "On Friday he said the talks of January 10, 2022 went well.",
    ),
)
def weekday_contradicts_date(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A weekday that does not fall on the date given right next to it.

    "Tuesday, January 10, 2022" cannot be right: 10 January 2022 was a Monday. A date without
    a year takes the year of the dateline. A weekday on its own is never compared with the
    dateline ("on Monday" in an article dated Tuesday means the day before).
    Example: "Tuesday, January 10, 2022" -> "Monday"
    """
    mentions = ctx.mentions.get(doc.id, ())
    dates = [m for m in mentions if m.kind == "date" and m.attrs["day"] and m.attrs["month"]]
    for w in (m for m in mentions if m.kind == "weekday"):
        date = _adjacent_date(doc, w, dates)
        actual = _weekday_of(_date(date), doc.date) if date else None
        if date is None or actual is None or actual == w.attrs["weekday"]:
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


def _adjacent_date(doc: Document, weekday: Mention, dates: Sequence[Mention]) -> Mention | None:
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
