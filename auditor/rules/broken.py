"""Sentences broken in the middle, as MT re-segmentation leaves them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate

from auditor.knowledge.lexicon import lexicon
from auditor.model import Category, Document, Hit, Severity
from auditor.read.lines import crosses_line
from auditor.rules.registry import Context, rule

LAST_WORD = re.compile(r"(\S+)\s*\Z")
FIRST_WORD = re.compile(r"[\"'“‘(]*([^\s,;:]+)")
WEB_ADDRESS = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/|\b)")  # t-mobile.com/q10


@rule(
    "B101",
    Severity.ERROR,
    Category.MT_ERROR,
    fires=(
        "They could act if Russia is willing to do «so. backtrack» on Ukraine.",
        "Rights to make their own «agreements. and» are therefore non-negotiable.",
    ),
    quiet=(
        "He said so. Then he left.",
        "He paused... then went on.",
        "Apple sold more. iPhone sales rose.",
        "See p. 12 for details.",
        "Register at http: / / business. t-mobile.com/offers today.",
    ),
)
def lowercase_sentence_start(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A sentence that starts in lower case right after a full stop.

    The finding spans the stop and the words either side of it.

    Why it matters:
        Machine translation often breaks one sentence in two, leaving a full stop in the middle
        ("if Russia is willing to do so. backtrack on Ukraine"); readers stumble over it at once.
    Example:
        agreements. and are
    Use instead:
        agreements and are
    Known false positives:
        A lower-case brand or name after a full stop ("eBay" is exempt, others are not); a stop
        after an abbreviation that is not in the lexicon.
    """
    text = doc.text
    for prev, cur in zip(doc.sentences, doc.sentences[1:], strict=False):
        if (
            not text.endswith(".", prev.start, prev.end)
            or text.endswith("..", prev.start, prev.end)
            or crosses_line(text, prev.end, cur.start)
        ):
            continue
        first = FIRST_WORD.match(text, cur.start, cur.end)
        if not first or not _starts_lower(first.group(1)):
            continue  # most sentences start with a capital: the one before is not searched
        before = text[prev.start : prev.end]
        last = LAST_WORD.search(before)
        if not last:
            continue
        if WEB_ADDRESS.match(first.group(1).rstrip(".")):
            continue
        if _abbreviation(last.group(1)):
            continue
        start, end = prev.start + last.start(1), first.end(1)
        joined = f"{last.group(1)[:-1]} {first.group(1)}"
        yield Hit(
            start,
            end,
            "Sentence starts in lower case after a full stop: probably one sentence broken in two.",
            suggestion=joined,
            safe=True,
        )


def _abbreviation(word: str) -> bool:
    """Return True for a single letter or an abbreviation such as "C.I.A." or "etc."."""
    bare = word.rstrip(".").strip("\"'“”‘’()")
    capitalised = bare[:1].isupper() and bare.lower() in LEX.word_set("capitalised_abbreviations")
    return (
        len(bare) <= 1
        or "." in bare
        or bare.lower() in LEX.word_set("abbreviations")
        or capitalised
    )


def _starts_lower(word: str) -> bool:
    """Return True for a lower-case word that is not a brand such as iPhone or eBay."""
    return word[:1].islower() and word[:1].isalpha() and not any(c.isupper() for c in word[1:])


LEX = lexicon()
AUXILIARIES = LEX.word_set("auxiliaries")
COMMON_VERBS = LEX.word_set("common_verbs")
NOUN_AFTER = LEX.word_set("noun_after")
ADJECTIVE_ENDINGS = LEX.words["adjective_endings"]
VERB_ENDINGS = LEX.words["verb_endings"]
ELLIPSIS_OPENERS = LEX.word_set("ellipsis_openers")
QUOTES = LEX.quotes.double + LEX.quotes.curly_single
WORDS = re.compile(r"[A-Za-z][\w'’-]*")


