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


def prose(text: str, path: str, body_start: int = 0) -> Prose | None:
    """Return the prose of a Markdown or hard-wrapped file; None when it is the text itself."""
    from auditor.read.markdown import is_markdown, markdown_prose
    from auditor.read.wrap import is_hard_wrapped, unwrap

    if is_markdown(path):
        return markdown_prose(text, body_start)
    if is_hard_wrapped(text, body_start):
        return Prose(unwrap(text, body_start))
    return None
