"""Split text into sentence spans with nltk Punkt, built from parameters in code."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from auditor.knowledge.lexicon import alternation, lexicon
from auditor.model import BLANK_LINE, Sentence
from auditor.read.lines import NEWLINE

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

SENTENCE_END = frozenset(".!?…" + lexicon().quotes.closers)
PUNCT_ONLY = re.compile(r"[^\w\s]+\Z")
MAX_BLOCK = 20_000  # characters given to Punkt at once (longer paragraphs are cut)
BLOCK_CUT = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=\S)")


ABBREVIATIONS = lexicon().word_set("abbreviations")  # a full stop after them ends nothing
# Capitalised, and before a lower-case word or a digit, these end nothing either ("Ill. man").
CAPITALISED = lexicon().word_set("capitalised_abbreviations")
ENDS_IN_CAPITALISED = re.compile(r"(?:^|\W)([A-Z][A-Za-z]*)\.\Z")
CONTINUES = re.compile(r"[a-z0-9]")
ENDS_IN_ARTICLE = re.compile(rf"(?:^|\s)(?:{alternation(lexicon().word_set('articles'))})\.\Z")


@lru_cache(maxsize=1)
def punkt() -> PunktSentenceTokenizer:
    """Build nltk's Punkt tokenizer from parameters in code (no data download)."""
    from auditor.read.nltkparts import load_nltk_module

    module = load_nltk_module("nltk.tokenize.punkt")
    params = module.PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    tokenizer: PunktSentenceTokenizer = module.PunktSentenceTokenizer(params)
    return tokenizer


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Return spans of text between blank lines, from `start`."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in BLANK_LINE.finditer(text, start):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def split_sentences(
    text: str, start: int = 0, blocks: tuple[tuple[int, int], ...] = ()
) -> tuple[Sentence, ...]:
    """Split text after `start` (or the given blocks) into sentences that never cross a block."""
    tokenizer = punkt()
    spans: list[tuple[int, int]] = []
    for p_start, p_end in blocks or _blocks(text, start):
        chunk = text[p_start:p_end]
        for s, e in tokenizer.span_tokenize(chunk):
            s, e = _strip(chunk, s, e)
            if e <= s:
                continue
            joins = (
                PUNCT_ONLY.match(chunk, s, e)
                or _after_abbreviation(text, spans, p_start + s)
                or _number_after_article(text, spans, p_start + s)
            )
            if spans and joins and spans[-1][1] >= p_start:
                spans[-1] = (spans[-1][0], p_start + e)
            else:
                spans.append((p_start + s, p_start + e))
    return tuple(Sentence(i, s, e) for i, (s, e) in enumerate(spans))


def _after_abbreviation(text: str, spans: list[tuple[int, int]], start: int) -> bool:
    """Return True if the last span ends in a capitalised abbreviation ("Ill.") that the text
    at `start` continues (a lower-case word or a digit)."""
    if not spans or not CONTINUES.match(text, start):
        return False
    last = ENDS_IN_CAPITALISED.search(text, spans[-1][0], spans[-1][1])
    return bool(last and last.group(1).lower() in CAPITALISED)


def _number_after_article(text: str, spans: list[tuple[int, int]], start: int) -> bool:
    """Return True if the last span ends in an article and a full stop ("with a.") and the text
    at `start` goes on with a number ("357 Magnum"): an article ends no sentence."""
    if not spans or not text[start : start + 1].isdigit():
        return False
    return ENDS_IN_ARTICLE.search(text, spans[-1][0], spans[-1][1]) is not None


def _blocks(text: str, start: int) -> list[tuple[int, int]]:
    """Return the lines of each paragraph: hard-wrapped text comes here unwrapped (read/wrap).

    A line longer than MAX_BLOCK is cut after sentence ends, so Punkt's work stays small.
    """
    return [
        block
        for p_start, p_end in paragraphs(text, start)
        for line in _lines(text, p_start, p_end)
        for block in _bounded(text, *line)
    ]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a block longer than MAX_BLOCK after sentence ends, so Punkt's work stays small."""
    out = []
    while end - start > MAX_BLOCK:
        low, limit = start + MAX_BLOCK // 2, start + MAX_BLOCK
        cut = max((m.end() for m in BLOCK_CUT.finditer(text, low, limit)), default=-1)
        if cut < 0:
            cut = text.rfind(" ", low, limit) + 1 or limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of the lines between `start` and `end`."""
    spans, pos = [], start
    for m in NEWLINE.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a span so it has no surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
