"""A small word-pattern syntax for calques and glossary variants, compiled to regexes.

Syntax (one pattern per entry; matching ignores case unless asked otherwise):

- words separated by spaces match whole words separated by any whitespace;
- `a|b|c` matches any of the alternatives for one word;
- a trailing `?` makes a word optional (not the first word);
- a trailing `+` also matches regular inflections (`report+`: reports, reported, reporting);
- `#` matches a number in digits or words (`three`, `several`); `_` matches any one word;
- a last word `!a|b` means: not followed by `a` or `b` (`make sport !of`);
- `[` and `]` around words mark the part that is flagged and replaced (default: all of it);
- a pattern that starts with `re:` is a regular expression; a group named `flag` marks the
  part that is flagged. In user glossaries it runs on RE2 (google-re2), which matches in
  linear time and so has no lookarounds or backreferences; built-in files use Python's `re`.

A suggestion with `|` alternatives maps one-to-one onto the alternatives of a single bracketed
word: `[make|made] a photo` with suggestion `take|took` turns "made a photo" into "took".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Protocol, cast

from auditor.knowledge.lexicon import alternation, lexicon

LEX = lexicon()
NUMBER_WORDS = r"\d[\d,.]*|" + alternation((*LEX.number_values, *LEX.indefinite_counts))
WORD_EDGE_BEFORE = r"(?<![\w-])"
WORD_EDGE_AFTER = r"(?![\w-])"
# A lead shorter than this is found too often inside other words to be worth looking for.
LEAD_LENGTH = 5
NON_ASCII = re.compile(r"[^\x00-\x7f]+")


class PatternError(ValueError):
    """A pattern that cannot be compiled; the message says why."""


@dataclass(frozen=True)
class Match:
    """Where a pattern matched and what replaces the flagged part."""

    start: int
    end: int
    suggestion: str | None


@dataclass(frozen=True)
class WordPattern:
    """A pattern with its suggestion alternatives; a word pattern's regexes compile on first use.

    A run reads many patterns (the calques, a glossary) and finds few of them: a word pattern
    keeps its regex's source and compiles only the regexes its searches need.
    """

    source: str
    flagged: tuple[str, ...]
    suggestions: tuple[str, ...]
    # A `re:` pattern's compiled expression; a word pattern has None and the parts below.
    expression: Regex | None = None
    # A word pattern's regex without its word edges, its flags, and the lower-case words' regex
    # of a case-blind ASCII pattern (None otherwise).
    body: str = ""
    flags: int = 0
    lower_body: str | None = None
    # What every match of `lower_scout` starts with, when long enough to be found by `str.find`
    # (several times faster than `re`'s search for a literal prefix).
    lead: str = ""

    @cached_property
    def regex(self) -> Regex:
        """Return the compiled expression, or the word pattern's regex between word edges."""
        return self.expression if self.expression is not None else self._edged

    @cached_property
    def _edged(self) -> re.Pattern[str]:
        """Return a word pattern's regex between word edges."""
        return re.compile(WORD_EDGE_BEFORE + self.body + WORD_EDGE_AFTER, self.flags)

    @cached_property
    def scout(self) -> re.Pattern[str]:
        """Return a word pattern's regex without its leading word-edge lookbehind.

        Python's `re` would test the lookbehind at every position: the scout finds the
        candidates fast, and `regex` confirms each in place.
        """
        return re.compile(self.body, self.flags)

    @cached_property
    def lower_scout(self) -> re.Pattern[str] | None:
        """Return the scout of a case-blind ASCII pattern, of lower-case words, case-sensitive.

        Searched in the lower-cased text it finds the same positions ten times faster (`re`
        searches a case-sensitive literal by its prefix and a case-blind one character by
        character).
        """
        return re.compile(self.lower_body) if self.lower_body is not None else None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Return the matches in text[start:end] with their suggestions."""
        stop = len(text) if end is None else end
        out = []
        for m in self._found(text, start, stop):
            flag = self.regex.groupindex.get("flag")
            s, e = m.span(flag) if flag is not None and m.group(flag) else m.span()
            if e > s:
                out.append(Match(s, e, self._suggest(text[s:e])))
        return out

    def _found(self, text: str, start: int, stop: int) -> Iterator[Any]:
        """Yield the regex's matches in text[start:stop], as `finditer` would."""
        if self.expression is not None:
            yield from self.expression.finditer(text, start, stop)
            return
        lowered = lower_cased(text) if self.lower_body is not None else None
        if lowered is not None and self.lower_scout is not None:
            scout, scouted = self.lower_scout, lowered
        else:
            scout, scouted = self.scout, text
        while (at := self._next(scout, scouted, start, stop)) >= 0:
            m = self._edged.match(text, at, stop)
            if m is None:
                start = at + 1
                continue
            yield m
            start = m.end() if m.end() > m.start() else m.end() + 1

    def _next(self, scout: re.Pattern[str], scouted: str, start: int, stop: int) -> int:
        """Return where `scout` first matches in scouted[start:stop] (-1 if nowhere).

        In the lower-cased text the scout is tried only where its lead is found.
        """
        if not (self.lead and scout is self.lower_scout):
            found = scout.search(scouted, start, stop)
            return found.start() if found else -1
        at = scouted.find(self.lead, start, stop)
        while at >= 0 and not scout.match(scouted, at, stop):
            at = scouted.find(self.lead, at + 1, stop)
        return at

    def _suggest(self, found: str) -> str | None:
        """Return the replacement for the flagged text, keeping an initial capital."""
        if not self.suggestions:
            return None
        if len(self.suggestions) == 1:
            choice = self.suggestions[0]
        else:
            key = " ".join(found.casefold().split())
            if key not in self.flagged:
                return None
            choice = self.suggestions[self.flagged.index(key)]
        return choice[:1].upper() + choice[1:] if found[:1].isupper() else choice


