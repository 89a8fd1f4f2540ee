"""General knowledge the rules use: title ranks, governments' offices, canonical names, calques
(user-extensible)."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.knowledge.aliases import load_aliases
from auditor.knowledge.glossary import (
    Entry,
    GlossaryTerm,
    builtin_calques,
    builtin_glossary,
    load_glossary,
)
from auditor.knowledge.governments import GovernmentBook, load_governments
from auditor.knowledge.names import NameBook, load_names
from auditor.knowledge.titles import TitleBook, load_titles


@dataclass(frozen=True)
class Knowledge:
    """Knowledge loaded from the built-in data files and the user's glossaries."""

    titles: TitleBook = field(default_factory=TitleBook)
    names: NameBook = field(default_factory=NameBook)
    calques: tuple[Entry, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    aliases: tuple[tuple[str, ...], ...] = ()
    governments: GovernmentBook = field(default_factory=GovernmentBook)

    @property
    def canonical_terms(self) -> tuple[str, ...]:
        """Return the canonical terms of the user's glossaries."""
        return tuple(t.term for t in self.glossary)


def load_knowledge(glossaries: tuple[str, ...] = ()) -> Knowledge:
    """Load the built-in knowledge merged with the user's glossary files."""
    user = tuple(term for path in glossaries for term in load_glossary(path))
    return Knowledge(
        titles=load_titles(),
        names=load_names(),
        calques=builtin_calques(),
        glossary=builtin_glossary() + user,
        aliases=load_aliases(),
        governments=load_governments(),
    )
