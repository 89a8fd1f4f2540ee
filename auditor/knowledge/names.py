"""Canonical names of well-known treaties and organisations, loaded from `names.tsv`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

NAMES_FILE = Path(__file__).with_name("names.tsv")

# Words that say what kind of thing a name is, not which one.
GENERIC = frozenset(
    """
    the of for on in and to a an de treaty agreement accord accords convention pact protocol
    organization council union agency commission committee fund bank court conference forum
    group association assembly programme initiative partnership department international
    """.split()
)
SPELLING = (
    (re.compile(r"co-?operation"), "cooperation"),
    (re.compile(r"isation"), "ization"),
    (re.compile(r"(?<=[iy])s(?=(?:e[sd]?|ing)\b)"), "z"),  # "recognised", "analyse"
    (re.compile(r"programme"), "program"),
    (re.compile(r"defence"), "defense"),
    (re.compile(r"centre"), "center"),
    (re.compile(r"labour"), "labor"),
)
PATTERN_SPELLING = (
    (r"i[sz]ation", "i[sz]ation"),
    (r"programm?e?", "program(?:me)?"),
    (r"defen[cs]e", "defen[cs]e"),
    (r"cent(?:re|er)", "cent(?:re|er)"),
)
FOLD_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class CanonicalName:
    """A well-known name with its kind and aliases (acronyms included)."""

    canonical: str
    kind: str
    aliases: tuple[str, ...]

    @property
    def spellings(self) -> tuple[str, ...]:
        """Return the canonical name followed by its aliases."""
        return (self.canonical, *self.aliases)

    @cached_property
    def distinctive(self) -> frozenset[str]:
        """Return the folded words of the canonical name that identify it."""
        return frozenset(w for w in fold_words(self.canonical) if w not in GENERIC)


@dataclass(frozen=True)
class NameBook:
    """Canonical names, indexed by every folded spelling."""

    entries: tuple[CanonicalName, ...] = ()
    index: Mapping[str, CanonicalName] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None

    def lookup(self, text: str) -> CanonicalName | None:
        """Return the entry one of whose spellings folds to the same words as `text`."""
        return self.index.get(" ".join(fold_words(text)))


def fold_words(text: str) -> list[str]:
    """Return the words of a name, lower-cased, hyphens split, spelling variants folded."""
    text = text.lower().replace("’", "'").replace(".", "")
    for pattern, repl in SPELLING:
        text = pattern.sub(repl, text)
    return FOLD_WORD.findall(text.replace("-", " "))


def build_names(entries: Iterable[CanonicalName]) -> NameBook:
    """Index entries by their folded spellings (later entries win)."""
    items = tuple(entries)
    index = {" ".join(fold_words(s)): e for e in items for s in e.spellings}
    spellings = sorted({s for e in items for s in e.spellings}, key=len, reverse=True)
    return NameBook(items, index, re.compile(rf"(?<![\w-])(?:{_alternatives(spellings)})(?![\w-])"))


def _alternatives(spellings: Sequence[str]) -> str:
    """Return the spellings' alternation, grouped by first letter behind a lookahead on it.

    `re` tries the alternatives one by one at each word start; a group whose first letter does
    not match is skipped at once (3.5x faster). The first letters are ASCII letters or digits,
    which no two groups share under case-blind matching, so the first alternative to match is
    the same; otherwise the alternatives stay ungrouped.
    """
    groups: dict[str, list[str]] = {}
    for spelling in spellings:
        groups.setdefault(spelling[:1].lower(), []).append(_spelling_pattern(spelling))
    if not all(key.isascii() and key.isalnum() for key in groups):
        return "|".join(_spelling_pattern(s) for s in spellings)
    return "|".join(f"(?=(?i:{key}))(?:{'|'.join(found)})" for key, found in groups.items())


def _spelling_pattern(spelling: str) -> str:
    """Return a regex for a spelling: acronyms match in capitals only, other words in any case."""
    if spelling.replace(".", "").replace("-", "").isupper():
        return re.escape(spelling)
    words = (re.escape(w) for w in re.split(r"[\s-]+", spelling))
    pattern = r"[\s-]+".join(words)
    for variant, tolerant in PATTERN_SPELLING:
        pattern = re.sub(variant, tolerant, pattern, flags=re.IGNORECASE)
    return "(?i:" + pattern + ")"


def parse_names(text: str, source: str = "names.tsv") -> list[CanonicalName]:
    """Parse TSV rows `canonical<TAB>kind<TAB>alias|alias`; `#` starts a comment."""
    out: list[CanonicalName] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip():
            raise ValueError(f"{source}:{number}: expected canonical name<TAB>kind<TAB>aliases")
        aliases = tuple(a.strip() for a in (cells[2] if len(cells) > 2 else "").split("|"))
        out.append(
            CanonicalName(cells[0].strip(), cells[1].strip(), tuple(a for a in aliases if a))
        )
    return out


def load_names(path: Path = NAMES_FILE) -> NameBook:
    """Load the canonical names from a TSV file."""
    return build_names(parse_names(path.read_text(encoding="utf-8"), str(path)))
