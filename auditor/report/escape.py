"""Show untrusted text (file names, article words) safely on a terminal or in a line record."""

from __future__ import annotations

import re

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
