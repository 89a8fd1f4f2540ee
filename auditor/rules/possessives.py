"""Names that lost their possessive: "People Daily", "Childrens Hospital", "Peoples Republic"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from auditor.knowledge.lexicon import lexicon
from auditor.model import Category, Document, Hit, Severity
from auditor.rules.registry import Context, rule

OWNERS = lexicon().word_set("possessive_owners")
HEADS = lexicon().word_set("possessive_heads") | lexicon().word_set("organisation_nouns")
# "People's Daily", "Workers' Party": the owner as written before its mark, and the next word.
OWNED = re.compile(r"\b(?P<owner>[A-Z][a-z]+?)(?P<mark>['’]s|s['’])\s+(?P<head>[A-Z][a-z]+)\b")
# Every two capitalised words in a row, overlapping ("The People Daily": "People Daily" too).
BARE = re.compile(r"\b(?=(?P<pair>(?P<owner>[A-Z][a-z]+)\s+(?P<head>[A-Z][a-z]+)\b))")


@rule(
    "N105",
    Severity.WARNING,
    Category.MT_ERROR,
    level="preview",
    fires=(
        "The «People Daily» reported the plan on Monday.",
        "The «Childrens Hospital» opened a new wing.",
        "The «Peoples Republic» of China was founded in 1949.",
        "The Workers' Party met. Later the «Workers Party» said it would vote.",
    ),
    quiet=(
        "The People's Daily reported the plan on Monday.",
        "The People Power Party won the vote.",
        "Children Aged 5 to 11 May Get the Vaccine.",
        "The Pakistan Peoples Party won the vote.",
        "The Veterans Day parade was held. The Veterans' Affairs office was closed.",
    ),
)
def missing_possessive(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A name that needs a possessive written without one.

    "People", "Children", "Women" or "Men" before a word that makes a name ("Daily",
    "Hospital", "Republic", "World Cup"), a misspelt plural ("Childrens", "Womens") before a
    capitalised word, or a name with a plural owner written with its possessive elsewhere in the
    same text, in a version of it or among the knowledge file's well-known names ("Workers'
    Party", "People's Bank of China") and here without. A singular owner is no evidence:
    "China's Dairy Capital" and "China Dairy Park" are both English. The possessive form is
    the fix.

    Why it matters:
        Machine translation and careless editing drop apostrophes from the names of outlets,
        programmes and institutions; "People Daily" reads as a slip to anyone who knows the name.
    Example:
        The People Daily reported the plan.
    Use instead:
        The People's Daily reported the plan.
    Known false positives:
        Names that really are written without the apostrophe ("Pakistan Peoples Party" stays
        quiet; one written with the possessive elsewhere in the same text would not).
    """
    owned = _owned(*_known_names(ctx), doc.text[doc.body_start :])
    owned |= _owned(*_version_texts(doc, ctx))
    for m in BARE.finditer(doc.text, doc.body_start):
        fix = _fix(m["owner"], m["head"], owned)
        if fix is not None:
            yield Hit(
                m.start(),
                m.end("pair"),
                f"“{m['pair']}” is a name written without its possessive: "
                f"English writes it “{fix}”.",
                suggestion=fix,
                confidence=0.6,
            )


def _fix(owner: str, head: str, owned: Mapping[tuple[str, str], str]) -> str | None:
    """Return the possessive form of "owner head", or None if it needs none."""
    known = owned.get((owner.lower(), head.lower()))
    if known:
        return f"{known} {head}"
    lower = owner.lower()
    if lower in OWNERS and head.lower() in HEADS:
        return f"{owner}'s {head}"
    if lower.endswith("s") and lower[:-1] in OWNERS and lower != "peoples":
        return f"{owner[:-1]}'s {head}"
    return None


def _owned(*texts: str) -> dict[tuple[str, str], str]:
    """Map (bare owner, next word) of each possessive name in `texts` to the owner as written."""
    return {key: owner for text in texts for key, owner in _pairs(text)}


def _pairs(text: str) -> Iterator[tuple[tuple[str, str], str]]:
    """Yield ((bare owner, next word), possessive owner) for each possessive name in `text`."""
    for m in OWNED.finditer(text):
        owner, head = m["owner"], m["head"].lower()
        written = owner + m["mark"]
        if m["mark"][0] in "'’":  # "People's": bare "People" and the misspelt "Peoples"
            if owner.lower() not in OWNERS:  # "China's Dairy": a singular owner, not a name's
                continue
            yield (owner.lower(), head), written
            yield (owner.lower() + "s", head), written
        else:  # "Workers'": bare "Workers"
            yield ((owner + "s").lower(), head), written


def _known_names(ctx: Context) -> Iterator[str]:
    """Yield the well-known names and country names of the knowledge files."""
    if ctx.knowledge:
        yield from (n.canonical for n in ctx.knowledge.names.entries)
        yield from (spelling for group in ctx.knowledge.aliases for spelling in group)


def _version_texts(doc: Document, ctx: Context) -> Iterable[str]:
    """Return the bodies of the documents that are versions of `doc`."""
    return [o.text[o.body_start :] for o in ctx.others(doc) if ctx.versions(doc, o)]