@rule(
    "B102",
    Severity.WARNING,
    Category.MT_ERROR,
    fires=(
        "They discussed a relaunch of the old accord, which has now lapsed. «Treaty on "
        "conventional forces within reach.» She also said more talks were planned.",
        "The minister met the delegation on Monday. «Talks on trade and the border dispute in "
        "the capital.» The meeting lasted two hours.",
    ),
    quiet=(
        "The minister met the delegation. Not a word about the border. She left at noon.",
        "The minister met the delegation. He arrived late. She left at noon.",
        "They met in Geneva. The talks focused on missiles. She left at noon.",
        "GENEVA (AP)\n\nThe minister met the delegation. Photo by Jane Doe / AP",
        "“We need guarantees. No insurance, no promises, but guarantees,” he said. She left.",
    ),
)
def verbless_fragment(doc: Document, ctx: Context, *, max_words: int = 14) -> Iterator[Hit]:
    """A sentence with no verb that continues the sentence before it.

    Only fragments of 4 to `max_words` words in mid-paragraph, outside quotations and with no
    verb-like word at all (no auxiliary, common verb, -ed or -ing form, or -s form after a noun)
    are flagged.

    Why it matters:
        MT re-segmentation cuts one sentence into two, leaving a fragment such as "Treaty on
        nuclear forces within reach." between two full sentences; the reader cannot tell what
        it belongs to.
    Example:
        which has now lapsed. Treaty on conventional forces within reach.
    Use instead:
        which has now lapsed, with a treaty on conventional forces within reach.
    Known false positives:
        Deliberate verbless sentences for effect ("A quiet end to a long week."), captions and
        list items written as running text.
    """
    reached = list(accumulate((s.start for s in doc.sentences), max, initial=doc.body_start))
    for prev, cur, nxt in zip(doc.sentences, doc.sentences[1:], doc.sentences[2:], strict=False):
        text = doc.text[cur.start : cur.end]
        if crosses_line(doc.text, prev.end, nxt.start) or not text.endswith("."):
            continue
        if any(q in text for q in QUOTES):
            continue
        words = WORDS.findall(text)
        if not 4 <= len(words) <= max_words or text[:1].islower():
            continue
        if _quotation_open(doc.text, doc.body_start, reached[cur.index + 1]):
            continue
        if words[0].lower() in ELLIPSIS_OPENERS or _abbreviation(text.split()[-1]):
            continue
        if _has_verb(words):
            continue
        yield Hit(
            cur.start,
            cur.end,
            "Sentence without a verb between two full sentences: probably part of the "
            "sentence before it, cut off by segmentation.",
            confidence=0.6,
        )


def _quotation_open(text: str, start: int, end: int) -> bool:
    """Return True if a quotation opened on the line of text[start:end] is open at `end`.

    It is when the line holds an odd number of straight quotes before `end`, or its last curly
    mark before `end` opens; the line starts after the last line break in text[start:end].
    """
    line = max(start, text.rfind("\n", start, end) + 1)
    line = max(line, text.rfind("\r", line, end) + 1)  # not back to `start` in a text without CRs
    at, mark = max((text.rfind(q, line, end), q) for q in '"“”')
    return text.count('"', line, end) % 2 == 1 or (at >= 0 and mark == "“")


def _has_verb(words: list[str]) -> bool:
    """Return True if any word looks like a verb (closed lists and suffixes; conservative)."""
    for i, word in enumerate(words):
        w = word.lower()
        if w in AUXILIARIES or w in COMMON_VERBS or "'" in w[1:] or "’" in w[1:]:
            return True
        if len(w) > 4 and w.endswith(VERB_ENDINGS):
            return True
        if i and w.endswith("s") and not w.endswith("ss") and not _noun_context(words[i - 1]):
            return True
        if _after_name(words, i) or (
            w == "to" and i + 1 < len(words) and _verb_after_to(words[i + 1])
        ):
            return True
    return False


def _after_name(words: list[str], i: int) -> bool:
    """Return True for a lower-case content word right after a name (a probable predicate)."""
    w = words[i]
    return i >= 2 and words[i - 1][:1].isupper() and w[:1].islower() and w not in NOUN_AFTER


def _verb_after_to(word: str) -> bool:
    """Return True if `word` after "to" reads as an infinitive, not a noun phrase."""
    return word[:1].islower() and word.lower() not in NOUN_AFTER


def _noun_context(before: str) -> bool:
    """Return True if a word ending in -s after `before` is a plural noun, not a verb."""
    b = before.lower()
    return b in NOUN_AFTER or b.endswith(ADJECTIVE_ENDINGS) or b[:1].isdigit()
