"""Numbers, dates and weekdays in running text, normalised so that equal values compare equal."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

from auditor.knowledge.lexicon import alternation, char_class, lexicon
from auditor.mentions.spans import SpanIndex

LEX = lexicon()
MONTHS = LEX.months
WEEKDAYS = LEX.weekdays
WORD_VALUES = LEX.number_values
SCALES = LEX.scales
UNITS = LEX.units
CURRENCIES = LEX.mapping("currency_signs")  # "€": "euro"
SIGN = char_class("".join(CURRENCIES))
MONTH_FORMS = (*MONTHS, *(m[:3] for m in MONTHS), *LEX.month_abbreviations)
MONTH = rf"(?:{alternation(MONTH_FORMS, capitalise=True)})\.?"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
# A day no month has, written where only a day stands: before a year or a range's other day
# ("July 40, 2004", "June 34-25") or after a month abbreviated with a full stop ("Dec. 37").
NO_DAY = rf"(?:3[2-9]|[4-9]\d)\b(?:(?=,?\s+{YEAR}\b|[-–]\d)|(?<=\.\s\d\d))"
MONTH_INITIALS = "".join(sorted({m[:1].upper() for m in MONTH_FORMS}))
# A date starts with a digit or a month's capital: the lookahead rejects other positions at once
# (twice as fast, as for NUMBER below).
DATE = re.compile(
    rf"(?=[\d{re.escape(MONTH_INITIALS)}])"
    rf"\b(?:(?P<m1>{MONTH})\s+(?P<d1>{DAY}\b|{NO_DAY})(?:,?\s+(?P<y1>{YEAR})\b)?"
    rf"|(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR})\b)?"
    rf"|(?P<m3>{MONTH})(?:,?\s+(?P<y3>{YEAR})\b)"
    rf"|(?P<m4>{MONTH})(?![\w-])"
    rf"|(?P<y4>{YEAR})(?![\w,.]\d|\s*(?:%|percent|per cent)))"
)
MAY_AFTER = re.compile(rf"\b(?:{alternation(LEX.word_set('month_markers'))})[\s-]$", re.I)
# A weekday name, whole. Each name is followed by its own test of the character before it: with
# `\b` first `re` tries every position, with a name first it skips at C speed to an M, T, W, F or
# S (4x faster).
WEEKDAY = re.compile("|".join(rf"{day}(?<!\w{day})\b" for day in map(str.capitalize, WEEKDAYS)))
NUMBER_WORD = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
WORD_INITIALS = "".join(sorted({w[:1].lower() for w in WORD_VALUES}))
# The lookahead rejects at once the positions where no number can start (twice as fast).
NUMBER = re.compile(
    rf"(?={SIGN}|\s?[\d{re.escape(WORD_INITIALS)}])"
    rf"(?P<cur>{SIGN})?\s?(?:(?<![\w.,])(?P<digits>\d{{1,3}}(?:[,\u00a0\u202f\u2009 ]\d{{3}})+"
    rf"|\d+)(?:\.(?P<frac>\d+))?(?![\d])"
    rf"|\b(?P<words>(?:{NUMBER_WORD})(?:[- ](?:{NUMBER_WORD}))?)\b)"
    rf"(?:[\s-]*(?P<scale>(?:{alternation(SCALES)})(?:(?<=[a-z]{{4}})s)?)\b)?"
    r"(?:[\s-]*(?P<unit>%|per ?cent|[A-Za-z]+))?",
    re.IGNORECASE,
)


def _by_initial(words: Iterable[str]) -> str:
    """Return an alternation of lower-case words, longest first, grouped behind a lookahead on
    their first letter: `re` tries a group's words only where its letter stands."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[:1], []).append(re.escape(word))
    return "|".join(f"(?={letter})(?:{'|'.join(found)})" for letter, found in groups.items())


NON_DIGIT = re.compile(r"\D")
WORD_GAP = re.compile(r"[- ]")  # between the words of "twenty-five" or "twenty five"
# A non-word character where a NUMBER may start (a sign, a space) or that one may follow (its
# digits follow no word character, its words start at a word boundary). `re` skips the word
# characters between them at C speed: NUMBER's lookahead, tried at every position, cost 3x more.
NUMBER_NEAR = re.compile(
    rf"\W(?:(?=[\d{re.escape(WORD_INITIALS)}])(?=\d|{_by_initial(WORD_VALUES)})|(?<={SIGN}))",
    re.IGNORECASE,
)


class Quantity(NamedTuple):
    """A number in the text with its value and unit (singular, lower case) if it has one (a
    named tuple: a fifth of a dataclass's construction cost, and a document has thousands)."""

    start: int
    end: int
    value: float
    unit: str | None


@dataclass(frozen=True, slots=True)
class DateRef:
    """A calendar date, possibly partial ("June", "June 2021", "10 January")."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None

    def agrees(self, other: DateRef) -> bool:
        """Return True unless a field given in both dates differs."""
        pairs = ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        return all(a is None or b is None or a == b for a, b in pairs)

    def weekday(self) -> int | None:
        """Return the weekday (Monday = 0) of a full date, if it is one."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day).weekday()
        except ValueError:
            return None


