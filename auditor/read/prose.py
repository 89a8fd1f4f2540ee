"""The prose of a file: what the rules read, at the file's own offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prose:
    """Text as long as the file, markup blanked and soft line breaks as spaces; its blocks.

    `blocks` are the spans of running text (paragraphs, headings) when the format defines
    them; empty means paragraphs between blank lines.
    """

    text: str
    blocks: tuple[tuple[int, int], ...] = ()
