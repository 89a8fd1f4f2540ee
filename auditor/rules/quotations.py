"""Quotations: attributed to different speakers across sources, or stripped of their marks."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from auditor.knowledge.lexicon import alternation, char_class, either_case, lexicon
from auditor.knowledge.names import fold_words
from auditor.model import Category, Document, Hit, Mention, QuoteMention, Severity, Span
from auditor.read.lines import crosses_line, line_end, line_start
from auditor.rules.registry import Context, rule

LEX = lexicon()
SAY = alternation(LEX.speech_verbs)
HE = alternation(LEX.third_person)
FIRST_PERSON = re.compile(rf"\b(?:{either_case(LEX.first_person)})\b")
# Past the opening words, a generic "we" ("why we are here") is the reporter's voice too; the
# other first-person words are the speaker's.
SPEAKER_ONLY = re.compile(rf"\b(?:{either_case(w for w in LEX.first_person if w != 'we')})\b")
FIRST_PERSON_LEAD = re.compile(rf"(?:\S+\s+){{0,2}}(?:{either_case(LEX.first_person_lead)})\b")
QUOTE_MARKS = re.compile(char_class(LEX.quotes.double))
TRAILING_ATTRIBUTION = re.compile(
    rf",\s+(?:{HE}|(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'-]*)\s+(?:{SAY})\b"
)
COLON_ATTRIBUTION = re.compile(rf"\b(?:{HE}|[A-Z][\w’'-]*)\s+(?:{SAY}):\s+(?=[A-Z])")
# A speech verb followed by a reported clause ("he said he thought", "she said that") is the
# reporter's indirect speech, not the attribution of a quotation.
SUBJECTS = either_case(LEX.word_set("speech_subjects"))
REPORTED_CLAUSE = re.compile(rf"\s+(?:that|{SUBJECTS}|{HE})\b")
OVERLAP = 0.6
MIN_QUOTE_WORDS = 4  # content words a quotation needs to be matched


@rule(
    "Q101",
    Severity.WARNING,
    Category.INCONSISTENCY,
    scope="sources",
    fires=(
        (
            "“«We will not give up on talks with our partners,»” Petrov said.",
            "“«We will not give up talks with our partners,»” Lee said.",
        ),
    ),
    quiet=(
        (
            "“We will not give up on talks with our partners,” Petrov said.",
            "“We will not give up talks with our partners,” Petrov told reporters.",
        ),
        (
            "“We will not give up on talks with our partners,” Petrov said.",
            "“The weather in Geneva was cold and grey all week,” Lee said.",
        ),
        (
            "“We will not give up on talks with our partners,” said Petrov and Lee.",
            "Ivan Petrov and Anna Lee said: “We will not give up on talks with our partners.”",
        ),
        (
            "“We will not give up on talks with our partners,” said Lt. Ivan Petrov of the police.",
            "“We will not give up on talks with our partners,” said City Police Lt. Ivan Petrov.",
        ),
    ),
)
def quote_speaker_mismatch(doc: Document, ctx: Context) -> Iterator[Hit]:
    """The same quotation is attributed to a different speaker in the other source.

    Quotations are matched by their words (most content words shared); both speakers must be
    named.

    Why it matters:
        Putting one official's words in another's mouth is a serious error; it happens when MT
        or rewriting loses track of who is speaking.
    Example:
        “We will not give up ...,” Lee said, where the other source has Petrov
    Use instead:
        “We will not give up ...,” Petrov said (after checking who said it)
    Known false positives:
        Two people who really said the same words (one repeating the other).
    """
    others = [(other, *_indexed(_quotes(ctx, other.id))) for other in ctx.others(doc)]
    for m in _quotes(ctx, doc.id):
        for other, quotes, index in others:
            for t in _same_quotes(m, quotes, index):
                if t.speaker == m.speaker:
                    continue
                if _named_at(doc.text, m, t.speaker_name) or _named_at(
                    other.text, t, m.speaker_name
                ):
                    continue
                yield Hit(
                    m.start,
                    m.end,
                    f"Attributed to {m.speaker_name} here but to "
                    f"{t.speaker_name} in the other source.",
                    related=(Span(other.id, t.start, t.end, t.text),),
                    confidence=0.7,
                )
                break


def _named_at(text: str, quote: QuoteMention, name: str | None) -> bool:
    """Return True if `name` is named in the paragraph of the quotation (one of its speakers)."""
    if not name:
        return False
    paragraph = text[line_start(text, quote.start) : line_end(text, quote.end)]
    return re.search(rf"\b{re.escape(name)}\b", paragraph) is not None


def _quotes(ctx: Context, doc_id: str) -> list[QuoteMention]:
    """Return the quotations of a document that have a named speaker."""
    return [m for m in ctx.mentions_of(doc_id, QuoteMention) if m.speaker]


def _indexed(
    quotes: list[QuoteMention],
) -> tuple[list[QuoteMention], dict[str, list[int]]]:
    """Return the quotations and, by content word, the positions of those with enough words."""
    index: dict[str, list[int]] = {}
    for k, q in enumerate(quotes):
        words = _content_words(q.text)
        if len(words) >= MIN_QUOTE_WORDS:
            for w in words:
                index.setdefault(w, []).append(k)
    return quotes, index


def _same_quotes(
    quote: Mention, quotes: list[QuoteMention], index: dict[str, list[int]]
) -> list[QuoteMention]:
    """Return, in order, the quotations that share most of `quote`'s content words.

    Both have MIN_QUOTE_WORDS content words or more, and the words they share are OVERLAP of
    the smaller set or more; the shared words are counted through the index, so only the
    quotations that share a word with `quote` are looked at.
    """
    words = _content_words(quote.text)
    if len(words) < MIN_QUOTE_WORDS:
        return []
    shared: Counter[int] = Counter()
    for w in words:
        shared.update(index.get(w, ()))
    return [
        quotes[k]
        for k in sorted(shared)
        if shared[k] / min(len(words), len(_content_words(quotes[k].text))) >= OVERLAP
    ]


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    """Return the folded words of more than two letters of a quotation."""
    return frozenset(w for w in fold_words(text) if len(w) > 2)


@rule(
    "Q102",
    Severity.WARNING,
    Category.MT_ERROR,
    fires=(
        "«I do not believe these talks will fix everything,» she told reporters.",
        "Asked about a deal, he replied: «Europeans must be ready to give ground.»",
        "«Our position is clear,» Petrov said on Sunday. «We will not change it.»",
    ),
    quiet=(
        "“I don't think we can expect much,” he told reporters.",
        "Okafor said the ministry would welcome progress, Lindqvist said.",
        "We ate well, and I slept. Then we left.",
        "There are limits to what science can answer, such as why we are here, he said.",
        "I was wrong, he said he thought at the time.",
    ),
)
def unquoted_direct_speech(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Direct speech whose quotation marks were lost.

    A first-person statement followed by ", he said" or ", Petrov told reporters", or words
    after "he replied:", with no quotation marks in the paragraph, is flagged; so is a
    first-person sentence that continues a flagged one in the same paragraph. A generic "we"
    past the opening words ("why we are here") or a reported clause after the verb ("he said
    he thought") is the reporter's own indirect speech and stays quiet.

    Why it matters:
        Without its marks, direct speech reads as the reporter's own voice. MT systems often
        drop quotation marks.
    Example:
        I don't think we can expect much, he told reporters
    Use instead:
        “I don't think we can expect much,” he told reporters
    Known false positives:
        Reported speech in the first person plural of a collective ("We won, the team said")
        in a house style that leaves such sentences unquoted.
    """
    text = doc.text
    marks = [m.start() for m in QUOTE_MARKS.finditer(text)]
    previous = -2
    for index, s in enumerate(doc.sentences):
        if _in_quoted_paragraph(text, marks, s.start, s.end):
            continue
        hit = _speech(text, s.start, s.end)
        if hit is None and previous == index - 1 and _same_paragraph(doc, index):
            hit = _continuation(text, s.start, s.end)
        if hit is not None:
            previous = index
            yield hit


