"""When an article was published: the date line, dateline or time stamp at its top.

A date there says when the article appeared, not when anything happened, so it is never
compared across sources. Three forms, on the first lines of the body only:

- a date line: a line holding a date and little else ("Friday, June 7, 2013",
  "AUGUST 2, 2013 | 08:06AM PT", "Mumbai, Nov 11 -");
- a stamp: a date right after "posted", "updated" or "published" ("... at WWDC posted Jun 11th,
  2012 at 1:23 PM", "posted at 10:04 am on May 14, 2013"), or followed by a clock time on a
  short line;
- a dateline: a date opening its line after at most a place name, closed by a dash, a bar, a
  colon or a bracket ("LOS ANGELES, July 21 (Reuters) - The quake ...").

A date inside a normal sentence at the top ("In March, the president will visit Berlin") is an
event date like any other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from auditor.align.similarity import CALENDAR, WORD
from auditor.knowledge.lexicon import alternation, lexicon
from auditor.model import DateMention, Document, Mention
from auditor.read.lines import line_end

TOP_LINES = 3  # date lines, datelines and stamps sit on the first non-empty lines of the body
MAX_OTHER_WORDS = 4  # words besides dates, times and stamp words on a date line
MAX_STAMP_LINE = 15  # words on a line whose date followed by a clock time is a time stamp
STAMP_WORDS = lexicon().word_set("stamp_words")
WEEKDAY = rf"(?:{alternation(lexicon().weekdays)}|{alternation(w[:3] for w in lexicon().weekdays)})"
CLOCK = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b\.?)?"
STAMP_BEFORE = re.compile(
    rf"\b(?:posted|updated|published)\W{{0,3}}(?:at\s+{CLOCK}\s+)?(?:(?:on|at)\s+)?"
    rf"(?:{WEEKDAY}\W{{1,3}})?[\d/.-]*\Z",
    re.I,
)
DATELINE_BEFORE = re.compile(r"\A\W*(?:[A-Z][\w.'’-]*,?\s+){0,3}[\d/.-]*\Z")
DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:[-–—|:)]|\Z)")
CLOCK_AFTER = re.compile(rf",?\s*(?:@|at\b)?\s*{CLOCK}", re.I)


def publication_spans(doc: Document, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Return the spans of the publication date lines, stamps and datelines of a document."""
    out: list[tuple[int, int]] = []
    lines = _top_lines(doc)
    if not lines:
        return out
    top = [m for m in mentions if lines[0][0] <= m.start < lines[-1][1]]
    for start, end in lines:
        line = doc.text[start:end]
        dates = [m for m in top if isinstance(m, DateMention) and start <= m.start < end]
        if dates and _date_line(line, dates, start):
            out.append((start, end))
            continue
        out += [
            (start + s, m.end) for m in dates if (s := _stamp_start(line, m, start)) is not None
        ]
    return out


def is_published(spans: Sequence[tuple[int, int]], m: Mention) -> bool:
    """Return True if a mention lies in one of the publication spans (weekdays included)."""
    return bool(spans) and any(start <= m.start < end for start, end in spans)


def _top_lines(doc: Document) -> list[tuple[int, int]]:
    """Return the spans of the first non-empty lines of the body."""
    out: list[tuple[int, int]] = []
    pos = doc.body_start
    while pos < len(doc.text) and len(out) < TOP_LINES:
        end = line_end(doc.text, pos)
        if doc.text[pos:end].strip():
            out.append((pos, end))
        pos = end + (2 if doc.text.startswith("\r\n", end) else 1)
    return out


def _date_line(line: str, dates: Sequence[DateMention], pos: int) -> bool:
    """Return True if a line holds a date with a year or a day and few other words."""
    if not any(m.year or m.day for m in dates):
        return False
    rest = line
    for m in sorted(dates, key=lambda m: -m.start):
        rest = rest[: m.start - pos] + rest[m.end - pos :]
    other = [
        w
        for w in WORD.findall(rest)
        if not w.isdigit() and w.lower().rstrip(".") not in STAMP_WORDS | CALENDAR
    ]
    return len(other) <= MAX_OTHER_WORDS


def _stamp_start(line: str, m: DateMention, pos: int) -> int | None:
    """Return where the stamp or dateline of date `m` starts in its line, or None."""
    before, after = line[: m.start - pos], line[m.end - pos :]
    stamp = STAMP_BEFORE.search(before)
    if stamp is not None:
        return stamp.start()
    if DATELINE_BEFORE.match(before) and DATELINE_AFTER.match(after):
        return 0
    clocked = CLOCK_AFTER.match(after) and len(WORD.findall(line)) <= MAX_STAMP_LINE
    return _weekday_start(before) if clocked and (m.year or m.day) else None


def _weekday_start(before: str) -> int:
    """Return where a weekday just before a date starts ("Tuesday, 16 December"), else its end."""
    found = re.search(rf"\b{WEEKDAY}\W{{1,3}}\Z", before, re.I)
    return found.start() if found else len(before)


def publication_date(doc: Document, mentions: Sequence[Mention]) -> dt.date | None:
    """Return the date an article was published: its stated date, else the one at its top."""
    if doc.date:
        return dt.date.fromisoformat(doc.date)
    spans = publication_spans(doc, mentions)
    for m in mentions:
        if isinstance(m, DateMention) and m.day and is_published(spans, m):
            try:
                return dt.date(m.year or 0, m.month or 0, m.day)
            except ValueError:
                return None
    return None
