"""Shortcuts of the speed work give exactly what the plain computation gives."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.engine import measured
from auditor.model import Sentence
from auditor.read.decode import document_from_text
from auditor.read.tokens import word_count
from auditor.rules import punctuation as p

# Letters, stops, quotation marks, spaces and line breaks: what the punctuation patterns read.
TEXTS = st.text(alphabet=list("aZbY .,;:!?\"“”'’-\t\u00a0\n\r@/_"), max_size=80)
SCOUTED = [
    (p.DOUBLED_PERIOD, p.TWO_PERIODS),
    (p.SPACE_BEFORE, p.SPACED_MARK),
    (p.MISSING_SPACE, p.MARK_BEFORE_CAPITAL),
    (p.SPACE_INSIDE_QUOTES, p.SPACED_QUOTE),
]


def spans(found: object) -> list[tuple[int, int]]:
    """Return the spans of an iterable of matches."""
    return [m.span() for m in found]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=10))
def test_line_matches_are_the_pattern_matches(text: str, start: int) -> None:
    for pattern, scout in SCOUTED:
        plain = spans(pattern.finditer(text, start))
        assert spans(p.line_matches(pattern, scout, text, start)) == plain, pattern.pattern


def test_line_matches_on_a_known_line() -> None:
    text = "First line.\nThey met in Vienna. . Then\nthird. ."
    found = spans(p.line_matches(p.DOUBLED_PERIOD, p.TWO_PERIODS, text, 0))
    assert [text[a:b] for a, b in found] == [". .", ". ."]


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=list("ab .'’-\n"), min_size=1, max_size=60),
    st.lists(st.integers(min_value=0, max_value=60), max_size=6),
)
def test_document_word_count_is_the_body_count(body: str, cuts: list[int]) -> None:
    """Sentences cut anywhere, even inside a word: the sum of the parts is the body's count."""
    doc = document_from_text("Title\n\n" + body)
    ends = sorted({doc.body_start + min(c, len(body)) for c in cuts})
    bounds = [doc.body_start, *ends, len(doc.text)]
    sentences = tuple(Sentence(k, a, b) for k, (a, b) in enumerate(itertools.pairwise(bounds)))
    doc = replace(doc, sentences=sentences, words=None)
    assert measured(doc).words == word_count(doc.text, doc.body_start)


def test_word_count_across_an_odd_sentence_end() -> None:
    doc = document_from_text("Title\n\nIt is U.S.-made. He can't go.")
    assert measured(doc).words == word_count(doc.text, doc.body_start)
