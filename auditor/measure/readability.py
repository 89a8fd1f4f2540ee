"""Readability as textstat scores it: document scores, sentence grades and their causes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, repeat
from typing import NamedTuple

from auditor.knowledge.lexicon import lexicon
from auditor.measure.syllables import word_syllables

LANG = "en_US"
READABILITY_FIELDS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "dale_chall_readability_score",
    "difficult_words",
)


def readability(text: str, lang: str = LANG) -> dict[str, float]:
    """Return textstat's scores of `text` (computed as textstat 0.7.8 does, syllables aside)."""
    if not text.strip():
        return {name: 0.0 for name in READABILITY_FIELDS}
    counts = text_counts(text)
    return {
        "flesch_reading_ease": round(flesch_reading_ease(counts, lang), 2),
        "flesch_kincaid_grade": round(flesch_kincaid_grade(counts), 2),
        "gunning_fog": round(gunning_fog(counts, lang), 2),
        "smog_index": round(smog_index(counts), 2),
        "coleman_liau_index": round(coleman_liau_index(counts), 2),
        "dale_chall_readability_score": round(dale_chall(counts, lang), 2),
        "difficult_words": float(difficult_words(counts, 2, lang, distinct=True)),
    }


def sentence_grade(text: str) -> float:
    """Return the Flesch-Kincaid grade of one sentence, as `flesch_kincaid_grade` gives it.

    The same counts as textstat's, with its punctuation stripped once per sentence and once per
    piece it counts as a sentence (textstat's own path strips the text three times over, and
    goes through a cache of 128 entries per function for every sentence of a long document).
    """
    lowered = _unpunctuated(text).lower().split()
    words = len(lowered)
    sentences = _sentence_count(text)
    sentence_length = words / sentences if sentences else 0.0
    syllables = _syllables(lowered) / words if words else 0.0
    return round(_kincaid(sentence_length, syllables), 2)


def _kincaid(sentence_length: float, syllables: float) -> float:
    """Return the Flesch-Kincaid grade of words per sentence and syllables per word (0 for
    no words or syllables, as textstat gives it)."""
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return (0.39 * sentence_length) + (11.8 * syllables) - 15.59


def _syllables(words: Iterable[str]) -> int:
    """Return the syllables of the words (each word's count cached)."""
    return sum(map(word_syllables, words))


# textstat's own patterns: an apostrophe that does not start a contraction's ending, any other
# punctuation (`remove_punctuation`), and what `count_sentences` counts as a sentence.
LONE_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
PUNCTUATION = re.compile(r"[^\w\s\']")
SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*")
TERMINATOR = re.compile(r"[.!?]")
# Three whitespace-separated tokens, each with a letter or digit: stripping punctuation leaves
# them all, so the text has more than two words without being stripped.
THREE_WORDS = re.compile(r"\w\S*\s+\S*\w\S*\s+\S*\w")


def _unpunctuated(text: str) -> str:
    """Return the text as textstat's `remove_punctuation` leaves it (contractions kept)."""
    return PUNCTUATION.sub("", LONE_APOSTROPHE.sub("", text))


def _sentence_count(text: str) -> int:
    """Return textstat's `count_sentences`: pieces of more than two words, at least one.

    One piece or none is one sentence whatever its words (most sentences: not stripped again).
    """
    if not text:
        return 0
    if not TERMINATOR.search(text.rstrip(".!?")):
        return 1  # one piece or none: the text's only stops end it
    pieces = SENTENCE_PIECE.findall(text)
    if len(pieces) < 2:
        return 1
    short = sum(1 for p in pieces if not THREE_WORDS.search(p) and _words(p) <= 2)
    return max(1, len(pieces) - short)


def _words(text: str) -> int:
    """Return textstat's word count of a text (its punctuation stripped)."""
    return len(_unpunctuated(text).split())


@dataclass(frozen=True)
class TextCounts:
    """What textstat counts in a text, each counted once for all its scores.

    textstat strips the punctuation of a whole document again for each count and each score;
    here the words are stripped, split and counted once, and each distinct word is looked up
    once and weighed by its count.
    """

    words: int
    sentences: int
    syllables: int
    letters: int  # `count_letters`: characters that are neither space nor punctuation
    vocabulary: Counter[str]  # each distinct word as `list_words` gives it, with its count

    @property
    def words_per_sentence(self) -> float:
        """Return textstat's `words_per_sentence`."""
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        """Return syllables per word, 0 for no words."""
        return self.syllables / self.words if self.words else 0.0


