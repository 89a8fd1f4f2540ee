"""Load the built-in calques and the user's glossaries (CSV, TSV, TBX) into flaggable entries.

A glossary CSV or TSV file starts with a header naming its columns: `term` (the canonical
term) and `variants` (forbidden variants separated by `;`, each in the pattern syntax of
`auditor.knowledge.patterns`), optionally `note` and `severity` (error, warning or info;
default warning). Lines whose first cell starts with `#` are comments. A variant that differs
from its term only in case is matched case-sensitively ("kiev" may not flag "Kiev").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from auditor.knowledge.patterns import PatternError, WordPattern, compile_pattern
from auditor.model import InputError, Severity
from auditor.read.files import read_text_file

Row = tuple[str, str, str, str]
CALQUES_FILE = Path(__file__).with_name("calques.tsv")
GLOSSARY_FILE = Path(__file__).with_name("glossary.tsv")
MAX_GLOSSARY_BYTES = 20_000_000
COLUMN_ALIASES = {
    "term": "term",
    "canonical": "term",
    "preferred": "term",
    "variants": "variants",
    "variant": "variants",
    "forbidden": "variants",
    "deprecated": "variants",
    "note": "note",
    "notes": "note",
    "comment": "note",
    "severity": "severity",
}


@dataclass(frozen=True)
class Entry:
    """A wording to flag: its compiled pattern and suggestion, severity, note and origin."""

    pattern: WordPattern
    severity: Severity
    note: str
    source: str


@dataclass(frozen=True)
class GlossaryTerm:
    """A canonical term from a user glossary with the variants it forbids."""

    term: str
    variants: tuple[Entry, ...]
    note: str
    source: str


@lru_cache(maxsize=1)
def builtin_calques() -> tuple[Entry, ...]:
    """Load the built-in calques file once per process."""
    return load_calques(CALQUES_FILE)


@lru_cache(maxsize=1)
def builtin_glossary() -> tuple[GlossaryTerm, ...]:
    """Load the built-in glossary once per process."""
    return load_glossary(GLOSSARY_FILE, trusted=True)


def load_calques(path: Path) -> tuple[Entry, ...]:
    """Parse a calques file: pattern, suggestion, severity, note separated by tabs."""
    entries = []
    for number, line in enumerate(_read(path).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 4:
            raise InputError(f"{path}:{number}: expected 4 tab-separated columns, got {len(cells)}")
        pattern, suggestion, severity, note = cells
        source, where = f"{path.name}:{number}", f"{path}:{number}"
        entries.append(_entry(pattern, suggestion, severity, note, source, where, trusted=True))
    return tuple(entries)


def load_glossary(path: str | Path, *, trusted: bool = False) -> tuple[GlossaryTerm, ...]:
    """Load a CSV, TSV or TBX glossary; raise InputError naming the file and line.

    Regular expressions of a file that is not `trusted` (a user's) run on RE2.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".tbx":
        from auditor.knowledge.tbx import parse_tbx

        rows = parse_tbx(_read(p), str(p))
        return tuple(_term(*row, where, trusted) for where, row in rows)
    if suffix not in (".csv", ".tsv"):
        raise InputError(
            f"{p}: unknown glossary format {suffix or '(none)'!r} (use .csv, .tsv or .tbx)"
        )
    delimiter = "\t" if suffix == ".tsv" else ","
    rows = _rows(_read(p), delimiter, str(p))
    return tuple(_term(*row, where, trusted) for where, row in rows)


def _rows(text: str, delimiter: str, name: str) -> Iterator[tuple[str, Row]]:
    """Yield (file:line, (term, variants, note, severity)) from a delimited file with a header."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = _header(next(reader, []), name)
        for row in reader:
            if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue
            if len(row) > len(header):
                raise InputError(
                    f"{name}:{reader.line_num}: {len(row)} cells for {len(header)} columns"
                )
            cells = dict(zip(header, (c.strip() for c in row), strict=False))
            term, variants = cells.get("term", ""), cells.get("variants", "")
            yield (
                f"{name}:{reader.line_num}",
                (term, variants, cells.get("note", ""), cells.get("severity", "")),
            )
    except csv.Error as exc:
        raise InputError(
            f"{name}:{reader.line_num}: malformed {delimiter!r}-separated row ({exc})"
        ) from None


def _header(cells: list[str], name: str) -> list[str]:
    """Return the canonical column names of a header row, or raise InputError."""
    names = [c.strip().lower() for c in cells]
    unknown = [c for c in names if c not in COLUMN_ALIASES]
    if unknown:
        raise InputError(
            f"{name}:1: unknown column {unknown[0]!r} (expected term, variants, note, severity)"
        )
    header = [COLUMN_ALIASES[c] for c in names]
    if "term" not in header:
        raise InputError(f"{name}:1: the header needs a 'term' column")
    return header


def _term(
    term: str, variants: str, note: str, severity: str, where: str, trusted: bool
) -> GlossaryTerm:
    """Build a glossary term whose variants suggest the term."""
    if not term:
        raise InputError(f"{where}: the term is empty")
    entries = []
    for variant in (v.strip() for v in variants.split(";")):
        if not variant:
            continue
        exact_case = variant.casefold() == term.casefold()
        level = severity or "warning"
        entries.append(_entry(variant, term, level, note, where, where, exact_case, trusted))
    return GlossaryTerm(term, tuple(entries), note, where)


def _entry(
    pattern: str,
    suggestion: str,
    severity: str,
    note: str,
    source: str,
    where: str,
    exact_case: bool = False,
    trusted: bool = False,
) -> Entry:
    """Compile one entry, turning a bad pattern or severity into InputError at `where`."""
    try:
        compiled = compile_pattern(
            pattern.strip(), suggestion, ignore_case=not exact_case, trusted=trusted
        )
        level = Severity(severity.strip().lower())
    except PatternError as exc:
        raise InputError(f"{where}: bad pattern {pattern!r}: {exc}") from None
    except ValueError:
        raise InputError(
            f"{where}: severity must be error, warning or info, not {severity!r}"
        ) from None
    return Entry(compiled, level, note.strip(), source)


def _read(path: Path) -> str:
    """Read a UTF-8 glossary file or raise InputError naming it."""
    return read_text_file(path, MAX_GLOSSARY_BYTES, what="glossary file")
