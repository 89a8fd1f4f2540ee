"""Proper-name words of a sentence and whether another sentence has a counterpart for each.

A name word is a capitalised word that is not capitalised merely by position (sentence start,
after a colon or an opening quotation mark), not part of a title-case headline, and not a
common English word (those are capitalised in names like "Province" or "Plan" but carry little
identity), or an acronym. A counterpart is the same word up to case, dots and possessives, an
inflection or derivation ("China" / "Chinese"), a spelling variant ("Zhengzhou" / "Zhenzhou"),
a compound ("China News" / "Chinanews"), or an acronym and its expansion ("PLA" / "People's
Liberation Army").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from auditor.knowledge.lexicon import lexicon

WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’.](?=[^\W\d_]))*")
LEX = lexicon()
JOINERS = LEX.word_set("name_joiners")
FUNCTION = LEX.word_set("name_function_words")
CALENDAR = LEX.calendar
LEGAL_FORMS = LEX.word_set("legal_forms")  # "Inc", "Corp": a kind of company, not a name
OPENERS = frozenset(LEX.quotes.openers + "([{:;—–-•*")
INITIAL_BEFORE = re.compile(r"(?<![^\W\d_])[A-Z]\.$")  # a middle initial right before a word
TITLE_CASE = 0.75  # share of capitalised words that makes a sentence a title-case headline
PREFIX = 4  # shared first letters that make two words one stem ("Chin-a" / "Chin-ese")
PREFIX_SHARE = 0.6  # ... as a share of the shorter word
SPELLING = 0.8  # difflib ratio of two words of 5+ letters that are spelling variants


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a text with its offsets."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """Return the word folded: lower case, no dots, no possessive."""
        return fold(self.text)

    @property
    def acronym(self) -> bool:
        """Return True if the word has two or more capitals ("PLA", "U.S", "CBEX's")."""
        return sum(c.isupper() for c in self.text) >= 2


def fold(word: str) -> str:
    """Return a word in lower case without dots and without a possessive ending."""
    word = re.sub(r"(?<=[A-Z])s$", "", re.sub(r"['’]s?$", "", word))
    return word.replace(".", "").lower()


def words(text: str, start: int, end: int) -> list[Word]:
    """Return the words of text[start:end] with their offsets."""
    return [Word(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, end)]


def name_words(text: str, start: int, end: int, common: frozenset[str]) -> list[Word]:
    """Return the proper-name words of the sentence text[start:end]."""
    toks = words(text, start, end)
    headline = _title_case(toks)
    return [
        w
        for w in toks
        if w.text[0].isupper()
        and w.key not in FUNCTION | CALENDAR
        and not _legal_form(text, w)
        and not _glued_to_digit(text, w)
        and not _initial(text, w)
        and (w.acronym or not (headline or _by_position(text, start, w) or w.key in common))
    ]


def _title_case(toks: Sequence[Word]) -> bool:
    """Return True if most content words are capitalised, as in a headline."""
    content = [w for w in toks if w.key not in JOINERS]
    return len(content) >= 3 and sum(w.text[0].isupper() for w in content) >= TITLE_CASE * len(
        content
    )


def _by_position(text: str, start: int, w: Word) -> bool:
    """Return True if the word is capitalised because of where it stands."""
    before = text[start : w.start].rstrip()
    if INITIAL_BEFORE.search(before):  # "Michael J. Gansas"
        return False
    return not before or before[-1] in OPENERS or before[-1] in ".!?"


def _legal_form(text: str, w: Word) -> bool:
    """Return True for a company's legal form ("Walgreen Co."), not a word part ("Co-operation")."""
    return w.key in LEGAL_FORMS and text[w.end : w.end + 1] != "-"


def _initial(text: str, w: Word) -> bool:
    """Return True for a middle initial ("John F. Kennedy"): one capital and a full stop."""
    return len(w.text) == 1 and text[w.end : w.end + 1] == "."


def _glued_to_digit(text: str, w: Word) -> bool:
    """Return True for a unit or a name glued to a number ("500Mbps", "COVID-19")."""
    before = text[w.start - 1] if w.start else " "
    after = text[w.end : w.end + 2]
    return before.isdigit() or (after[:1] == "-" and after[1:2].isdigit())


Aliases = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Counterpart:
    """The words of the other sentence, ready for matching."""

    keys: tuple[str, ...]
    acronyms: frozenset[str]
    expansions: frozenset[str]
    groups: frozenset[int]
    aliases: Aliases = ()

    @classmethod
    def of(cls, text: str, start: int, end: int, aliases: Aliases = ()) -> Counterpart:
        """Index the words of the sentence text[start:end]."""
        toks = words(text, start, end)
        acronyms = frozenset(w.key for w in toks if w.acronym or w.text.isupper())
        keys = tuple(w.key for w in toks)
        expansions = frozenset(initials(toks)) | frozenset(_lower_initials(keys))
        return cls(keys, acronyms, expansions, _groups(keys, acronyms, aliases), aliases)

    def has(self, word: Word) -> bool:
        """Return True if the word has a counterpart here."""
        key = word.key
        if word.acronym and key in self.expansions:
            return True
        if alias_index(self.aliases).get(key, frozenset()) & self.groups:
            return True
        return any(similar(key, k) for k in self.keys) or self._compound(key)

    def _compound(self, key: str) -> bool:
        """Return True if the word is part of a compound here or two words here make it."""
        if len(key) >= PREFIX and any(key in k for k in self.keys if len(k) > len(key)):
            return True
        pairs = (a + b for a, b in zip(self.keys, self.keys[1:], strict=False))
        return any(p == key or similar(key, p) for p in pairs)