class Regex(Protocol):
    """What a pattern needs of a compiled regular expression (Python's `re` or RE2)."""

    @property
    def groupindex(self) -> Mapping[str, int]:
        """Map group names to numbers."""

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[Any]:
        """Yield the matches in text[pos:endpos]."""


def compile_pattern(
    pattern: str, suggestion: str = "", *, ignore_case: bool = True, trusted: bool = False
) -> WordPattern:
    """Compile a pattern and its suggestion; raise PatternError when malformed.

    A `re:` pattern from a user file (not `trusted`) is compiled with RE2 (linear time).
    """
    flags = re.IGNORECASE if ignore_case else 0
    suggestions = tuple(s.strip() for s in suggestion.split("|")) if suggestion.strip() else ()
    if pattern.startswith("re:"):
        compiler = _compile_python if trusted else _compile_re2
        return WordPattern(pattern, (), suggestions, compiler(pattern[3:], ignore_case))
    words = pattern.split()
    if not words:
        raise PatternError("empty pattern")
    body, flagged = _translate(words)
    if len(suggestions) > 1 and len(suggestions) != len(flagged):
        raise PatternError(
            f"{len(suggestions)} suggestion alternatives for {len(flagged)} flagged alternatives"
        )
    plain = ignore_case and pattern.isascii()
    lower = _translate([w.lower() for w in pattern.split()])[0] if plain else None
    lead = _lead(pattern.split()[0].lower()) if plain else ""
    return WordPattern(pattern, flagged, suggestions, None, body, flags, lower, lead)


@lru_cache(maxsize=1)
def lower_cased(text: str) -> str | None:
    """Return the text in lower case if case-blind matching of ASCII words in it is plain
    matching in that.

    Not when a character's lower case is longer ("İ") or when `re` matches it case-blind with an
    ASCII letter its lower case is not ("ı" with "i", "ſ" with "s"); "µ" or "K" are fine. Only
    characters outside ASCII can be either.
    """
    for char in set("".join(NON_ASCII.findall(text))):
        low, up = char.lower(), char.upper()
        if len(low) != 1 or (not low.isascii() and len(up) == 1 and up.isascii()):
            return None
    return text.lower()


def _compile_python(expression: str, ignore_case: bool) -> Regex:
    """Compile a trusted regular expression with Python's `re`."""
    try:
        return re.compile(expression, re.IGNORECASE if ignore_case else 0)
    except re.error as exc:
        raise PatternError(f"bad regular expression: {exc}") from None