def text_counts(text: str) -> TextCounts:
    """Return textstat's counts of a text (its words, sentences, syllables and letters).

    The text is stripped and split once: each distinct word is lower-cased for its syllables,
    and its letters (`count_letters` keeps the word characters, which stripping keeps and
    splitting puts in the words) are its characters but the apostrophes stripping kept.
    """
    vocabulary = Counter(_unpunctuated(text).split())
    return TextCounts(
        words=vocabulary.total(),
        sentences=_sentence_count(text),
        syllables=sum(word_syllables(w.lower()) * n for w, n in vocabulary.items()),
        letters=sum((len(w) - w.count("'")) * n for w, n in vocabulary.items()),
        vocabulary=vocabulary,
    )


def flesch_reading_ease(counts: TextCounts, lang: str) -> float:
    """Return the Flesch reading ease with textstat's constants for `lang`."""
    from textstat.backend.utils import get_lang_cfg, get_lang_root

    root = get_lang_root(lang)
    sentence_length = counts.words_per_sentence
    syllables = counts.syllables_per_word
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return float(
        get_lang_cfg(root, "fre_base")
        - get_lang_cfg(root, "fre_sentence_length") * sentence_length
        - get_lang_cfg(root, "fre_syll_per_word") * syllables
    )


def coleman_liau_index(counts: TextCounts) -> float:
    """Return the Coleman-Liau index as textstat computes it (letters: no spaces, punctuation)."""
    words = counts.words
    if not words:
        return 0.0
    letters = (counts.letters / words) * 100
    sentences = (counts.sentences / words) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


def flesch_kincaid_grade(counts: TextCounts) -> float:
    """Return the Flesch-Kincaid grade level."""
    return _kincaid(counts.words_per_sentence, counts.syllables_per_word)


def gunning_fog(counts: TextCounts, lang: str) -> float:
    """Return the Gunning fog index."""
    from textstat.backend.utils import get_lang_cfg

    hard = difficult_words(counts, int(get_lang_cfg(lang, "syllable_threshold")), lang)
    if not counts.words:
        return 0.0
    return 0.4 * (counts.words_per_sentence + 100 * hard / counts.words)


def smog_index(counts: TextCounts) -> float:
    """Return the SMOG index."""
    if not counts.sentences:
        return 0.0
    poly = sum(n for w, n in counts.vocabulary.items() if syllables_of_word(w) >= 3)
    return float((1.043 * (30 * (poly / counts.sentences)) ** 0.5) + 3.1291)


def dale_chall(counts: TextCounts, lang: str) -> float:
    """Return the Dale-Chall readability score."""
    if not counts.words:
        return 0.0
    share = 100 * difficult_words(counts, 0, lang) / counts.words
    score = (0.1579 * share) + (0.0496 * counts.words_per_sentence)
    return score + 3.6365 if share > 5 else score


def difficult_words(
    counts: TextCounts, min_syllables: int, lang: str, *, distinct: bool = False
) -> int:
    """Count the words that textstat counts as difficult (each once if `distinct`)."""
    return sum(
        1 if distinct else n
        for w, n in counts.vocabulary.items()
        if is_difficult_word(w, min_syllables, lang)
    )


@lru_cache(maxsize=65536)
def is_difficult_word(word: str, min_syllables: int, lang: str = LANG) -> bool:
    """Return True for a word outside the easy-word list with at least `min_syllables`."""
    if len(word.split()) != 1 or word.lower() in _easy_words(lang):
        return False
    return syllables_of_word(word) >= min_syllables


@cache
def _easy_words(lang: str) -> frozenset[str]:
    """Return textstat's easy words for `lang`."""
    from textstat.backend.utils import get_lang_easy_words

    return frozenset(get_lang_easy_words(lang))


@lru_cache(maxsize=65536)
def syllables_of_word(word: str) -> int:
    """Return textstat's syllable count of one word as `list_words` gives it."""
    return sum(word_syllables(w) for w in _unpunctuated(word).lower().split())


CLAUSE_WORDS = lexicon().word_set("clause_words")
CREDIT_MARKERS = lexicon().word_set("credit_markers")
CALENDAR = lexicon().calendar
MIN_WORDS = 5  # fewer words than this is a heading, a dateline or a fragment, not prose
URL = re.compile(r"https?://|www\.|\w\.(?:com|org|net|gov)\b", re.IGNORECASE)
TOKEN = re.compile(r"[^\W_]+")
TOKEN_EDGES = ".,;:!?\"'“”‘’()[]"  # what `difficulty` strips from each end of a token


