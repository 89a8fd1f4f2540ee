"""Proper names of a translation with no counterpart in its reference, and the reverse."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from auditor.align.pairs import Pair, version_pairs
from auditor.knowledge.lexicon import lexicon
from auditor.mentions.namewords import (
    Word,
    common_words,
    name_span,
    name_words,
    unmatched,
    words,
)
from auditor.model import Category, Document, Hit, Severity, Span
from auditor.rules.registry import Context, rule

PRONOUNS = lexicon().word_set("personal_pronouns")
PLACE_KINDS = lexicon().word_set("place_kinds")
FUNCTION_WORDS = lexicon().word_set("stopwords")  # "U.S. airspace" for "the airspace"
WIDEST = 8  # words of a replaced passage that still point at one place; wider: the sentence


@rule(
    "E101",
    Severity.WARNING,
    Category.MT_ERROR,
    scope="sources",
    fires=(
        (
            "Spanish expert Julio Rios said the economy would recover.",
            "Spanish expert «Julio Riaz» said the economy would recover.",
        ),
        (
            "The report was published by the Economic Observer on Friday.",
            "The report was published by the «Economic Watch Network» on Friday.",
        ),
    ),
    quiet=(
        (
            "The Chinese PLA took part in the exercise.",
            "The People's Liberation Army of China took part in the exercise.",
        ),
        (
            "Exports from the United States to Britain fell.",
            "U.S. exports to the UK fell.",
        ),
        (
            "Russia massed troops near the border, the ministry said.",
            "Russia has massed troops near the border.\nNATO met in Brussels.",
        ),
    ),
)
def unmatched_name(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A proper name in a translation with no counterpart in the aligned reference sentence.

    A name counts as matched when the reference has it up to case, possessive, derivation
    ("Chinese" / "China"), spelling variant, compound ("Chinanews" / "China News"), acronym
    ("PLA" / "People's Liberation Army") or a known alias ("UK" / "Britain"). Capitals due to
    position, headlines in title case and common words ("Plan", "Street") are not names. A
    single added word is only a heads-up (info) unless it stands where the reference has other
    content words, none of them a name or a pronoun ("the problems of Christianity" for "the
    issues faced by fund investors"); so is a name that differs only in its kind of place
    ("Henan Province" / "Henan Area"). Runs only where the text is a version of the first
    document (a translation and its reference, most sentences aligned in order), never across
    two outlets' articles.

    Why it matters:
        Names are where machine translation fails worst and where readers notice: a
        transliterated person's name spelled wrongly ("Brinkin" for "Blinken"), an organisation
        renamed word by word ("Economic Watch Network" for "Economic Observer"), a name that is
        not in the source at all.
    Example:
        Julio Riaz, where the reference says Julio Rios
    Use instead:
        Julio Rios
    Known false positives:
        A name the translation spells out that the reference leaves implicit, and aliases the
        knowledge file does not know yet (add them to aliases.tsv).
    """
    common = common_words()
    aliases = ctx.knowledge.aliases if ctx.knowledge else ()
    for pair in version_pairs(doc, ctx):
        mine = unmatched(
            doc.text, (pair.start, pair.end), pair.ref.text, pair.ref_span, common, aliases
        )
        if not mine:
            continue
        missing = unmatched(
            pair.ref.text, pair.ref_span, doc.text, (pair.start, pair.end), common, aliases
        )
        theirs = _names(pair.ref.text, pair.ref_span, missing)
        names = _names(doc.text, (pair.start, pair.end), mine)
        lone = len(mine) == 1 and not theirs and not _stands_for_words(doc, pair, mine[0])
        kinds = all(w.key in PLACE_KINDS for w in (*mine, *missing))
        for name in names:
            hit = _added_hit(doc, pair, name, theirs, alone=len(names) == 1)
            yield replace(hit, severity=Severity.INFO, confidence=0.5) if lone or kinds else hit


def _stands_for_words(doc: Document, pair: Pair, word: Word) -> bool:
    """Return True if the name stands where the reference has other words, not only function
    words and none of them a name or a pronoun ("the problems of Christianity" for "the issues
    faced by fund investors"; "Smith said" for "he said" is a name the reader could resolve, and
    "Beijing" for "China" a place named more or less precisely: a capitalised word inside the
    sentence is a name here even where it is also a common word)."""
    ref_words = words(pair.ref.text, *pair.ref_span)
    my_words = words(doc.text, pair.start, pair.end)
    at = next(i for i, w in enumerate(my_words) if w.start >= word.start)
    matcher = SequenceMatcher(None, [w.key for w in ref_words], [w.key for w in my_words])
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if j1 <= at < j2:
            if tag != "replace" or max(i2 - i1, j2 - j1) > WIDEST:
                return False
            passage = ref_words[i1:i2]
            named = name_words(pair.ref.text, *pair.ref_span, frozenset())
            content = any(w.key not in FUNCTION_WORDS for w in passage)
            return (
                content
                and not any(w.key in PRONOUNS for w in passage)
                and not any(passage[0].start <= w.start < passage[-1].end for w in named)
            )
    return False


def _names(text: str, span: tuple[int, int], found: Sequence[Word]) -> list[tuple[int, int]]:
    """Return the distinct name runs around the given words, in order."""
    return sorted({name_span(text, span, w) for w in found})