def _groups(keys: Sequence[str], acronyms: frozenset[str], aliases: Aliases) -> frozenset[int]:
    """Return the alias groups with a spelling all of whose words occur among `keys`."""
    present = set(keys)
    return frozenset(
        i
        for i, group in enumerate(aliases)
        if any(all(_occurs(w, present, acronyms) for w in words(s, 0, len(s))) for s in group)
    )


def _occurs(word: Word, keys: set[str], acronyms: frozenset[str]) -> bool:
    """Return True if an alias word occurs: acronyms only as acronyms ("US", not "us")."""
    return word.key in (acronyms if word.text.isupper() else keys)


@lru_cache(maxsize=8)
def alias_index(aliases: Aliases) -> dict[str, frozenset[int]]:
    """Map each folded word of every spelling to the alias groups it belongs to."""
    index: dict[str, set[int]] = {}
    for i, group in enumerate(aliases):
        for spelling in group:
            for w in words(spelling, 0, len(spelling)):
                index.setdefault(w.key, set()).add(i)
    return {k: frozenset(v) for k, v in index.items()}


@lru_cache(maxsize=65536)
def similar(a: str, b: str) -> bool:
    """Return True if two folded words are one word, one stem, or spelling variants."""
    if a == b:
        return True
    shared = len(_common_prefix(a, b))
    if shared >= PREFIX and shared >= PREFIX_SHARE * min(len(a), len(b)):
        return True
    return min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= SPELLING


def _common_prefix(a: str, b: str) -> str:
    """Return the longest common prefix of two strings."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def _lower_initials(keys: Sequence[str]) -> Iterable[str]:
    """Yield the initials of every 3 to 5 consecutive words ("local area network": "lan")."""
    for i in range(len(keys)):
        for n in range(3, 6):
            if i + n <= len(keys):
                yield "".join(k[0] for k in keys[i : i + n])


def initials(toks: Sequence[Word]) -> Iterable[str]:
    """Yield the initials of every run of two or more capitalised words ("pla", "csrc")."""
    return (letters for letters, _ in _runs(toks))


def expanded(toks: Sequence[Word], acronyms: frozenset[str]) -> set[Word]:
    """Return the words of runs of capitalised words that spell one of `acronyms`."""
    return {w for letters, run in _runs(toks) if letters in acronyms for w in run}


def _runs(toks: Sequence[Word]) -> Iterable[tuple[str, list[Word]]]:
    """Yield (initials, words) for every run of two or more capitalised words."""
    for i, first in enumerate(toks):
        if not first.text[0].isupper() or first.key in JOINERS:
            continue
        run: list[Word] = []
        for w in toks[i : i + 8]:
            if w.key in JOINERS:
                continue
            if not w.text[0].isupper():
                break
            run.append(w)
            if len(run) >= 2:
                yield "".join(x.key[0] for x in run), list(run)


def unmatched(
    text: str,
    span: tuple[int, int],
    other: str,
    other_span: tuple[int, int],
    common: frozenset[str],
    aliases: Aliases = (),
) -> list[Word]:
    """Return the name words of text[span] with no counterpart in other[other_span]."""
    there = Counterpart.of(other, *other_span, aliases)
    spelled = expanded(words(text, *span), there.acronyms)
    return [w for w in name_words(text, *span, common) if w not in spelled and not there.has(w)]


def name_span(text: str, span: tuple[int, int], word: Word) -> tuple[int, int]:
    """Return the run of capitalised words (with joiners inside) around `word`."""
    toks = words(text, *span)
    i = toks.index(word)
    lo = hi = i
    while lo > 0 and _joined(text, toks[lo - 1], toks[lo]):
        lo -= 1
    while hi + 1 < len(toks) and _joined(text, toks[hi], toks[hi + 1]):
        hi += 1
    while lo < i and toks[lo].key in JOINERS:
        lo += 1
    while hi > i and toks[hi].key in JOINERS:
        hi -= 1
    return toks[lo].start, toks[hi].end


def _namey(w: Word) -> bool:
    """Return True if a word can stand inside a name (capitalised, or a joiner like "of")."""
    return (w.text[0].isupper() and w.key not in CALENDAR) or w.key in JOINERS


def _joined(text: str, a: Word, b: Word) -> bool:
    """Return True if two neighbouring words belong to one name."""
    gap = text[a.end : b.start]
    capital = _namey(a) and _namey(b)
    spaced = gap == " " or (gap == ". " and _initial(text, a))  # "John F. Kennedy"
    return ((capital and spaced) or gap == "-") and not (a.key in JOINERS and b.key in JOINERS)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Return common English words (the Dale-Chall list textstat ships), in lower case."""
    from textstat.backend.utils import get_lang_easy_words

    return frozenset(w.lower() for w in get_lang_easy_words("en"))
