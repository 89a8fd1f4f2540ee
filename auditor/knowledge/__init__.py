"""General knowledge the rules use: title ranks, canonical names, calques (user-extensible)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Knowledge:
    """Knowledge loaded from the built-in data files and the user's glossaries."""


def load_knowledge(glossaries: tuple[str, ...] = ()) -> Knowledge:
    """Load the built-in knowledge merged with the user's glossary files."""
    return Knowledge()
