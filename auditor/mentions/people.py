"""People and their official titles: "Deputy Secretary of State Maria Lopez", "Lopez, the
deputy secretary", and later bare surnames that refer back to a titled person."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, compress
from typing import NamedTuple, overload

from auditor.knowledge.lexicon import lexicon
from auditor.knowledge.titles import TitleBook, fold_title
from auditor.mentions.spans import SpanIndex
from auditor.model import Mention, PersonMention, TitleMention

# A word's letters are taken possessively (`*+`): nothing after them could match a letter given
# back (a tenth faster).
WORD = r"[A-Z]\.(?=\s)|[^\W\d_][\w'’]*+(?:-[^\W\d_][\w'’]*+)*+"
TOKEN = re.compile(rf"{WORD}|\d+|\S")
TOKEN_GAP = re.compile(rf"(?:{WORD}|\d+|\S)\s*")  # a TOKEN and the spaces after it
NON_SPACE = re.compile(r"\S")
WORD_TOKEN = re.compile(WORD)  # the word tokens of TOKEN (not numbers or punctuation)
# A capitalised word of two letters or more ("Al", "Xi", "Quintero") or an initial ("J.").
NAME_WORD = re.compile(r"(?:Mc|Mac|O’|O'|D'|d’|al-|el-)?[A-Z][a-zà-ÿ’'-]*[a-zà-ÿ]\Z|[A-Z]\.\Z")
LEX = lexicon()
# Two-letter words that are never a name: "In", "He", "By", honorifics ("Mr", "Dr").
SHORT_WORDS = {
    w for w in LEX.word_set("stopwords") | LEX.word_set("name_function_words") if len(w) == 2
}
NOT_NAMES = frozenset(
    w[:1].upper() + w[1:] for w in LEX.word_set("not_person_names") | LEX.calendar | SHORT_WORDS
)
CONNECTORS = LEX.word_set("title_connectors")
ABBREVIATIONS = LEX.word_set("abbreviations")  # "Dr.", "Sen." between a title and the name
NOT_ROLE = LEX.word_set("stopwords") | frozenset(LEX.number_values)  # "and two directors"
DOMAIN_WORDS = LEX.word_set("title_domain_words") | {","}


class Token(NamedTuple):
    """A word or punctuation mark with its span (a named tuple: a quarter of a dataclass's
    construction cost, and a long document has hundreds of thousands of them)."""

    start: int
    end: int
    text: str


class Tokens(Sequence[Token]):
    """The tokens of a text kept as strings with their start offsets; a Token is built when read.

    A document has hundreds of thousands of tokens and the people finder reads a few of them:
    `TOKEN_GAP.findall` and the offsets summed from the lengths cost a third of building a Token
    for each of `TOKEN`'s matches (a million of them hold 130 MB).
    """

    def __init__(self, text: str, start: int, end: int) -> None:
        found = NON_SPACE.search(text, start, end)
        first = found.start() if found else end
        self._pieces: list[str] = TOKEN_GAP.findall(text, first, end)  # with the spaces after
        self._starts = list(accumulate(map(len, self._pieces), initial=first))
        self._distinct = set(self._pieces)

    def __len__(self) -> int:
        return len(self._pieces)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        word = self._pieces[i].rstrip()
        start = self._starts[i]
        return Token(start, start + len(word), word)

    def word(self, i: int) -> str:
        """Return the word of token i."""
        return self._pieces[i].rstrip()

    def flags(self, test: Callable[[str], bool]) -> list[bool]:
        """Return whether each token's word passes `test`, judging each distinct word once."""
        passing = {p for p in self._distinct if test(p.rstrip())}
        return list(map(passing.__contains__, self._pieces))


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """Return the key that links mentions of one person: the folded surname."""
    last = name.replace("’s", "").replace("'s", "").split()[-1]
    folded = unicodedata.normalize("NFKD", last).encode("ascii", "ignore").decode()
    return folded.lower()


def is_name_word(token: Token) -> bool:
    """Return True for a capitalised word or initial that can be part of a person's name."""
    return name_word(token.text)


@lru_cache(maxsize=65536)
def name_word(word: str) -> bool:
    """Return True for a capitalised word or initial that can be part of a person's name."""
    return bool(NAME_WORD.match(word)) and word.rstrip(".") not in NOT_NAMES


