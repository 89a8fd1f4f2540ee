"""Groups of names for one country or body ("UK", "Britain", "British"), from `aliases.tsv`."""

from __future__ import annotations

from pathlib import Path

ALIASES_FILE = Path(__file__).with_name("aliases.tsv")


def load_aliases(path: Path = ALIASES_FILE) -> tuple[tuple[str, ...], ...]:
    """Return the alias groups of a file: one group a line, spellings separated by "|"."""
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            groups.append(tuple(s.strip() for s in line.split("|") if s.strip()))
    return tuple(groups)
