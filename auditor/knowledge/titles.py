"""Official titles grouped by office family, loaded from `titles.toml`."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TITLES_FILE = Path(__file__).with_name("titles.toml")


@dataclass(frozen=True)
class Office:
    """One office: its canonical spelling and the family it ranks within."""

    canonical: str
    family: str


@dataclass(frozen=True)
class TitleBook:
    """Spellings of offices, the words they are made of, and portfolio words."""

    offices: Mapping[str, Office] = field(default_factory=dict)
    portfolio: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    office_words: frozenset[str] = frozenset()

    @property
    def words(self) -> frozenset[str]:
        """Return every word that may belong to a title phrase."""
        return self.office_words | self.portfolio

    def office(self, words: Sequence[str]) -> Office | None:
        """Return the office named by title words such as ["deputy", "foreign", "minister"]."""
        folded = [w.lower() for w in words]
        core = [w for w in folded if w in self.office_words]
        for candidate in (folded, core, *(core[i:] for i in range(1, len(core)))):
            found = self.offices.get(" ".join(candidate))
            if found:
                return found
        return None


def fold_title(text: str) -> str:
    """Lower-case a title and read hyphens and full stops as spaces."""
    return " ".join(text.lower().replace("-", " ").replace(".", " ").split())


def parse_titles(data: Mapping[str, Any]) -> TitleBook:
    """Build a TitleBook from parsed TOML data (`portfolio` and `[[family]]` tables)."""
    offices: dict[str, Office] = {}
    for family in data.get("family", []):
        head = fold_title(str(family["head"]))
        for spellings in family["offices"]:
            canonical = fold_title(spellings[0])
            for spelling in spellings:
                offices[fold_title(spelling)] = Office(canonical, head)
    return TitleBook(
        offices=offices,
        portfolio=frozenset(fold_title(str(w)) for w in data.get("portfolio", [])),
        heads=frozenset(s.split()[-1] for s in offices),
        office_words=frozenset(w for s in offices for w in s.split()),
    )


def load_titles(path: Path = TITLES_FILE) -> TitleBook:
    """Load the title ranks from a TOML file."""
    with path.open("rb") as fh:
        return parse_titles(tomllib.load(fh))