def month_number(text: str) -> int:
    """Return 1-12 for a month name or abbreviation."""
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(text.lower().rstrip(".")[:3]))


def find_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[DateRef]:
    """Yield the dates between `start` and `end`; "May" alone counts only after a word that
    dates ("in May", "mid-May", "last May"), else with a day or a year."""
    for m in DATE.finditer(text, start, len(text) if end is None else end):
        month = m["m1"] or m["m2"] or m["m3"] or m["m4"]
        if month and not month[0].isupper():  # "march", "may"
            continue
        if (
            m["m4"]
            and m["m4"].startswith("May")
            and not (
                MAY_AFTER.search(text, max(0, m.start() - 12), m.start())
                and text[m.end() : m.end() + 1] not in ("'", "’")  # "confidence in May's"
            )
        ):
            continue
        day = m["d1"] or m["d2"]
        year = m["y1"] or m["y2"] or m["y3"] or m["y4"]
        # A full stop after a whole month name ends the sentence ("in June."), not the date.
        whole = month is not None and month.rstrip(".").lower() in MONTHS
        stop = bool(whole and m.group().endswith("."))
        yield DateRef(
            m.start(),
            m.end() - stop,
            int(year) if year else None,
            month_number(month) if month else None,
            int(NON_DIGIT.sub("", day)) if day else None,
        )


def find_weekdays(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int, int]]:
    """Yield (start, end, weekday) for each weekday name, Monday = 0."""
    for m in WEEKDAY.finditer(text, start, len(text) if end is None else end):
        yield m.start(), m.end(), WEEKDAYS.index(m.group().lower())


def find_quantities(
    text: str, start: int = 0, end: int | None = None, skip: tuple[tuple[int, int], ...] = ()
) -> Iterator[Quantity]:
    """Yield numbers with their value and unit, outside the `skip` spans (dates)."""
    dates = SpanIndex(skip)
    for m in numbers(text, start, len(text) if end is None else end):
        if dates.covers(m.start("digits" if m["digits"] else "words")):
            continue
        q = _quantity(m)
        if q is not None:
            yield q


def numbers(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Yield the matches of `NUMBER.finditer(text, start, end)`, trying NUMBER only at `start`
    and at and after each character NUMBER_NEAR finds."""
    pos = start
    for near in chain((start - 1,), map(re.Match.start, NUMBER_NEAR.finditer(text, start, end))):
        for at in (near, near + 1):
            if at >= pos and (m := NUMBER.match(text, at, end)):
                pos = m.end()
                yield m


def _quantity(m: re.Match[str]) -> Quantity | None:
    """Turn a NUMBER match into a Quantity, or None for a lone ambiguous word like "one"."""
    groups = m.group("cur", "digits", "frac", "words", "scale", "unit")
    cur, digits, frac, words, scale_word, unit_word = groups
    word = (scale_word or "").lower()
    scale = SCALES.get(word) or SCALES.get(word[:-1], 1.0)  # "1.1 millions"
    if scale_word and word in ("k", "m") and not digits:
        return None
    unit = _unit(unit_word, cur)
    if digits:
        whole = digits if digits.isdecimal() else NON_DIGIT.sub("", digits)  # "1,200"
        value = float(whole + "." + (frac or "0"))
        first = m.start("cur") if cur else m.start("digits")
    else:
        word_value = _word_value(words)
        if word_value is None or (word_value <= 1 and not scale_word and unit is None):
            return None
        value = word_value
        first = m.start("words")
    last = (
        m.end("unit")
        if unit and unit_word
        else m.end("scale")
        if scale_word
        else m.end("digits" if digits else "words")
    )
    if frac and not scale_word and not (unit and unit_word):
        last = m.end("frac")
    return Quantity(first, last, value * scale, unit)


def _word_value(words: str) -> float | None:
    """Return the value of "eight", "twenty-five" or "twenty five"."""
    parts = WORD_GAP.split(words.lower())
    values = [WORD_VALUES.get(p) for p in parts]
    if any(v is None for v in values):
        return None
    if len(values) == 2 and not (values[0] or 0) >= 20 > (values[1] or 0) > 0:
        return None
    return float(sum(v for v in values if v is not None))


def _unit(word: str | None, currency: str | None) -> str | None:
    """Return the singular, lower-case unit named after a number, or the currency a sign
    stands for ("€": "euro")."""
    if currency:
        return CURRENCIES[currency]
    if not word:
        return None
    w = word.lower().replace(" ", "")
    if w in ("%", "percent"):
        return "percent"
    singular = w[:-1] if w.endswith("s") and w[:-1] in UNITS else w
    return singular if singular in UNITS else None


def same_value(a: float, b: float) -> bool:
    """Return True if two numbers are equal up to float rounding."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
