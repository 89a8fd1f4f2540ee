"""Fingerprints: keys of findings that survive edits elsewhere in the text.

A fingerprint is the rule plus a hash of the normalised evidence and up to two words either
side of it within its sentence, so fixing a typo elsewhere in the sentence keeps every other
finding's key. Keys of the first form (a hash of the whole normalised sentence, 16 hex digits)
still match: `LegacyKeys` computes them once per sentence, and only when a baseline or
suppressions file holds any.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Mapping

from auditor.model import Document, Finding
from auditor.read.tokens import normalise

CONTEXT_WORDS = 2
CONTEXT_CHARS = 40  # how far either side of the evidence the context words are looked for
LEGACY = re.compile(r"[A-Z]+\d+:[0-9a-f]{16}")
WORD_CHAR = re.compile(r"\w")


def _digest(text: str, length: int) -> str:
    """Return the first `length` hex digits of the SHA-256 of `text`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def fingerprint(code: str, doc: Document, start: int, end: int) -> str:
    """Return the key of a finding: rule, normalised evidence and a little context."""
    sentence = doc.sentence_at(start)
    low, high = (sentence.start, sentence.end) if sentence else (0, len(doc.text))
    lo, hi = max(low, start - CONTEXT_CHARS), min(max(high, end), end + CONTEXT_CHARS)
    before = normalise(doc.text[lo:start]).split()
    after = normalise(doc.text[end:hi]).split()
    if before and lo > low and WORD_CHAR.match(doc.text[lo - 1]):
        before = before[1:]  # a word cut by the window
    if after and hi < high and WORD_CHAR.match(doc.text[hi]):
        after = after[:-1]
    parts = (before[-CONTEXT_WORDS:], normalise(doc.text[start:end]), after[:CONTEXT_WORDS])
    return f"{code}:{_digest(repr(parts), 20)}"


def is_legacy(key: str) -> bool:
    """Return True for a fingerprint of the first form (rule and whole-sentence hash)."""
    return LEGACY.fullmatch(key) is not None


class LegacyKeys:
    """The first-form fingerprints of findings, each sentence normalised and hashed once."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self.sentences: dict[tuple[str, int], str] = {}

    def of(self, finding: Finding) -> str:
        """Return the first-form key of `finding`."""
        doc = self.documents[finding.doc]
        sentence = doc.sentence_at(finding.start)
        if sentence is None:
            return f"{finding.rule}:{_digest(normalise(finding.evidence), 16)}"
        cached = (doc.id, sentence.index)
        if cached not in self.sentences:
            self.sentences[cached] = _digest(normalise(doc.sentence_text(sentence.index)), 16)
        return f"{finding.rule}:{self.sentences[cached]}"


def dismissed_by(
    findings: Collection[Finding], keys: Collection[str], documents: Mapping[str, Document]
) -> set[int]:
    """Return the indices of the findings whose new or first-form key is among `keys`."""
    legacy = {k for k in keys if is_legacy(k)}
    old = LegacyKeys(documents)
    return {
        i
        for i, f in enumerate(findings)
        if f.fingerprint in keys or (legacy and old.of(f) in legacy)
    }
