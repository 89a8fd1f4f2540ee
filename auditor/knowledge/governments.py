"""The top offices of national governments, country by country, from `governments.toml`."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.knowledge.titles import fold_title

GOVERNMENTS_FILE = Path(__file__).with_name("governments.toml")


@dataclass(frozen=True, slots=True)
class Government:
    """One country's checked offices (canonical spellings) and the office heading its government."""

    offices: frozenset[str]
    head: str


@dataclass(frozen=True)
class GovernmentBook:
    """Governments by every word that names their country, and the offices judged."""

    by_name: Mapping[str, Government] = field(default_factory=dict)
    checked: frozenset[str] = frozenset()
    leaders: frozenset[str] = frozenset()

    def of(self, word: str) -> Government | None:
        """Return the government a country word names ("German", "U.S."), or None."""
        return self.by_name.get(word)


def parse_governments(data: Mapping[str, Any]) -> GovernmentBook:
    """Build a GovernmentBook from parsed TOML data (`checked`, `leaders`, `[country.*]`)."""
    by_name: dict[str, Government] = {}
    for table in data.get("country", {}).values():
        government = Government(
            frozenset(fold_title(str(o)) for o in table["offices"]),
            fold_title(str(table["head"])),
        )
        by_name.update((str(name), government) for name in table["names"])
    return GovernmentBook(
        by_name,
        frozenset(fold_title(str(o)) for o in data.get("checked", [])),
        frozenset(fold_title(str(o)) for o in data.get("leaders", [])),
    )


def load_governments(path: Path = GOVERNMENTS_FILE) -> GovernmentBook:
    """Load the governments' offices from a TOML file."""
    with path.open("rb") as fh:
        return parse_governments(tomllib.load(fh))
