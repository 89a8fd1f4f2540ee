"""Show untrusted text safely (terminal, line records, HTML); know the invisible controls."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls, DEL, bidirectional controls, zero-width characters, line separators.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)


def shown(text: str) -> str:
    """Return `text` with every control or invisible character written as an escape (\\x1b)."""
    return UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    """Return the escape of one character: \\n, \\t, \\xHH or \\uHHHH."""
    ch = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if ch in named:
        return named[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


# Embeddings, overrides and isolates reorder everything after them until their terminator.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# Marks and zero-width characters that change nothing visible in a Latin-script text.
INVISIBLE = "\u061c\u200b-\u200f\u2060-\u2064\u180e\ufeff\ufff9-\ufffb"
RUN = re.compile(f"[{BIDI_CONTROLS}{INVISIBLE}]+")
BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# Joiners and marks that scripts other than Latin (Arabic, Persian, Indic) and emoji need.
JOINERS = frozenset("\u200c\u200d\u200e\u200f\u061c")


def needed(text: str, start: int, end: int) -> bool:
    """Return True for joiners or marks between characters of a script or emoji that uses them."""
    if not set(text[start:end]) <= JOINERS:
        return False
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return _non_latin(before) or _non_latin(after)


def _non_latin(ch: str) -> bool:
    """Return True for a letter or symbol outside Latin script (Arabic, Indic, emoji...)."""
    if not ch or ch.isspace() or ord(ch) < 0x250:
        return False
    return unicodedata.category(ch)[0] in "LMS"


def describe(ch: str) -> str:
    """Return `U+XXXX NAME` for a character."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')}"


def visible(text: str) -> str:
    """Return `text` with each stray invisible or bidirectional control shown as ⟨U+XXXX⟩."""
    return RUN.sub(lambda m: _marks(text, m), text) if RUN.search(text) else text


def _marks(text: str, m: re.Match[str]) -> str:
    """Return the visible marks of one run (or the run itself when a script needs it)."""
    if needed(text, m.start(), m.end()):
        return m.group()
    return "".join(f"⟨U+{ord(c):04X}⟩" for c in m.group())