def _same_paragraph(doc: Document, index: int) -> bool:
    """Return True if sentence `index` follows the one before it on the same line."""
    return not crosses_line(doc.text, doc.sentences[index - 1].end, doc.sentences[index].start)


def _in_quoted_paragraph(text: str, marks: list[int], start: int, end: int) -> bool:
    """Return True if the paragraph around text[start:end] has one of the quotation `marks`."""
    k = bisect.bisect_left(marks, line_start(text, start))
    return k < len(marks) and marks[k] < line_end(text, end)


def _speech(text: str, start: int, end: int) -> Hit | None:
    """Return a hit for unquoted speech before ", he said" or after "he replied:"."""
    # The attribution holds a colon: most sentences have none, and are not searched.
    colon = COLON_ATTRIBUTION.search(text, start, end) if text.find(":", start, end) >= 0 else None
    if colon:
        return _wrap(text, colon.end(), end, "after an attribution with a colon")
    trail = TRAILING_ATTRIBUTION.search(text, start, end)
    if trail is None or REPORTED_CLAUSE.match(text, trail.end(), end):
        return None
    lead = FIRST_PERSON_LEAD.match(text, start, trail.start())
    if lead or SPEAKER_ONLY.search(text, start, trail.start()):
        return Hit(
            start,
            trail.start() + 1,
            "First-person words attributed with a speech verb but without quotation marks: "
            "probably direct speech whose quotation marks were lost.",
            suggestion=f"“{text[start : trail.start() + 1]}”" if lead else None,
            confidence=0.7,
        )
    return None


def _continuation(text: str, start: int, end: int) -> Hit | None:
    """Return a hit for a first-person sentence that continues unquoted speech."""
    if FIRST_PERSON.search(text, start, end) is None:
        return None
    return _wrap(text, start, end, "continuing the unquoted speech before it")


def _wrap(text: str, start: int, end: int, where: str) -> Hit:
    """Return a hit suggesting quotation marks around text[start:end]."""
    return Hit(
        start,
        end,
        f"Direct speech without quotation marks, {where}.",
        suggestion=f"“{text[start:end]}”",
        confidence=0.7,
    )