@dataclass(frozen=True)
class Difficulty:
    """How hard a stretch of text is to read as one sentence, with the reasons."""

    grade: float
    words: int
    hard_words: tuple[str, ...]
    commas: int
    clauses: int
    brackets: int

    def reasons(self) -> list[str]:
        """Return the plain-language reasons this text is hard, worst first."""
        out = []
        if self.words > 30:
            out.append(f"{self.words} words")
        if len(self.hard_words) >= 3:
            out.append(
                f"{len(self.hard_words)} long or rare words ({', '.join(self.hard_words[:4])})"
            )
        if self.commas >= 4:
            out.append(f"{self.commas} commas")
        if self.clauses >= 2:
            out.append(f"{self.clauses} subordinate clauses")
        if self.brackets:
            out.append(f"{self.brackets} parenthetical asides")
        return out or [f"{self.words} words"]


def is_prose(text: str) -> bool:
    """Return True for a sentence of prose: not a URL, date line, credit or short fragment.

    Readability formulas score sentences; a bare address, "Sunday, July 21, 2013", a byline or
    a three-word heading gets a meaningless grade.
    """
    tokens = TOKEN.findall(text)
    words = list(filter(str.isalpha, tokens))
    if len(words) < MIN_WORDS or URL.search(text):
        return False
    dates = sum(1 for t in tokens if t.isdigit() or t.lower() in CALENDAR)
    if 2 * dates >= len(tokens):
        return False
    first = tokens[0].lower()
    credit = first in CREDIT_MARKERS or text.lstrip()[:1] in "©("
    return not (credit and len(words) <= 12)


class _Word(NamedTuple):
    """One word as `difficulty` reads it: its syllables, whether it is hard, a clause word."""

    text: str
    syllables: int
    hard: bool
    clause: bool


def difficulty(text: str, lang: str = LANG) -> Difficulty:
    """Return the Flesch-Kincaid grade of `text` read as one sentence, with its causes."""
    words = _read_words(text, lang)
    if not words:
        return Difficulty(0.0, 0, (), 0, 0, 0)
    texts, syllables, hard, clause = zip(*words, strict=True)  # one pass in C, not four
    return Difficulty(
        grade=_grade(len(words), sum(syllables)),
        words=len(words),
        hard_words=tuple(dict.fromkeys(compress(texts, hard))),
        commas=text.count(","),
        clauses=sum(clause),
        brackets=text.count("(") + text.count(" – ") + text.count(" — "),
    )


def difficulty_grade(text: str, lang: str = LANG) -> float:
    """Return the grade `difficulty` gives `text`, without its causes (at a fraction of the cost).

    The grade does not depend on `lang` (only which words are hard does); each token's
    syllables come from a cache keyed by the token alone, and the words are counted and summed
    without a loop in Python.
    """
    syllables = list(map(_token_syllables, text.split()))
    words = len(syllables) - syllables.count(None)
    return _grade(words, sum(filter(None, syllables))) if words else 0.0


def _grade(words: int, syllables: int) -> float:
    """Return the Flesch-Kincaid grade of one sentence of `words` words, rounded as shown."""
    return round(0.39 * words + 11.8 * syllables / words - 15.59, 1)


def _read_words(text: str, lang: str) -> list[_Word]:
    """Return the words of `text` as `difficulty` reads them (tokens without letters left out)."""
    return [w for w in map(_word, text.split(), repeat(lang)) if w is not None]


def _stripped(token: str) -> str | None:
    """Return a whitespace-separated token as `difficulty` reads it: without the punctuation at
    its ends, or None without letters."""
    word = token.strip(TOKEN_EDGES)
    return word if any(c.isalpha() for c in word) else None


@lru_cache(maxsize=1 << 17)
def _token_syllables(token: str) -> int | None:
    """Return the syllables of one token as `difficulty` reads it (None without letters)."""
    word = _stripped(token)
    return None if word is None else syllables_of_word(word)


@lru_cache(maxsize=1 << 17)
def _word(token: str, lang: str) -> _Word | None:
    """Return one whitespace-separated token as `difficulty` reads it (None without letters)."""
    word = _stripped(token)
    if word is None:
        return None
    return _Word(
        word,
        syllables_of_word(word),
        is_difficult_word(word, 3, lang),
        word.lower() in CLAUSE_WORDS,
    )