def _compile_re2(expression: str, ignore_case: bool) -> Regex:
    """Compile a user's regular expression with RE2, which matches in linear time."""
    import re2

    options = re2.Options()
    options.case_sensitive = not ignore_case
    options.log_errors = False
    try:
        return cast(Regex, re2.compile(expression, options))
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc
        raise PatternError(
            f"not a regular expression RE2 can run in linear time ({reason}; "
            "lookarounds and backreferences are not supported)"
        ) from None


def _translate(words: list[str]) -> tuple[str, tuple[str, ...]]:
    """Return the regex of a word pattern and the alternatives of a single flagged word."""
    opens = [i for i, w in enumerate(words) if w.startswith("[")]
    closes = [i for i, w in enumerate(words) if w.endswith("]")]
    if len(opens) > 1 or len(opens) != len(closes) or (opens and opens[0] > closes[0]):
        raise PatternError("brackets must mark one run of words: [like this]")
    first, last = (opens[0], closes[0]) if opens else (-1, -1)
    tail = _not_followed(words.pop()) if words[-1].startswith("!") and len(words) > 1 else ""
    parts = []
    for i, raw in enumerate(words):
        core = raw.strip("[]")
        optional = core.endswith("?")
        if not core.rstrip("?"):
            raise PatternError(f"empty word in {' '.join(words)!r}")
        if optional and (i == 0 or i in (first, last)):
            raise PatternError("the first word and the ends of [brackets] cannot be optional")
        open_, close = ("(?P<flag>" if i == first else ""), (")" if i == last else "")
        piece = (r"\s+" if i else "") + open_ + _word(core.rstrip("?")) + close
        parts.append(f"(?:{piece})?" if optional else piece)
    flagged = _alternatives([w.strip("[]") for w in words[first : last + 1]]) if opens else ()
    return "".join(parts) + tail, flagged


def _lead(first: str) -> str:
    """Return the start that all forms of a pattern's first word share, if long enough.

    The forms are cut at their first apostrophe (which matches both ' and ’).
    """
    core = first.strip("[]")
    if core == "#" or core == "_":
        return ""
    forms = [f.split("'")[0] for a in core.split("|") for f in _forms(a)]
    lead = forms[0]
    while not all(f.startswith(lead) for f in forms):
        lead = lead[:-1]
    return lead if len(lead) >= LEAD_LENGTH else ""


def _forms(alternative: str) -> tuple[str, ...]:
    """Return the texts one alternative of a pattern word matches (`report+`: its inflections)."""
    return _inflections(alternative[:-1]) if alternative.endswith("+") else (alternative,)


def _not_followed(word: str) -> str:
    """Return a lookahead that refuses the alternatives of `!a|b` as the next word."""
    return rf"(?!\s+{_word(word[1:])}{WORD_EDGE_AFTER})"


def _word(core: str) -> str:
    """Return the regex for one pattern word."""
    if core == "#":
        return f"(?:{NUMBER_WORDS})"
    if core == "_":
        return r"[\w'’-]+"
    alts = core.split("|")
    if any(not a for a in alts):
        raise PatternError(f"empty alternative in {core!r}")
    forms = [f for a in alts for f in _forms(a)]
    return "(?:" + "|".join(re.escape(f).replace(r"\'", "['’]") for f in forms) + ")"


def _alternatives(run: list[str]) -> tuple[str, ...]:
    """Return the lower-case texts a bracketed run can match, when one word varies."""
    choices = [w.casefold().split("|") for w in run]
    varying = [i for i, c in enumerate(choices) if len(c) > 1]
    if len(varying) != 1:
        return (" ".join(run).casefold(),) if not varying else ()
    i = varying[0]
    return tuple(" ".join([*run[:i], alt, *run[i + 1 :]]).casefold() for alt in choices[i])


def _inflections(word: str) -> tuple[str, ...]:
    """Return a word with its regular -s, -ed and -ing forms (over-generation is harmless)."""
    stem = word[:-1] if word.endswith("e") else word
    forms = {word, word + "s", word + "es", stem + "ed", stem + "ing", word + "d"}
    if word.endswith("y") and len(word) > 2:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    return tuple(sorted(forms, key=len, reverse=True))