def _added_hit(
    doc: Document,
    pair: Pair,
    name: tuple[int, int],
    theirs: Sequence[tuple[int, int]],
    *,
    alone: bool,
) -> Hit:
    """Build the finding for a name the reference has no counterpart for."""
    text = doc.text[name[0] : name[1]]
    ref = pair.ref
    related = [Span(ref.id, s, e, ref.text[s:e]) for s, e in theirs]
    if not related:
        related = [Span(ref.id, *pair.ref_span, ref.text[pair.ref_start : pair.ref_end])]
    other = f" (it names {related[0].text!r} instead)" if theirs else ""
    return Hit(
        name[0],
        name[1],
        f"{text!r} has no counterpart in the aligned sentence of the reference{other}: "
        "a name added, misspelled or translated word by word.",
        suggestion=related[0].text if alone and len(theirs) == 1 else None,
        related=tuple(related),
        confidence=0.8 if theirs else 0.7,
    )


@rule(
    "E102",
    Severity.WARNING,
    Category.MT_ERROR,
    scope="sources",
    fires=(
        (
            "CCTV News: dental implants are the best choice for many patients.",
            "«Dental implants are the best choice for many patients.»",
        ),
        (
            "Russian and American diplomats met in Geneva on Monday, hosted by the Organization"
            " for Security and Co-operation in Europe.",
            "«Russian and American diplomats met in Geneva on Monday, hosted by the security "
            "«organisation».»",
        ),
    ),
    quiet=(
        (
            "The China Securities Regulatory Commission approved the plan.",
            "The CSRC approved the plan.",
        ),
        (
            "Blacklisted firms cannot buy technology from the United States.",
            "Blacklisted firms cannot buy U.S. technology.",
        ),
        (
            "Spanish expert Julio Rios said the economy would recover.",
            "Spanish expert Julio Riaz said the economy would recover.",
        ),
    ),
)
def dropped_name(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A proper name of the reference that the aligned sentence of a translation leaves out.

    The finding points at the words of the translation that stand where the name should be
    (the passage that replaced it), or at the whole sentence when nothing replaced it, and
    shows the name. Names are matched as for E101; sentences whose own names are also
    unmatched are left to E101, which reports the pair once, on the translation's side. A
    dropped acronym alone, a name shortened with nothing standing in for the rest ("O'Neal"
    for "Shaquille O'Neal"), or a one-word name with nothing or only a pronoun in its place
    ("the city" for "the city of Hatay", "he said" for "Rios said": a detail the text leaves
    implicit, as often between two writers as in a translation) is only a heads-up (info), as
    a lone added word is for E101.

    Why it matters:
        A translation that drops the name of a person, an organisation, a place or a source
        ("CCTV News:", "according to Xinhua") loses what makes the sentence checkable.
    Example:
        the reference opens with "CCTV News:", the translation does not
    Use instead:
        the translation with the name restored ("CCTV News: ...")
    Known false positives:
        A name replaced by a pronoun or a description the reader can resolve ("the
        broadcaster"), and acronyms spelled out in the translation.
    """
    common = common_words()
    aliases = ctx.knowledge.aliases if ctx.knowledge else ()
    for pair in version_pairs(doc, ctx):
        span = (pair.start, pair.end)
        if unmatched(doc.text, span, pair.ref.text, pair.ref_span, common, aliases):
            continue
        missing = unmatched(pair.ref.text, pair.ref_span, doc.text, span, common, aliases)
        for name in _names(pair.ref.text, pair.ref_span, missing):
            hit = _dropped_hit(doc, pair, name)
            gone = [w for w in missing if name[0] <= w.start < name[1]]
            acronyms = all(w.acronym for w in gone)
            nothing = (hit.start, hit.end) == span or _resolvable(doc.text[hit.start : hit.end])
            shortened = (hit.start, hit.end) == span and _kept_part(pair, name, gone, common)
            lone = len(gone) == 1 and name == (gone[0].start, gone[0].end)
            if acronyms or shortened or (lone and nothing):
                hit = replace(hit, severity=Severity.INFO, confidence=0.4)
            yield hit


def _resolvable(passage: str) -> bool:
    """Return True if the words standing for a name are only pronouns and function words."""
    found = words(passage, 0, len(passage))
    return bool(found) and all(w.key in PRONOUNS or w.key in FUNCTION_WORDS for w in found)


def _kept_part(
    pair: Pair, name: tuple[int, int], gone: Sequence[Word], common: frozenset[str]
) -> bool:
    """Return True if the translation keeps a name word of the reference name (the name
    shortened: "O'Neal" for "Shaquille O'Neal", nothing standing in for the rest)."""
    found = name_words(pair.ref.text, *pair.ref_span, common)
    return sum(name[0] <= w.start < name[1] for w in found) > len(gone)


def _dropped_hit(doc: Document, pair: Pair, name: tuple[int, int]) -> Hit:
    """Build the finding for a reference name the translation does not have."""
    text = pair.ref.text[name[0] : name[1]]
    start, end = _opposite(doc, pair, name)
    return Hit(
        start,
        end,
        f"The aligned sentence of the reference names {text!r}; this sentence has no "
        "counterpart for it: a name dropped or mistranslated.",
        related=(Span(pair.ref.id, name[0], name[1], text),),
        confidence=0.7,
    )


def _opposite(doc: Document, pair: Pair, name: tuple[int, int]) -> tuple[int, int]:
    """Return the words of the translation that replaced the name, or the whole passage."""
    ref_words = words(pair.ref.text, *pair.ref_span)
    my_words = words(doc.text, pair.start, pair.end)
    first = next(i for i, w in enumerate(ref_words) if w.start >= name[0])
    matcher = SequenceMatcher(None, [w.key for w in ref_words], [w.key for w in my_words])
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 <= first < i2 and tag == "replace" and j2 - j1 <= WIDEST:
            return my_words[j1].start, my_words[j2 - 1].end
    return pair.start, pair.end
