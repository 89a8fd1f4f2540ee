"""A person's gender changed between a translation and its reference ("she" there, "his" here)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.align.pairs import version_pairs
from auditor.knowledge.lexicon import lexicon
from auditor.model import Category, Document, Hit, Severity, Span
from auditor.rules.registry import Context, rule

MASCULINE = lexicon().word_set("masculine_pronouns")
FEMININE = lexicon().word_set("feminine_pronouns")
PRONOUN = re.compile(r"\b[A-Za-z]+\b")
# The counterpart of each pronoun; "her" has two ("him", "his"), so no fix is offered for it.
SWAP = {"he": "she", "him": "her", "his": "her", "himself": "herself", "she": "he"}
SWAP |= {"herself": "himself", "hers": "his"}


@rule(
    "E103",
    Severity.WARNING,
    Category.MT_ERROR,
    scope="sources",
    level="preview",
    fires=(
        (
            "Minister Ana Ruiz said she would resign after the vote.",
            "Minister Ana Ruiz said «he» would resign after the vote.",
        ),
        (
            "The singer opened her first shop in Guangzhou last year.",
            "The singer opened «his» first shop in Guangzhou last year.",
        ),
    ),
    quiet=(
        (
            "Minister Ana Ruiz said she would resign after the vote.",
            "Minister Ana Ruiz said she would resign after the vote.",
        ),
        (
            "He said his wife would resign after the vote.",
            "He said that she would resign after the vote, his office added.",
        ),
        (
            "The minister said the vote was lost.",
            "The minister said he lost the vote.",
        ),
    ),
)
def pronoun_gender(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A sentence of a translation speaks of a man where its reference speaks of a woman.

    Only sentences aligned with the reference are compared, and only when each side uses
    pronouns of one gender alone ("he", "him", "his" against "she", "her"): a sentence that
    speaks of a man and a woman, or one whose reference has no pronoun, is never flagged. The
    first pronoun of the translation is marked, the reference's shown as evidence. Runs only
    where the text is a version of the first document, never across two outlets' articles.

    Why it matters:
        Chinese and several other languages do not mark gender in speech ("ta"), and machine
        translation often guesses it wrong: a woman becomes "he" in the translation.
    Example:
        Minister Ana Ruiz said he would resign, where the reference says she would
    Use instead:
        Minister Ana Ruiz said she would resign
    Known false positives:
        A reference that rewrites the sentence around another person, and aligned sentences
        that speak of different people.
    """
    for pair in version_pairs(doc, ctx):
        mine = _pronouns(doc.text, pair.start, pair.end)
        theirs = _pronouns(pair.ref.text, pair.ref_start, pair.ref_end)
        genders_mine = {g for g, _ in mine}
        genders_theirs = {g for g, _ in theirs}
        if len(genders_mine) != 1 or len(genders_theirs) != 1 or genders_mine == genders_theirs:
            continue
        (_, first), (_, evidence) = mine[0], theirs[0]
        word, ref_word = first.group(), evidence.group()
        swapped = SWAP.get(word.lower())
        yield Hit(
            first.start(),
            first.end(),
            f"{word!r} here, but the aligned sentence of the reference says {ref_word!r}: "
            "the person's gender is probably mistranslated.",
            suggestion=_match_case(swapped, word) if swapped else None,
            related=(Span(pair.ref.id, evidence.start(), evidence.end(), ref_word),),
            confidence=0.7,
        )


def _pronouns(text: str, start: int, end: int) -> list[tuple[str, re.Match[str]]]:
    """Return the gendered pronouns of a passage with their gender, in order."""
    out: list[tuple[str, re.Match[str]]] = []
    for m in PRONOUN.finditer(text, start, end):
        low = m.group().lower()
        if low in MASCULINE or low in FEMININE:
            out.append(("m" if low in MASCULINE else "f", m))
    return out


def _match_case(word: str, original: str) -> str:
    """Give `word` the capitalisation of `original`'s first letter."""
    return word.capitalize() if original[:1].isupper() else word