def _next_true(flags: list[bool], start: int) -> int:
    """Return the index of the first True in flags[start:], or len(flags) if there is none."""
    try:
        return flags.index(True, start)
    except ValueError:
        return len(flags)


def _title_word(word: str, words: frozenset[str]) -> bool:
    """Return True for a token all of whose title words are among `words`."""
    folded = title_words(word)
    return bool(folded) and words.issuperset(folded)


def title_runs(toks: Tokens, book: TitleBook) -> Iterator[tuple[int, int]]:
    """Yield (first, last+1) token indexes of maximal runs of title words ending in a head."""
    words = book.words  # a union of two sets, built by each call
    known = toks.flags(lambda w: _title_word(w, words))
    i = 0
    while (i := _next_true(known, i)) < len(known):  # a run starts at a title word
        j = i
        while j < len(known) and known[j]:
            j += 1
        while j > i and title_words(toks.word(j - 1))[-1] not in book.heads:
            j -= 1
        if j > i:
            yield i, j
            i = j
        else:
            i += 1


@lru_cache(maxsize=65536)
def title_words(word: str) -> tuple[str, ...]:
    """Return the folded words of a token read as part of a title (none unless it is a word)."""
    return tuple(fold_title(word).split()) if word[:1].isalpha() else ()


def _name_after(toks: Sequence[Token], j: int, text: str) -> tuple[int, int, int] | None:
    """Return (domain_end, name_first, name_end) token indexes of a name after a title."""
    k = j
    if k < len(toks) and toks[k].text in CONNECTORS:
        k += 1
        while k < len(toks) and (
            is_name_word(toks[k]) or toks[k].text in DOMAIN_WORDS or toks[k].text in NOT_NAMES
        ):
            k += 1
        run = _trailing_names(toks, j + 1, k)
        if run is None or run[0] <= j + 1:
            return None
        return run[0], run[0], run[1]
    first = k = j + 2 if _honorific(toks, j) else j
    while k < len(toks) and k - first < 4 and is_name_word(toks[k]) and _adjacent(toks, k, text):
        k += 1
    return (j, first, k) if k > first else None


def _honorific(toks: Sequence[Token], k: int) -> bool:
    """Return True if tokens k and k+1 are an abbreviated honorific ("Dr.", "Sen.")."""
    return (
        k + 1 < len(toks)
        and toks[k].text[:1].isupper()
        and toks[k].text.lower() in ABBREVIATIONS
        and toks[k + 1].text == "."
    )


def _role_word(token: Token) -> bool:
    """Return True for a word of a role before a name ("chief", "executive", "CEO")."""
    word = token.text
    return word[:1].isalpha() and not is_name_word(token) and word.lower() not in NOT_ROLE


def _name_after_role(toks: Sequence[Token], j: int, text: str) -> tuple[int, int] | None:
    """Return the token range of a full name after a second role joined by "and"
    ("chairman and chief executive officer Gary Costley", "president and CEO Ann Lee")."""
    if j >= len(toks) or toks[j].text != "and":
        return None
    k = j + 1
    while k - j <= 4 and k < len(toks) and _role_word(toks[k]):
        k += 1
    after = _name_after(toks, k, text) if k - j > 1 else None
    return (after[1], after[2]) if after is not None and after[2] - after[1] >= 2 else None


def _adjacent(toks: Sequence[Token], k: int, text: str) -> bool:
    """Return True if token k follows token k-1 after whitespace only."""
    return not text[toks[k - 1].end : toks[k].start].strip()


