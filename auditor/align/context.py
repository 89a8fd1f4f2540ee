"""The words around a mention that say what it is about: its predicate, anchors and subject."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from auditor.align.similarity import CALENDAR, STOPWORDS, WORD, stem
from auditor.knowledge.lexicon import lexicon

REACH = 4  # words on each side of a mention that name what it is about
SPAN = 48  # characters before a mention that mostly hold its REACH words
HEDGES = lexicon().word_set("fact_hedges")  # words that hedge or time a fact
NOT_CONTEXT = STOPWORDS | CALENDAR | HEDGES | {stem(w) for w in HEDGES}  # "morning": "morn"
BASES = lexicon().mapping("irregular_forms")
HAPPENINGS = lexicon().mapping("same_happening")
DIRECTIONS = lexicon().word_set("directions")
COMPOUND = re.compile(r"\w+(?:['’]\w+)*(?:-\w+(?:['’]\w+)*)*")  # a word, hyphens joining
RUN_END = re.compile(r"\s*[^\w\s'’-]")  # punctuation ends the words that follow a count


@lru_cache(maxsize=65536)
def _form(word: str) -> str:
    """Return the stem of a word, an irregular verb form read as its base ("shot": "shoot"),
    and one kind of happening as its kind (`same_happening`; not `happening.base`, which reads
    verbs by their Porter stem)."""
    key = BASES.get(word.lower(), stem(word))
    return HAPPENINGS.get(key, key)


@lru_cache(maxsize=8)
def words_before(text: str, start: int, pos: int) -> tuple[str, ...]:
    """Return the last REACH words of text[start:pos] (a number's context, its subject and its
    form read the same words before it): those after a space in the last SPAN characters when
    they are enough (no word runs across a space), else those of the whole span."""
    space = text.find(" ", max(start, pos - SPAN), pos)
    if space >= 0 and len(near := WORD.findall(text, space + 1, pos)) >= REACH:
        return tuple(near[-REACH:])
    return tuple(WORD.findall(text, start, pos)[-REACH:])


def context_stems(
    text: str, start: int, end: int, m_start: int, m_end: int, *, predicate: bool = False
) -> set[str]:
    """Return the stems of the content words within REACH words of a mention in its sentence.

    With `predicate`, only the nearest lower-case content word before it ("killed 10").
    """
    before = words_before(text, start, m_start)
    if predicate:
        for w in reversed(before):
            if not w[0].isupper() and (key := _content(w)) is not None:
                return {key}
        return set()
    after = [w.group() for w in islice(WORD.finditer(text, m_end, end), REACH)]
    return {key for w in (*before, *after) if (key := _content(w)) is not None}


@lru_cache(maxsize=65536)
def _content(word: str) -> str | None:
    """Return the form of a content word (`_form`), or None for a number, a function word, a
    word of the calendar, a hedge or a word of two letters."""
    if word[0].isdigit():
        return None
    key = _form(word)
    return None if key in NOT_CONTEXT or len(key) < 3 else key


def continuation(text: str, pos: int, end: int) -> str | None:
    """Return the stem of the content word right after a counted noun, if one follows it: what
    is counted or measured ("three bank workers", "an eight-year contract", "the 17-inch MacBook
    Pro"); a direction and the "of" after it are passed over to the place ("14 miles
    north-northeast of Healdsburg")."""
    direction = False
    for w in COMPOUND.finditer(text, pos, end):
        if RUN_END.match(text, pos, w.start()) or w.group()[0].isdigit():
            return None
        pos = w.end()
        key = stem(w.group().rsplit("-", 1)[-1])
        if key in DIRECTIONS or (key == "of" and direction):
            direction = True
            continue
        return None if key in NOT_CONTEXT or len(key) < 3 else key
    return None


def subject(text: str, start: int, m_start: int) -> frozenset[str]:
    """Return the stems of the capitalised words within REACH words before a mention."""
    before = words_before(text, start, m_start)
    stems = {stem(w) for w in before if w[0].isupper()}
    return frozenset(w for w in stems if w not in STOPWORDS and w not in CALENDAR)


def name_next_to(text: str, start: int, end: int, *, after: bool) -> frozenset[str]:
    """Return the stems of the run of capitalised words that ends where text[start:end] ends
    (or, with `after`, starts where it starts): the person an age belongs to ("Lee, 46";
    "46-year-old Ann Lee")."""
    found = list(WORD.finditer(text, start, end))
    run = []
    for w in found if after else reversed(found):
        if not w.group()[0].isupper():
            break
        run.append(stem(w.group()))
    return frozenset(w for w in run if w not in STOPWORDS and w not in CALENDAR)
