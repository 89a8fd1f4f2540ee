"""Scan paragraphs for quotation marks that open where they should close or never close."""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass

from auditor.knowledge.lexicon import alternation, char_class, lexicon

LINE = re.compile(r"[^\r\n]*\S[^\r\n]*")
LEX = lexicon()
SAY = alternation(LEX.speech_verbs)
SPEAKER = re.compile(
    rf"\s*(?:[A-Z][\w.’'-]*\s+){{1,4}}(?:{SAY})\b"
    rf"|\s*(?:{alternation(LEX.words['speech_subjects'])})\s+(?:{SAY})\b"
    rf"|\s*(?:{SAY})\s+(?:the\s+)?[A-Za-z]"
)
DOUBLE_QUOTES = re.compile(char_class(LEX.quotes.english_double))
OPENING_SINGLE = re.compile(r"(?<![\w’])‘(?=\w)")
CLOSING_SINGLE = re.compile(r"(?<=[\w.,!?”\"])’(?![\w])")
BEFORE_OPENER = " \t\u00a0\r\n([{—–-/"
AFTER_CLOSER = " \t\u00a0\r\n)]}—–-,.;:!?"


@dataclass(frozen=True, slots=True)
class QuoteProblem:
    """A quotation mark that is misplaced, never closed or closes nothing."""

    kind: str
    start: int
    end: int
    suggestion: str | None = None


def quote_problems(text: str, start: int = 0, *, singles: bool = True) -> Iterator[QuoteProblem]:
    """Yield the quotation-mark problems of each line (paragraph) after `start`; those of single
    quotation marks only with `singles`."""
    carried = False
    for m in LINE.finditer(text, start):
        marks = [
            (q.start(), _role(text, q.start())) for q in DOUBLE_QUOTES.finditer(text, *m.span())
        ]
        open_at: int | None = None
        if all(role is not None for _, role in marks):
            open_at = yield from _double_problems(text, marks, carried)
        carried = open_at is not None and _continues(text, m.end())
        if open_at is not None and open_at >= 0 and not carried:
            yield QuoteProblem("unclosed", open_at, open_at + 1)
        if singles:
            yield from _single_problems(text, *m.span())


def _double_problems(
    text: str, marks: list[tuple[int, str | None]], carried: bool
) -> Generator[QuoteProblem, None, int | None]:
    """Track double quotation marks through one line; return where a quotation is left open.

    A quotation carried over from the line before is open at -1 until it closes or a new
    quotation opens the line (the convention for quotations that run over paragraphs).
    """
    open_at: int | None = -1 if carried else None
    for i, (pos, role) in enumerate(marks):
        if role == "close":
            if open_at is None and text[pos] == "”":
                yield QuoteProblem("stray", pos, pos + 1)
            open_at = None
        elif open_at is None or (open_at == -1 and i == 0):
            open_at = pos
        else:
            problem = _misplaced(text, open_at, pos)
            if problem.kind == "misplaced" or open_at >= 0:
                yield problem
            open_at = None if problem.kind == "misplaced" else pos
    return open_at


def _continues(text: str, end: int) -> bool:
    """Return True if the quotation open at `end` goes on: the next mark opens a line or closes."""
    m = DOUBLE_QUOTES.search(text, end)
    if m is None:
        return False
    line_start = not text[end : m.start()].strip()
    return line_start or _role(text, m.start()) == "close"


def _misplaced(text: str, open_at: int, pos: int) -> QuoteProblem:
    """Judge a second opening mark: a closing mark written as an opening one (tight after a
    word, or after punctuation before the speaker), or else an unclosed first."""
    closing = "”" if text[pos] == "“" else '"'
    if text[pos] == "“" and _closes_here(text, pos):
        return QuoteProblem("misplaced", pos, pos + 1, closing)
    before = text[open_at + 1 : pos].rstrip(" \t\u00a0")
    if before and before[-1] in ",.!?" and SPEAKER.match(text, pos + 1):
        punct_at = open_at + len(before)
        space = "" if text[pos + 1 : pos + 2].isspace() else " "
        return QuoteProblem("misplaced", punct_at, pos + 1, f"{before[-1]}{closing}{space}")
    return QuoteProblem("unclosed", open_at, open_at + 1)


def _closes_here(text: str, pos: int) -> bool:
    """Return True if a mark stands where a closing one does: tight after a word or punctuation,
    before a space, punctuation or the end of the text ("the “Twilight“ series")."""
    prev = text[pos - 1] if pos else " "
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    return prev not in BEFORE_OPENER and nxt in AFTER_CLOSER


def _role(text: str, pos: int) -> str | None:
    """Return "open" or "close" for a double quotation mark, or None when ambiguous."""
    mark = text[pos]
    prev = text[pos - 1] if pos else " "
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    if prev == "=" or nxt == ">" or (prev.isdigit() and mark != "“"):
        return None  # markup (href="...">) or inches and seconds (17”, 12")
    if mark == "“":
        return "open"
    if mark == "”":
        return "close" if prev not in " \t\u00a0" or nxt in AFTER_CLOSER else "open"
    if prev in BEFORE_OPENER and nxt not in AFTER_CLOSER:
        return "open"
    if prev not in BEFORE_OPENER and nxt in AFTER_CLOSER:
        return "close"
    return None


def _single_problems(text: str, start: int, end: int) -> Iterator[QuoteProblem]:
    """Flag an opening single quotation mark with no closing one after it in the paragraph."""
    closers = [m.start() for m in CLOSING_SINGLE.finditer(text, start, end)]
    for m in OPENING_SINGLE.finditer(text, start, end):
        if not any(c > m.start() for c in closers):
            yield QuoteProblem("unclosed", m.start(), m.end())
