"""Read TBX termbases: TBX 2 (termEntry, langSet, tig) and TBX 3 (conceptEntry, langSec)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from auditor.model import InputError

ENTRY_TAGS = ("termEntry", "conceptEntry")
LANG_TAGS = ("langSet", "langSec")
TERM_TAGS = ("tig", "ntig", "termSec")
STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
FORBIDDEN = ("deprecated", "superseded", "forbidden", "rejected", "obsolete")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DECLARATION = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def parse_tbx(
    text: str, name: str, lang: str = "en"
) -> Iterator[tuple[str, tuple[str, str, str, str]]]:
    """Yield (where, (term, variants, note, severity)) for each entry with terms in `lang`."""
    if DECLARATION.search(text):
        raise InputError(f"{name}: DTD and entity declarations are refused in glossaries")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, column = exc.position
        raise InputError(f"{name}:{line}: not well-formed XML (column {column + 1})") from None
    entries = [e for e in root.iter() if _local(e.tag) in ENTRY_TAGS]
    if not entries:
        raise InputError(f"{name}: no termEntry or conceptEntry elements (not a TBX file?)")
    for number, entry in enumerate(entries, 1):
        where = f"{name}: entry {entry.get('id') or number}"
        terms = [t for ls in _children(entry, LANG_TAGS) if _is_lang(ls, lang) for t in _terms(ls)]
        if not terms:
            continue
        preferred = [t for t, s in terms if not _forbidden(s)]
        if not preferred:
            raise InputError(f"{where}: every term is deprecated; no canonical term to suggest")
        canonical = next((t for t, s in terms if "preferred" in s), preferred[0])
        variants = "; ".join(t for t, s in terms if _forbidden(s))
        yield where, (canonical, variants, _note(entry), "")


def _terms(lang_set: ET.Element) -> list[tuple[str, str]]:
    """Return (term, status) pairs of a language section."""
    out = []
    for group in _children(lang_set, TERM_TAGS):
        term = next((e for e in group.iter() if _local(e.tag) == "term"), None)
        if term is None or not "".join(term.itertext()).strip():
            continue
        status = next(
            (
                e.text or ""
                for e in group.iter()
                if _local(e.tag) in ("termNote", "descrip") and e.get("type") in STATUS_TYPES
            ),
            "",
        )
        out.append((" ".join("".join(term.itertext()).split()), status.lower()))
    return out


def _note(entry: ET.Element) -> str:
    """Return the entry's definition or note, if any."""
    for e in entry.iter():
        if _local(e.tag) in ("descrip", "note") and e.get("type", "definition") == "definition":
            return " ".join("".join(e.itertext()).split())
    return ""


def _children(element: ET.Element, tags: tuple[str, ...]) -> list[ET.Element]:
    """Return descendants whose local tag name is one of `tags`."""
    return [e for e in element.iter() if _local(e.tag) in tags]


def _is_lang(element: ET.Element, lang: str) -> bool:
    """Return True if the element's xml:lang is `lang` or a regional variant of it."""
    code = (element.get(XML_LANG) or element.get("lang") or "").lower()
    return code == lang or code.startswith(lang + "-") or code.startswith(lang + "_")


def _forbidden(status: str) -> bool:
    """Return True for a status that forbids the term."""
    return any(word in status for word in FORBIDDEN)


def _local(tag: object) -> str:
    """Return an element tag without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