def _trailing_names(toks: Sequence[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """Return the last two (three with an initial) name words of the run toks[lo:hi]."""
    end = hi
    while end > lo and not is_name_word(toks[end - 1]):
        end -= 1
    start = end
    while start > lo and is_name_word(toks[start - 1]) and end - start < 3:
        start -= 1
    if end - start == 3 and not toks[start + 1].text.endswith("."):
        start += 1
    if end - start < 1 or (end - start == 1 and end - lo < 2):
        return None
    if start == lo:
        start += 1
    return (start, end) if start < end else None


def _name_before(toks: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Return (first, end) token indexes of a name followed by ", (the) (Adj)" before index i."""
    k = i - 1
    while (
        k >= 0
        and i - k <= 3
        and toks[k].text != ","
        and (
            toks[k].text in {"the", "a", "an"}
            or toks[k].text[:1].isupper()
            or toks[k].text.endswith(("'s", "’s"))  # "Ann Lee, the company's chairman"
        )
    ):
        k -= 1
    if k < 1 or toks[k].text != ",":
        return None
    end = start = k
    while start > 0 and end - start < 3 and is_name_word(toks[start - 1]):
        start -= 1
    return (start, end) if start < end else None


def find_people(toks: Tokens, text: str, book: TitleBook) -> list[PersonMention | TitleMention]:
    """Return person and title mentions for titled people among the Tokens of `text`."""
    out: list[PersonMention | TitleMention] = []
    for i, j in title_runs(toks, book):
        office = book.office([w for k in range(i, j) for w in title_words(toks.word(k))])
        if office is None:
            continue
        found = _titled(toks, i, j, text)
        if found is None:
            continue
        title_end, (n0, n1) = found
        title_start, name_start, name_end = toks[i].start, toks[n0].start, toks[n1 - 1].end
        name = text[name_start:name_end]
        key = person_key(name)
        title = text[title_start:title_end]
        out.append(
            TitleMention(title_start, title_end, title, key, office.canonical, office.family, name)
        )
        out.append(PersonMention(name_start, name_end, name, key, name))
    return out


def _titled(toks: Sequence[Token], i: int, j: int, text: str) -> tuple[int, tuple[int, int]] | None:
    """Return the title's end offset and the name's token range, before or after the title.

    A full name right after the title (after a second role joined by "and", or set off by
    commas) is preferred to a name before it ("In Damascus, the Deputy Minister, Ann Lee,").
    A lower-case title takes the name after it when it follows a capitalised word ("Prisons
    spokesman Al Quintero") or the name is a full one ("said prison spokesman Al Quintero").
    """
    after = _name_after(toks, j, text)
    if after is not None and (
        toks[j - 1].text[0].isupper()
        or _after_capitalised(toks, i)
        or (after[0] == j and after[2] - after[1] >= 2)
    ):
        return toks[after[0] - 1].end, (after[1], after[2])
    beside = _name_after_role(toks, j, text) or _name_apposed(toks, j)
    if beside is not None:
        return toks[j - 1].end, beside
    before = _name_before(toks, i)
    if before is not None and (j >= len(toks) or not is_name_word(toks[j])):
        return toks[j - 1].end, before
    return None


def _name_apposed(toks: Sequence[Token], j: int) -> tuple[int, int] | None:
    """Return the token range of a full name set off by a comma after a title ("the Deputy
    Foreign Secretary, Jack Straw, said"), two or three name words ending the phrase."""
    if j >= len(toks) or toks[j].text != ",":
        return None
    k = j + 1
    while k < len(toks) and k - j <= 3 and is_name_word(toks[k]):
        k += 1
    ends = k >= len(toks) or toks[k].text in {",", ".", ";"} or toks[k].text[:1].islower()
    return (j + 1, k) if k - j >= 3 and ends else None


def _after_capitalised(toks: Sequence[Token], i: int) -> bool:
    """Return True if token i follows a capitalised word that does not start a sentence."""
    return i > 1 and toks[i - 1].text[:1].isupper() and toks[i - 2].text not in {".", "!", "?"}


def link_surnames(toks: Tokens, people: Sequence[Mention]) -> list[PersonMention]:
    """Return person mentions for bare surnames that refer back to a titled person.

    `toks` are the Tokens the people were found in (numbers and marks are no name words).
    """
    full: dict[str, str] = {}
    for m in people:
        if isinstance(m, PersonMention) and len(m.text.split()) > len(full.get(m.key, "").split()):
            full[m.key] = m.text
    taken = SpanIndex((m.start, m.end) for m in people)
    surnames = toks.flags(lambda w: name_word(w) and person_key(w) in full)
    out: list[PersonMention] = []
    for i in compress(range(len(toks)), surnames):
        found = toks[i]
        if not taken.covers(found.start):
            key = person_key(found.text)
            out.append(PersonMention(found.start, found.end, found.text, key, full[key]))
    return out
