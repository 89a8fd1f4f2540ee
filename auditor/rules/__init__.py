"""The one list of rule modules; importing this package registers every rule."""

from auditor.rules import (
    broken,
    calques,
    entities,
    facts,
    glossary,
    institutions,
    invisible,
    names,
    pronouns,
    punctuation,
    quotations,
    readability,
    titles,
    unreadable,
    untranslated,
)

__all__ = [
    "broken",
    "calques",
    "entities",
    "facts",
    "glossary",
    "institutions",
    "invisible",
    "names",
    "pronouns",
    "punctuation",
    "quotations",
    "readability",
    "titles",
    "unreadable",
    "untranslated",
]
