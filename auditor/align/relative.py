"""Relative days: "yesterday", "today", "tomorrow", "tonight", "last night", resolved.

Such a word dates its happening against the article's own publication date (see
`published`): "yesterday" in an article published on Tuesday 23 July 2013 is Monday 22 July.
Resolved, it is a date like any other and links with the other source's date or weekday of the
same happening. Left out, because they do not date the article's day: words inside a quotation
(said on another day, perhaps), "today's" or "tomorrow's" ("today's economy"), and a capitalised
word that does not open its sentence (a name: "USA Today", "World News Tonight"), and a word
next to a date or weekday that states its day ("yesterday (July 21st)", "today Thursday"): the
stated day is compared instead.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate

from auditor.model import DateMention, Document, Mention, QuoteMention, WeekdayMention

OPENERS = frozenset(".!?:;\n\"“‘'(")  # what may stand before a capitalised relative word
NEXT_TO = 12  # characters between a relative day and the date or weekday that states it
OFFSETS = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}
RELATIVE = re.compile(r"\b(yesterday|last\s+night|today|tonight|tomorrow)\b(?!['’]s)", re.I)


def relative_days(
    doc: Document, mentions: Sequence[Mention], issued: dt.date | None
) -> list[DateMention]:
    """Return the relative days of a document's body as dates resolved against `issued`."""
    if issued is None or issued.year < dt.MINYEAR + 1:
        return []
    quotes = _spans(m for m in mentions if isinstance(m, QuoteMention))
    days = _spans(m for m in mentions if isinstance(m, DateMention | WeekdayMention))
    out: list[DateMention] = []
    for found in RELATIVE.finditer(doc.text, doc.body_start):
        start, end = found.span()
        if _last_reaches(quotes, start, start) or _named(doc.text, start):
            continue
        if _last_reaches(days, end + NEXT_TO, start - NEXT_TO - 1):
            continue
        word = " ".join(found.group(1).lower().split())
        day = issued + dt.timedelta(days=OFFSETS[word])
        out.append(DateMention(start, end, found.group(), day.isoformat(), *_ymd(day)))
    return out


def _spans(found: Iterable[Mention]) -> tuple[list[int], list[int]]:
    """Return the starts and the running furthest ends of mentions sorted by start."""
    spans = sorted((m.start, m.end) for m in found)
    return [a for a, _ in spans], list(accumulate((b for _, b in spans), max, initial=0))[1:]


def _last_reaches(spans: tuple[list[int], list[int]], upto: int, pos: int) -> bool:
    """Return True if a mention starting at or before `upto` ends after `pos`."""
    starts, reach = spans
    i = bisect_right(starts, upto)
    return i > 0 and reach[i - 1] > pos


def _ymd(day: dt.date) -> tuple[int, int, int]:
    """Return the year, month and day of a date."""
    return day.year, day.month, day.day


def _named(text: str, start: int) -> bool:
    """Return True if a capitalised word stands inside a sentence, as part of a name."""
    before = text[max(0, start - 4) : start].rstrip(" \t")
    return text[start].isupper() and bool(before) and before[-1] not in OPENERS


def is_relative(m: Mention) -> bool:
    """Return True for a date resolved from a relative day ("yesterday")."""
    return isinstance(m, DateMention) and RELATIVE.fullmatch(m.text) is not None
