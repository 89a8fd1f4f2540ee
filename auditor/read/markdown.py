"""Markdown prose: the file with code, HTML, URLs, front matter and markup blanked out.

A CommonMark parser (markdown-it-py) finds the paragraphs and headings; the characters of their
text are kept in place and everything else becomes a space, so offsets still point into the file
as read. Soft line breaks join lines (they become spaces); hard breaks and block ends stay.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from auditor.read.lines import NEWLINE
from auditor.read.prose import Prose

if TYPE_CHECKING:
    from markdown_it.token import Token

FRONT_MATTER = re.compile(r"(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def is_markdown(path: str) -> bool:
    """Return True if the file name says Markdown."""
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def blank(text: str, start: int = 0, end: int | None = None) -> str:
    """Return text[start:end] with every character but line breaks turned into a space."""
    return re.sub(r"[^\r\n]", " ", text[start:end])


def front_matter_end(text: str) -> int:
    """Return where a leading YAML (---) or TOML (+++) front matter block ends, or 0."""
    m = FRONT_MATTER.match(text)
    if not m:
        return 0
    fence = m.group()[:3]
    closing = re.compile(rf"(?:\r\n|\r|\n)(?:{re.escape(fence)}|\.\.\.)[ \t]*(?=\r\n|\r|\n|\Z)")
    end = closing.search(text, m.end() - 1)
    return end.end() if end else 0


def markdown_prose(text: str, body_start: int = 0) -> Prose:
    """Return the prose of a Markdown text: paragraphs and headings after `body_start`.

    Paragraphs are the blocks sentences are split in; a heading is prose but not a sentence.
    """
    from markdown_it import MarkdownIt

    skip = max(body_start, front_matter_end(text))
    source = blank(text, 0, skip) + text[skip:]
    out = list(blank(text))
    starts = [0] + [m.end() for m in NEWLINE.finditer(text)]
    blocks = []
    in_paragraph = False
    for token in MarkdownIt("commonmark").parse(source):
        in_paragraph = token.type == "paragraph_open" or (in_paragraph and token.type == "inline")
        if token.type != "inline" or token.map is None:
            continue
        first, last = token.map
        start = starts[first]
        end = starts[last] if last < len(starts) else len(text)
        _keep_text(text, out, token.children or [], start, end)
        if in_paragraph:
            blocks.append((start, end))
    return Prose("".join(out), tuple(blocks))


def _keep_text(text: str, out: list[str], children: list[Token], pos: int, end: int) -> None:
    """Copy the characters of an inline token's text children from `text` into `out`."""
    autolink = False
    for child in children:
        kind = child.type
        if kind == "text" and not autolink:
            pos = _copy(text, out, child.content, pos, end)
        elif kind in ("code_inline", "html_inline") or (kind == "text" and autolink):
            found = text.find(child.content, pos, end)
            pos = pos if found < 0 else found + len(child.content)
        elif kind == "softbreak":
            pos = _soft_break(text, out, pos, end)
        elif kind == "hardbreak":
            m = NEWLINE.search(text, pos, end)
            pos = m.end() if m else pos
        elif kind == "link_open":
            autolink = child.markup == "autolink"
        elif kind == "link_close":
            pos = _after_link(text, pos, end, autolink)
            autolink = False
        elif kind == "image":
            pos = _after_link(text, text.find("]", pos, end) if "]" in text[pos:end] else pos, end)
    return None


def _copy(text: str, out: list[str], content: str, pos: int, end: int) -> int:
    """Keep `content` where it stands in `text` from `pos`; return the position after it.

    Escapes and entities (`\\*`, `&amp;`) make the source differ from the content: then each
    character is kept where it is next found.
    """
    found = text.find(content, pos, end)
    if found >= 0:
        out[found : found + len(content)] = content
        return found + len(content)
    for ch in content:
        found = text.find(ch, pos, end)
        if found >= 0:
            out[found] = ch
            pos = found + 1
    return pos


def _soft_break(text: str, out: list[str], pos: int, end: int) -> int:
    """Turn the next line break into spaces (a soft break joins lines); return after it."""
    m = NEWLINE.search(text, pos, end)
    if m is None:
        return pos
    out[m.start() : m.end()] = " " * len(m.group())
    return m.end()


def _after_link(text: str, pos: int, end: int, autolink: bool = False) -> int:
    """Return the position after a link's closing `]` and its `(destination)` or `[label]`."""
    if autolink:
        close = text.find(">", pos, end)
        return pos if close < 0 else close + 1
    close = text.find("]", pos, end)
    if close < 0:
        return pos
    pos = close + 1
    pairs = {"(": ")", "[": "]"}
    if pos < end and text[pos] in pairs:
        opener, closer, depth = text[pos], pairs[text[pos]], 0
        for i in range(pos, end):
            depth += (text[i] == opener) - (text[i] == closer)
            if depth == 0:
                return i + 1
    return pos
