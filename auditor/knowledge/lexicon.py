"""The one English lexicon: closed word lists and the word pattern, loaded once from a data file."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

LEXICON_FILE = Path(__file__).with_name("lexicon.toml")

# A word: letters or digits, with inner hyphens, apostrophes and dots ("U.S.", "don't", "G-20").
WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
# A word or a single punctuation mark.
TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class QuoteMarks:
    """The quotation marks of English text and of texts translated into it."""

    open_double: str
    close_double: str
    straight_double: str
    low_double: str
    guillemets: str
    open_single: str
    close_single: str
    straight_single: str

    @property
    def english_double(self) -> str:
        """Return the double marks of English: curly opening and closing, and straight."""
        return self.open_double + self.close_double + self.straight_double

    @property
    def double(self) -> str:
        """Return every double quotation mark, guillemets and the low mark included."""
        return self.english_double + self.low_double + self.guillemets

    @property
    def curly_single(self) -> str:
        """Return the curly single marks (the closing one is also the apostrophe)."""
        return self.open_single + self.close_single

    @property
    def closers(self) -> str:
        """Return the marks that can close a quotation (English typography)."""
        marks = (self.straight_double, self.close_double, self.close_single, self.straight_single)
        return "".join(marks)

    @property
    def openers(self) -> str:
        """Return the marks that can open a quotation."""
        marks = (self.straight_double, self.open_double, self.open_single, self.straight_single)
        return "".join(marks) + self.guillemets[:1]


@dataclass(frozen=True)
class Lexicon:
    """English closed lists, as read from `lexicon.toml`."""

    speech_verbs: tuple[str, ...]
    third_person: tuple[str, ...]
    first_person: tuple[str, ...]
    first_person_lead: tuple[str, ...]
    months: tuple[str, ...]
    month_abbreviations: tuple[str, ...]
    weekdays: tuple[str, ...]
    small_numbers: tuple[str, ...]
    tens: tuple[str, ...]
    indefinite_counts: tuple[str, ...]
    units: frozenset[str]
    scales: Mapping[str, float]
    quotes: QuoteMarks
    words: Mapping[str, tuple[str, ...]]

    @property
    def calendar(self) -> frozenset[str]:
        """Return the month and weekday names, lower case."""
        return frozenset(self.months + self.weekdays)

    @property
    def number_values(self) -> dict[str, int]:
        """Return the value of each number word ("seven": 7, "forty": 40)."""
        small = {w: i for i, w in enumerate(self.small_numbers)}
        return small | {w: 20 + 10 * i for i, w in enumerate(self.tens)}

    def word_set(self, name: str) -> frozenset[str]:
        """Return the named list of the `[words]` table as a set."""
        return frozenset(self.words[name])

    def mapping(self, name: str) -> dict[str, str]:
        """Return the named list of `form=base` entries of the `[words]` table as a dict."""
        return dict(entry.partition("=")[::2] for entry in self.words[name])


@cache
def lexicon() -> Lexicon:
    """Load the lexicon once per process."""
    with LEXICON_FILE.open("rb") as f:
        data = tomllib.load(f)
    speech, calendar, numbers = data["speech"], data["calendar"], data["numbers"]
    return Lexicon(
        speech_verbs=_split(speech["verbs"]),
        third_person=_split(speech["third_person"]),
        first_person=_split(speech["first_person"]),
        first_person_lead=_split(speech["first_person_lead"]),
        months=_split(calendar["months"]),
        month_abbreviations=_split(calendar["month_abbreviations"]),
        weekdays=_split(calendar["weekdays"]),
        small_numbers=_split(numbers["small"]),
        tens=_split(numbers["tens"]),
        indefinite_counts=tuple(numbers["indefinite"]),
        units=frozenset(_split(numbers["units"])),
        scales={k: float(v) for k, v in numbers["scales"].items()},
        quotes=QuoteMarks(**data["quotation_marks"]),
        words={k: _split(v) for k, v in data["words"].items()},
    )


def _split(value: Any) -> tuple[str, ...]:
    """Return the words of a whitespace-separated list."""
    return tuple(str(value).split())


def alternation(words: Iterable[str], *, capitalise: bool = False) -> str:
    """Return a regex alternation of `words`, longest first; spaces match any whitespace."""
    forms = (w[:1].upper() + w[1:] if capitalise else w for w in words)
    ordered = sorted(dict.fromkeys(forms), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def either_case(words: Iterable[str]) -> str:
    """Return a regex alternation matching each word as written or with a capital first letter."""
    return "|".join(
        f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" if w[0].islower() else re.escape(w)
        for w in sorted(dict.fromkeys(words), key=len, reverse=True)
    )


def char_class(chars: str) -> str:
    """Return a regex character class of `chars`."""
    return "[" + "".join(re.escape(c) for c in chars) + "]"
